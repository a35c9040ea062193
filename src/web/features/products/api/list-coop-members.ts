import { useQuery } from '@tanstack/react-query';
import type { CoopMemberList, CoopMemberView } from '../../../../contracts/coop';
import { api } from '../../../lib/api-client';

export async function listCoopMembers(signal?: AbortSignal): Promise<CoopMemberView[]> {
  const { items } = await api.get<CoopMemberList>('/coop/members', { signal });
  return items;
}

/** The co-op's members whose products it may manage; only called for co-op accounts. */
export function useCoopMembers(enabled: boolean) {
  return useQuery({
    queryKey: ['products', 'coop-members'],
    queryFn: ({ signal }) => listCoopMembers(signal),
    enabled,
  });
}
