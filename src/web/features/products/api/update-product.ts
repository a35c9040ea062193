import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProductBody, SellerProductView } from '../../../../contracts/catalog';
import { api } from '../../../lib/api-client';
import { sellerProductQueryKey } from './get-seller-product';
import { sellerProductsQueryKey } from './list-seller-products';

/** Replaces the listing; SKUs sent with their `id` are kept, those left out are retired. */
export function updateProduct({ id, body }: { id: string; body: ProductBody }): Promise<SellerProductView> {
  return api.put<SellerProductView>(`/seller/products/${encodeURIComponent(id)}`, body);
}

export function useUpdateProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProduct,
    onSuccess: (product) => queryClient.setQueryData(sellerProductQueryKey(product.id), product),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...sellerProductsQueryKey, 'list'] }),
  });
}
