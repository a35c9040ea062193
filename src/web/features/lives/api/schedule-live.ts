import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LiveBody, SellerLiveView } from '../../../../contracts/live';
import { api } from '../../../lib/api-client';
import { sellerLiveQueryKey } from './get-seller-live';
import { sellerLivesQueryKey } from './list-seller-lives';

/** 预约直播: the title and script pass the claims checker here and again when the stream starts. */
export function scheduleLive(body: LiveBody): Promise<SellerLiveView> {
  return api.post<SellerLiveView>('/seller/lives', body);
}

export function useScheduleLive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: scheduleLive,
    onSuccess: (live) => queryClient.setQueryData(sellerLiveQueryKey(live.id), live),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...sellerLivesQueryKey, 'list'] }),
  });
}
