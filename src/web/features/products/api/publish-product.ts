import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SellerProductView } from '../../../../contracts/catalog';
import { api } from '../../../lib/api-client';
import { sellerProductQueryKey } from './get-seller-product';
import { sellerProductsQueryKey } from './list-seller-products';

/** 上架: the server checks the claims again, since a certificate may have lapsed since the draft. */
export function publishProduct(id: string): Promise<SellerProductView> {
  return api.post<SellerProductView>(`/seller/products/${encodeURIComponent(id)}/publish`);
}

export function usePublishProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: publishProduct,
    onSuccess: (product) => queryClient.setQueryData(sellerProductQueryKey(product.id), product),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...sellerProductsQueryKey, 'list'] }),
  });
}
