import { useQuery } from '@tanstack/react-query';
import type { CatalogFacets } from '../../../../contracts/catalog';
import { api } from '../../../lib/api-client';

export function getCatalogFacets(signal?: AbortSignal): Promise<CatalogFacets> {
  return api.get<CatalogFacets>('/products/facets', { signal });
}

/** The categories and origins that have something on sale, with counts, for chips and filters. */
export function useCatalogFacets() {
  return useQuery({ queryKey: ['shop', 'facets'], queryFn: ({ signal }) => getCatalogFacets(signal), staleTime: 5 * 60_000 });
}
