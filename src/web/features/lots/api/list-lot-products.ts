import { useQuery } from '@tanstack/react-query';
import type { SellerProductView } from '../../../../contracts/catalog';
import { api } from '../../../lib/api-client';

/** The seller's products, for choosing whose lots to show; every state, since an off-sale product's lots still ship. */
export async function listLotProducts(signal?: AbortSignal): Promise<SellerProductView[]> {
  const { items } = await api.get<{ items: SellerProductView[] }>('/seller/products', { signal });
  return items;
}

export function useLotProducts() {
  return useQuery({ queryKey: ['lots', 'products'], queryFn: ({ signal }) => listLotProducts(signal) });
}
