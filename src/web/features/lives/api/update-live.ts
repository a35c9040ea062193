import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LiveBody, SellerLiveView } from '../../../../contracts/live';
import { api } from '../../../lib/api-client';
import { sellerLiveQueryKey } from './get-seller-live';
import { sellerLivesQueryKey } from './list-seller-lives';

/** Only a live that has not started can change; the server answers 409 otherwise. */
export function updateLive({ id, body }: { id: string; body: LiveBody }): Promise<SellerLiveView> {
  return api.put<SellerLiveView>(`/seller/lives/${encodeURIComponent(id)}`, body);
}

export function useUpdateLive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateLive,
    onSuccess: (live) => queryClient.setQueryData(sellerLiveQueryKey(live.id), live),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...sellerLivesQueryKey, 'list'] }),
  });
}
