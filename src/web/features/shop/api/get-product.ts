import { useQuery } from '@tanstack/react-query';
import type { ProductView } from '../../../../contracts/catalog';
import { api } from '../../../lib/api-client';

export function getProduct(id: string, signal?: AbortSignal): Promise<ProductView> {
  return api.get<ProductView>(`/products/${encodeURIComponent(id)}`, { signal });
}

/** A product on sale as buyers see it: claims whose certificate lapsed are already withdrawn. */
export function useProduct(id: string) {
  return useQuery({ queryKey: ['shop', 'product', id], queryFn: ({ signal }) => getProduct(id, signal) });
}
