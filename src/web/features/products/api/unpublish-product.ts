import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SellerProductView } from '../../../../contracts/catalog';
import { api } from '../../../lib/api-client';
import { sellerProductQueryKey } from './get-seller-product';
import { sellerProductsQueryKey } from './list-seller-products';

/** 下架: buyers no longer find it; the seller can edit it and put it back on sale. */
export function unpublishProduct(id: string): Promise<SellerProductView> {
  return api.post<SellerProductView>(`/seller/products/${encodeURIComponent(id)}/unpublish`);
}

export function useUnpublishProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: unpublishProduct,
    onSuccess: (product) => queryClient.setQueryData(sellerProductQueryKey(product.id), product),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...sellerProductsQueryKey, 'list'] }),
  });
}
