import { useQuery } from '@tanstack/react-query';
import type { SellerLiveView } from '../../../../contracts/live';
import { api } from '../../../lib/api-client';

export const sellerLivesQueryKey = ['lives', 'seller'] as const;

export async function listSellerLives(signal?: AbortSignal): Promise<SellerLiveView[]> {
  const { items } = await api.get<{ items: SellerLiveView[] }>('/seller/lives', { signal });
  return items;
}

/**
 * A live starts and stops when OBS does, which only the server sees: while one is on air the
 * list is followed closely; while one waits to start, loosely enough to notice the start.
 */
export function livesPollInterval(lives: SellerLiveView[] | undefined): number | false {
  if (!lives) return false;
  if (lives.some((l) => l.status === 'live')) return 5_000;
  if (lives.some((l) => l.status === 'scheduled')) return 15_000;
  return false;
}

/** The seller's lives, latest scheduled first, polled while one is on air or about to be. */
export function useSellerLives() {
  return useQuery({
    queryKey: [...sellerLivesQueryKey, 'list'],
    queryFn: ({ signal }) => listSellerLives(signal),
    refetchInterval: (query) => livesPollInterval(query.state.data),
  });
}
