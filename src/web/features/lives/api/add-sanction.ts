import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SanctionBody } from '../../../../contracts/room';
import { api } from '../../../lib/api-client';
import { sanctionsQueryKey } from './list-sanctions';

/** 禁言 (for some minutes) or 拉黑 (banned: out of the room's chat and likes). */
export function addSanction({ roomId, body }: { roomId: string; body: SanctionBody }): Promise<{ ok: true }> {
  return api.post<{ ok: true }>(`/rooms/${encodeURIComponent(roomId)}/sanctions`, body);
}

export function useAddSanction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addSanction,
    onSettled: (_data, _error, { roomId }) => queryClient.invalidateQueries({ queryKey: sanctionsQueryKey(roomId) }),
  });
}
