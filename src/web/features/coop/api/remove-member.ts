import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { coopMembersQueryKey } from './list-members';

export function removeCoopMember(memberId: string): Promise<{ ok: true }> {
  return api.delete<{ ok: true }>(`/coop/members/${encodeURIComponent(memberId)}`);
}

export function useRemoveCoopMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeCoopMember,
    // Refetch on failure too: a 404 means someone else already changed the list.
    onSettled: () => queryClient.invalidateQueries({ queryKey: coopMembersQueryKey }),
  });
}
