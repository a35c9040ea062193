import type { ProductSearchFilter } from '../api/search-products';

/** `/search?…` for a filter, leaving out what is unset so links stay short and shareable. */
export function searchPath(filter: ProductSearchFilter): string {
  const params = new URLSearchParams();
  for (const key of ['q', 'category', 'province', 'county', 'sort'] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  const qs = params.toString();
  return qs ? `/search?${qs}` : '/search';
}
