import { useQuery } from '@tanstack/react-query';
import type { LivePreflight } from '../../../../contracts/live';
import { api } from '../../../lib/api-client';
import { sellerLivesQueryKey } from './list-seller-lives';

export function getLivePreflight(id: string, signal?: AbortSignal): Promise<LivePreflight> {
  return api.get<LivePreflight>(`/seller/lives/${encodeURIComponent(id)}/preflight`, { signal });
}

/**
 * What would stop this live from starting now. Asked fresh each time the check is opened:
 * a certificate may have lapsed or the rules changed since the live was scheduled.
 */
export function useLivePreflight(id: string | undefined) {
  return useQuery({
    queryKey: [...sellerLivesQueryKey, 'preflight', id ?? ''],
    queryFn: ({ signal }) => getLivePreflight(id!, signal),
    enabled: id !== undefined,
    staleTime: 0,
    gcTime: 0,
  });
}
