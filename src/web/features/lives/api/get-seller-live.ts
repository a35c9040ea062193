import { useQuery } from '@tanstack/react-query';
import type { SellerLiveView } from '../../../../contracts/live';
import { api } from '../../../lib/api-client';
import { sellerLivesQueryKey } from './list-seller-lives';

export function sellerLiveQueryKey(id: string) {
  return [...sellerLivesQueryKey, 'detail', id] as const;
}

export function getSellerLive(id: string, signal?: AbortSignal): Promise<SellerLiveView> {
  return api.get<SellerLiveView>(`/seller/lives/${encodeURIComponent(id)}`, { signal });
}

export function useSellerLive(id: string | undefined) {
  return useQuery({
    queryKey: sellerLiveQueryKey(id ?? ''),
    queryFn: ({ signal }) => getSellerLive(id!, signal),
    enabled: id !== undefined,
    // The editor starts from what is stored now, not from a list row polled a while ago.
    staleTime: 0,
  });
}
