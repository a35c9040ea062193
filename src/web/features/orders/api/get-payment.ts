import { useQuery } from '@tanstack/react-query';
import type { PaymentView } from '../../../../contracts/payments';
import { api } from '../../../lib/api-client';
import { ordersQueryKey } from './order-keys';

export function getPayment(id: string, signal?: AbortSignal): Promise<PaymentView> {
  return api.get<PaymentView>(`/payments/${encodeURIComponent(id)}`, { signal });
}

/** A payment started from this tab, followed while it is pending: the buyer may have cancelled it at the cashier. */
export function usePayment(id: string | undefined) {
  return useQuery({
    queryKey: [...ordersQueryKey, 'payment', id ?? ''],
    queryFn: ({ signal }) => getPayment(id!, signal),
    enabled: id !== undefined,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? 3_000 : false),
  });
}
