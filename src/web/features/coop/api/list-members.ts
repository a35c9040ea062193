import { useQuery } from '@tanstack/react-query';
import type { CoopMemberList, CoopMemberView } from '../../../../contracts/coop';
import { api } from '../../../lib/api-client';

export const coopMembersQueryKey = ['coop', 'members'] as const;

export async function listCoopMembers(signal?: AbortSignal): Promise<CoopMemberView[]> {
  const list = await api.get<CoopMemberList>('/coop/members', { signal });
  return list.items;
}

export function useCoopMembers() {
  return useQuery({ queryKey: coopMembersQueryKey, queryFn: ({ signal }) => listCoopMembers(signal) });
}
