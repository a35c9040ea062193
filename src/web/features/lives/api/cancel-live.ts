import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SellerLiveView } from '../../../../contracts/live';
import { api } from '../../../lib/api-client';
import { sellerLiveQueryKey } from './get-seller-live';
import { sellerLivesQueryKey } from './list-seller-lives';

/** A scheduled live that will not happen; buyers stop seeing it. */
export function cancelLive(id: string): Promise<SellerLiveView> {
  return api.post<SellerLiveView>(`/seller/lives/${encodeURIComponent(id)}/cancel`);
}

export function useCancelLive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelLive,
    onSuccess: (live) => queryClient.setQueryData(sellerLiveQueryKey(live.id), live),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...sellerLivesQueryKey, 'list'] }),
  });
}
