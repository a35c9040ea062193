import { useQuery } from '@tanstack/react-query';
import type { LiveListQuery, LiveView } from '../../../../contracts/live';
import { api } from '../../../lib/api-client';

export async function listLives(query: LiveListQuery, signal?: AbortSignal): Promise<LiveView[]> {
  const { items } = await api.get<{ items: LiveView[] }>('/lives', { query: { ...query }, signal });
  return items;
}

/**
 * Without a status: lives on air first, then the ones coming up. `ended` lists replays.
 * On air lists are refreshed every half minute so a live that starts shows up without a reload.
 */
export function useLives(status?: 'ended', limit?: number) {
  const query: LiveListQuery = { ...(status ? { status } : {}), ...(limit ? { limit } : {}) };
  return useQuery({
    queryKey: ['watch', 'lives', query],
    queryFn: ({ signal }) => listLives(query, signal),
    refetchInterval: status ? false : 30_000,
  });
}
