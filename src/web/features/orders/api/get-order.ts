import { useQuery } from '@tanstack/react-query';
import type { OrderView } from '../../../../contracts/sales';
import { api } from '../../../lib/api-client';
import { orderPollInterval, startedPayment } from './order-polling';
import { orderQueryKey } from './order-keys';

export function getOrder(id: string, signal?: AbortSignal): Promise<OrderView> {
  return api.get<OrderView>(`/orders/${encodeURIComponent(id)}`, { signal });
}

/**
 * One of the buyer's orders. The payment provider tells the server, not this page, that the money
 * moved; so while a payment started here is unconfirmed the order is asked again every moment.
 */
export function useOrder(id: string) {
  return useQuery({
    queryKey: orderQueryKey(id),
    queryFn: ({ signal }) => getOrder(id, signal),
    staleTime: 0,
    refetchInterval: (query) => orderPollInterval(query.state.data, startedPayment(id)?.at, Date.now()),
  });
}
