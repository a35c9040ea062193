import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { myCoopsQueryKey } from './list-my-coops';

/** Leaves a co-op, or declines its invitation: the server treats both as ending the link. */
export function leaveCoop(coopId: string): Promise<{ ok: true }> {
  return api.post<{ ok: true }>(`/me/coops/${encodeURIComponent(coopId)}/leave`);
}

export function useLeaveCoop() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: leaveCoop,
    onSettled: () => queryClient.invalidateQueries({ queryKey: myCoopsQueryKey }),
  });
}
