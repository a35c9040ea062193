import { useQuery } from '@tanstack/react-query';
import type { FlashSaleView } from '../../../../contracts/sales';
import { api } from '../../../lib/api-client';

export function flashSalesQueryKey(liveId: string) {
  return ['lives', 'flash-sales', liveId] as const;
}

export async function listFlashSales(liveId: string, signal?: AbortSignal): Promise<FlashSaleView[]> {
  const { items } = await api.get<{ items: FlashSaleView[] }>(`/seller/lives/${encodeURIComponent(liveId)}/flash-sales`, { signal });
  return items;
}

/**
 * 本场秒杀. The room socket carries the running sale's stock second by second; the list itself is
 * asked again when a sale starts, sells out or ends, and slowly otherwise in case the socket is down.
 */
export function useFlashSales(liveId: string) {
  return useQuery({
    queryKey: flashSalesQueryKey(liveId),
    queryFn: ({ signal }) => listFlashSales(liveId, signal),
    refetchInterval: (query) => (query.state.data?.some((s) => s.status === 'running') ? 10_000 : false),
  });
}
