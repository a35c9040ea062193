import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProductBody, SellerProductView } from '../../../../contracts/catalog';
import { api } from '../../../lib/api-client';
import { sellerProductQueryKey } from './get-seller-product';
import { sellerProductsQueryKey } from './list-seller-products';

/** A new listing always starts as a draft; putting it on sale is a separate call. */
export function createProduct(body: ProductBody): Promise<SellerProductView> {
  return api.post<SellerProductView>('/seller/products', body);
}

export function useCreateProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createProduct,
    onSuccess: (product) => queryClient.setQueryData(sellerProductQueryKey(product.id), product),
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...sellerProductsQueryKey, 'list'] }),
  });
}
