import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CoopInviteBody, CoopMemberView } from '../../../../contracts/coop';
import { api } from '../../../lib/api-client';
import { coopMembersQueryKey } from './list-members';

export function inviteCoopMember(body: CoopInviteBody): Promise<CoopMemberView> {
  return api.post<CoopMemberView>('/coop/members', body);
}

export function useInviteCoopMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: inviteCoopMember,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: coopMembersQueryKey }),
  });
}
