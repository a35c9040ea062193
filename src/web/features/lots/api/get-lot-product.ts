import { useQuery } from '@tanstack/react-query';
import type { SellerProductView } from '../../../../contracts/catalog';
import { api } from '../../../lib/api-client';

/** The product a lot belongs to, for its title and photo at the top of the lot page. */
export function useLotProduct(productId: string | undefined) {
  return useQuery({
    queryKey: ['lots', 'product', productId],
    queryFn: ({ signal }) => api.get<SellerProductView>(`/seller/products/${encodeURIComponent(productId!)}`, { signal }),
    enabled: Boolean(productId),
  });
}
