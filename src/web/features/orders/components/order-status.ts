import type { OrderStatus } from '../../../../contracts/sales';

export const orderStatuses: readonly OrderStatus[] = [
  'created',
  'paid',
  'packed',
  'shipped',
  'delivered',
  'completed',
  'cancelled',
  'refunding',
  'refunded',
];

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && (orderStatuses as readonly string[]).includes(value);
}

/** The buyer's tabs: where an order waits on them or on the seller, then how it ended. */
export const buyerStatusTabs: readonly OrderStatus[] = ['created', 'paid', 'packed', 'shipped', 'completed', 'cancelled'];

/** The seller's filter, in the order the work comes: paid orders are the ones to pack. */
export const sellerStatusFilters: readonly OrderStatus[] = ['paid', 'packed', 'shipped', 'created', 'completed', 'cancelled', 'refunding'];

/** What the colour of a status says, drawn by each kit in its own palette. */
export type StatusTone = 'waiting' | 'todo' | 'moving' | 'done' | 'closed' | 'refund';

export const statusTone: Record<OrderStatus, StatusTone> = {
  created: 'waiting',
  paid: 'todo',
  packed: 'todo',
  shipped: 'moving',
  delivered: 'done',
  completed: 'done',
  cancelled: 'closed',
  refunding: 'refund',
  refunded: 'closed',
};

/** The one next step a seller takes on an order, if any. */
export function sellerNextAction(status: OrderStatus): 'pack' | 'ship' | undefined {
  if (status === 'paid') return 'pack';
  if (status === 'packed') return 'ship';
  return undefined;
}

/** `3` items of `2` kinds → the count of units, which is what a buyer thinks of as “件”. */
export function unitCount(items: ReadonlyArray<{ quantity: number }>): number {
  return items.reduce((sum, item) => sum + item.quantity, 0);
}
