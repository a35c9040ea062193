import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { moderatorsQueryKey } from './list-moderators';

export function removeModerator({ roomId, userId }: { roomId: string; userId: string }): Promise<{ ok: true }> {
  return api.delete<{ ok: true }>(`/rooms/${encodeURIComponent(roomId)}/moderators/${encodeURIComponent(userId)}`);
}

export function useRemoveModerator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeModerator,
    onSettled: (_data, _error, { roomId }) => queryClient.invalidateQueries({ queryKey: moderatorsQueryKey(roomId) }),
  });
}
