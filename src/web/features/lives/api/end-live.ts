import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { roomQueryKey } from './get-room';
import { sellerLivesQueryKey } from './list-seller-lives';

/** 结束直播: the server drops the publisher, so OBS left running cannot keep the live on air. */
export function endLive(id: string): Promise<{ ok: true }> {
  return api.post<{ ok: true }>(`/seller/lives/${encodeURIComponent(id)}/end`);
}

export function useEndLive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: endLive,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: sellerLivesQueryKey }),
        queryClient.invalidateQueries({ queryKey: roomQueryKey }),
      ]),
  });
}
