import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { sanctionsQueryKey } from './list-sanctions';

export function liftSanction({ roomId, userId }: { roomId: string; userId: string }): Promise<{ ok: true }> {
  return api.delete<{ ok: true }>(`/rooms/${encodeURIComponent(roomId)}/sanctions/${encodeURIComponent(userId)}`);
}

export function useLiftSanction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: liftSanction,
    onSettled: (_data, _error, { roomId }) => queryClient.invalidateQueries({ queryKey: sanctionsQueryKey(roomId) }),
  });
}
