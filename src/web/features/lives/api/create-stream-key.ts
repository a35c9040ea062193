import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { StreamKeyView } from '../../../../contracts/live';
import { api } from '../../../lib/api-client';
import { roomQueryKey } from './get-room';

/** A new key: the server keeps only its hash, so this answer is the one time it can be shown. */
export function createStreamKey(): Promise<StreamKeyView> {
  return api.post<StreamKeyView>('/seller/room/stream-key');
}

export function useCreateStreamKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createStreamKey,
    // The room's key hint changed, and a publisher on the old key was dropped.
    onSettled: () => queryClient.invalidateQueries({ queryKey: roomQueryKey }),
  });
}
