import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FlashSaleView } from '../../../../contracts/sales';
import { api } from '../../../lib/api-client';
import { flashSalesQueryKey } from './list-flash-sales';
import { onSaleProductsQueryKey } from './list-on-sale-products';

/** Ends a running sale early; units nobody bought go back to the SKU. */
export function stopFlashSale(id: string): Promise<FlashSaleView> {
  return api.post<FlashSaleView>(`/seller/flash-sales/${encodeURIComponent(id)}/stop`);
}

export function useStopFlashSale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: stopFlashSale,
    onSuccess: (sale) => {
      void queryClient.invalidateQueries({ queryKey: flashSalesQueryKey(sale.liveId) });
      void queryClient.invalidateQueries({ queryKey: onSaleProductsQueryKey });
    },
  });
}
