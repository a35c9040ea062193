import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { moderatorsQueryKey } from './list-moderators';

/** Only the anchor appoints moderators. */
export function addModerator({ roomId, userId }: { roomId: string; userId: string }): Promise<{ ok: true }> {
  return api.post<{ ok: true }>(`/rooms/${encodeURIComponent(roomId)}/moderators`, { userId });
}

export function useAddModerator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addModerator,
    onSettled: (_data, _error, { roomId }) => queryClient.invalidateQueries({ queryKey: moderatorsQueryKey(roomId) }),
  });
}
