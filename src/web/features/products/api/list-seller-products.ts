import { useQuery } from '@tanstack/react-query';
import type { ProductStatus, SellerProductListQuery, SellerProductView } from '../../../../contracts/catalog';
import { api } from '../../../lib/api-client';

export const sellerProductsQueryKey = ['products', 'seller'] as const;

export async function listSellerProducts(query: SellerProductListQuery, signal?: AbortSignal): Promise<SellerProductView[]> {
  const { items } = await api.get<{ items: SellerProductView[] }>('/seller/products', { query: { ...query }, signal });
  return items;
}

/** `sellerId` is set when a co-op account looks at one of its members' shops. */
export function useSellerProducts(filter: { status?: ProductStatus | undefined; sellerId?: string | undefined }) {
  const query: SellerProductListQuery = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.sellerId ? { sellerId: filter.sellerId } : {}),
  };
  return useQuery({
    queryKey: [...sellerProductsQueryKey, 'list', query],
    queryFn: ({ signal }) => listSellerProducts(query, signal),
  });
}
