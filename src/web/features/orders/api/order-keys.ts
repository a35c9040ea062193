import type { OrderStatus } from '../../../../contracts/sales';

/** Every order query sits under one root, so a change to one order refreshes every list showing it. */
export const ordersQueryKey = ['orders'] as const;

export const myOrdersQueryKey = (status: OrderStatus | undefined) => [...ordersQueryKey, 'mine', status ?? 'all'] as const;
export const orderQueryKey = (id: string) => [...ordersQueryKey, 'detail', id] as const;
export const sellerOrdersQueryKey = (status: OrderStatus | undefined) => [...ordersQueryKey, 'seller', status ?? 'all'] as const;
