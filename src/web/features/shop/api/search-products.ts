import { useInfiniteQuery } from '@tanstack/react-query';
import type { ProductSearchQuery, ProductSearchResult } from '../../../../contracts/catalog';
import { api } from '../../../lib/api-client';

/** The server serves at most this many pages of one search; beyond it a narrower search helps more. */
const maxPage = 50;
const pageSize = 20;

export type ProductSearchFilter = Omit<ProductSearchQuery, 'page' | 'limit'>;

export function searchProducts(query: ProductSearchQuery, signal?: AbortSignal): Promise<ProductSearchResult> {
  return api.get<ProductSearchResult>('/products', { query: { ...query }, signal });
}

/** Pages of product cards for a search or a browse, loaded one after another as the buyer scrolls. */
export function useProductSearch(filter: ProductSearchFilter) {
  return useInfiniteQuery({
    queryKey: ['shop', 'search', filter],
    queryFn: ({ pageParam, signal }) => searchProducts({ ...filter, page: pageParam, limit: pageSize }, signal),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.hasMore && last.page < maxPage ? last.page + 1 : undefined),
  });
}
