import type { OrderStatus } from '../../../contracts/sales';

/** Every move an order may make; anything else is refused with ORDER_STATUS_CONFLICT. */
const moves: Record<OrderStatus, readonly OrderStatus[]> = {
  created: ['paid', 'cancelled'],
  paid: ['packed', 'refunding'],
  packed: ['shipped', 'refunding'],
  shipped: ['delivered', 'refunding'],
  delivered: ['completed', 'refunding'],
  completed: ['refunding'],
  cancelled: [],
  refunding: ['refunded', 'paid'],
  refunded: [],
};

export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return moves[from].includes(to);
}
