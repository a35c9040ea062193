import { useQuery } from '@tanstack/react-query';
import type { LotView } from '../../../../contracts/trace';
import { api } from '../../../lib/api-client';

export const lotsQueryKey = ['lots'] as const;

export async function listLots(productId: string, signal?: AbortSignal): Promise<LotView[]> {
  const { items } = await api.get<{ items: LotView[] }>('/seller/lots', { query: { productId }, signal });
  return items;
}

export function useLots(productId: string | undefined) {
  return useQuery({
    queryKey: [...lotsQueryKey, 'list', productId],
    queryFn: ({ signal }) => listLots(productId!, signal),
    enabled: Boolean(productId),
  });
}
