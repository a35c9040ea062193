import { useQuery } from '@tanstack/react-query';
import type { PublicLotList } from '../../../../contracts/trace';
import { api } from '../../../lib/api-client';

export async function listProductLots(productId: string, signal?: AbortSignal): Promise<PublicLotList['items']> {
  const { items } = await api.get<PublicLotList>(`/products/${encodeURIComponent(productId)}/lots`, { signal });
  return items;
}

/** The harvest lots behind a product on sale, newest first; each has a public trace page. */
export function useProductLots(productId: string) {
  return useQuery({ queryKey: ['shop', 'product', productId, 'lots'], queryFn: ({ signal }) => listProductLots(productId, signal) });
}
