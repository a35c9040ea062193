import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OrderView } from '../../../../contracts/sales';
import { api } from '../../../lib/api-client';
import { orderQueryKey, ordersQueryKey } from './order-keys';

/** Cancels an unpaid order; its units go back on sale. */
export function cancelOrder(id: string): Promise<OrderView> {
  return api.post<OrderView>(`/orders/${encodeURIComponent(id)}/cancel`);
}

export function useCancelOrder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelOrder,
    onSuccess: (order) => {
      queryClient.setQueryData(orderQueryKey(order.id), order);
      void queryClient.invalidateQueries({ queryKey: ordersQueryKey });
    },
  });
}
