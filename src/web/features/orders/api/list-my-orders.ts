import { useQuery } from '@tanstack/react-query';
import type { OrderStatus, OrderView } from '../../../../contracts/sales';
import { api } from '../../../lib/api-client';
import { myOrdersQueryKey } from './order-keys';

/** The server answers the newest orders first, this many at most; there is no next page yet. */
export const orderListLimit = 100;

export async function listMyOrders(status: OrderStatus | undefined, signal?: AbortSignal): Promise<OrderView[]> {
  const { items } = await api.get<{ items: OrderView[] }>('/orders', { query: { status, limit: orderListLimit }, signal });
  return items;
}

/** 我的订单, optionally one status only. */
export function useMyOrders(status: OrderStatus | undefined) {
  return useQuery({ queryKey: myOrdersQueryKey(status), queryFn: ({ signal }) => listMyOrders(status, signal), staleTime: 10_000 });
}
