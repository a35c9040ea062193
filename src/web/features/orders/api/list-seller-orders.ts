import { useQuery } from '@tanstack/react-query';
import type { OrderStatus, OrderView } from '../../../../contracts/sales';
import { api } from '../../../lib/api-client';
import { orderListLimit } from './list-my-orders';
import { sellerOrdersQueryKey } from './order-keys';

export async function listSellerOrders(status: OrderStatus | undefined, signal?: AbortSignal): Promise<OrderView[]> {
  const { items } = await api.get<{ items: OrderView[] }>('/seller/orders', { query: { status, limit: orderListLimit }, signal });
  return items;
}

/** Orders of the seller's shop, newest first; polled so a paid order shows up without a reload. */
export function useSellerOrders(status: OrderStatus | undefined) {
  return useQuery({
    queryKey: sellerOrdersQueryKey(status),
    queryFn: ({ signal }) => listSellerOrders(status, signal),
    refetchInterval: 30_000,
  });
}
