import { useQuery } from '@tanstack/react-query';
import type { SellerProductView } from '../../../../contracts/catalog';
import { api } from '../../../lib/api-client';

export const onSaleProductsQueryKey = ['lives', 'on-sale-products'] as const;

export async function listOnSaleProducts(signal?: AbortSignal): Promise<SellerProductView[]> {
  const { items } = await api.get<{ items: SellerProductView[] }>('/seller/products', { query: { status: 'on_sale' }, signal });
  return items;
}

/** The seller's listings on sale: the only ones the server lets a live sell. */
export function useOnSaleProducts() {
  return useQuery({ queryKey: onSaleProductsQueryKey, queryFn: ({ signal }) => listOnSaleProducts(signal) });
}
