import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FlashSaleBody, FlashSaleView } from '../../../../contracts/sales';
import { api } from '../../../lib/api-client';
import { flashSalesQueryKey } from './list-flash-sales';
import { onSaleProductsQueryKey } from './list-on-sale-products';

/** Sets a flash sale up, ready to start; its units leave the SKU's stock until it ends. */
export function createFlashSale(body: FlashSaleBody): Promise<FlashSaleView> {
  return api.post<FlashSaleView>('/seller/flash-sales', body);
}

export function useCreateFlashSale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createFlashSale,
    onSuccess: (sale) => {
      void queryClient.invalidateQueries({ queryKey: flashSalesQueryKey(sale.liveId) });
      // Its units were taken from the SKU's stock.
      void queryClient.invalidateQueries({ queryKey: onSaleProductsQueryKey });
    },
  });
}
