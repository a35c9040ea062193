import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OrderView, SellerOrderAction } from '../../../../contracts/sales';
import { api } from '../../../lib/api-client';
import { ordersQueryKey } from './order-keys';

/** 打包 / 发货: moves a paid order of the seller's shop one step on. */
export function actOnOrder({ id, action }: { id: string; action: SellerOrderAction['action'] }): Promise<OrderView> {
  return api.post<OrderView>(`/seller/orders/${encodeURIComponent(id)}/actions`, { action });
}

export function useActOnOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: actOnOrder,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ordersQueryKey }),
  });
}
