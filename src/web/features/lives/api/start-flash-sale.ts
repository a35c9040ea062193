import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FlashSaleView } from '../../../../contracts/sales';
import { api } from '../../../lib/api-client';
import { flashSalesQueryKey } from './list-flash-sales';

/** 开抢: the clock starts and every viewer of the room sees the sale card. */
export function startFlashSale(id: string): Promise<FlashSaleView> {
  return api.post<FlashSaleView>(`/seller/flash-sales/${encodeURIComponent(id)}/start`);
}

export function useStartFlashSale() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startFlashSale,
    onSuccess: (sale) => queryClient.invalidateQueries({ queryKey: flashSalesQueryKey(sale.liveId) }),
  });
}
