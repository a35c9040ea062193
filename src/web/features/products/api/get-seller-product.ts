import { useQuery } from '@tanstack/react-query';
import type { SellerProductView } from '../../../../contracts/catalog';
import { api } from '../../../lib/api-client';
import { sellerProductsQueryKey } from './list-seller-products';

export function sellerProductQueryKey(id: string) {
  return [...sellerProductsQueryKey, 'detail', id] as const;
}

export function getSellerProduct(id: string, signal?: AbortSignal): Promise<SellerProductView> {
  return api.get<SellerProductView>(`/seller/products/${encodeURIComponent(id)}`, { signal });
}

export function useSellerProduct(id: string | undefined) {
  return useQuery({
    queryKey: sellerProductQueryKey(id ?? ''),
    queryFn: ({ signal }) => getSellerProduct(id!, signal),
    enabled: id !== undefined,
    // The editor must start from what is stored now, not a list row from a minute ago.
    staleTime: 0,
  });
}
