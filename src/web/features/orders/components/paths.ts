export const ordersPath = '/orders';

export function orderPath(orderId: string): string {
  return `/orders/${encodeURIComponent(orderId)}`;
}

/** The step right after buying: what is being paid for, and the button that goes to the provider. */
export function orderPayPath(orderId: string): string {
  return `${orderPath(orderId)}/pay`;
}

export const sellerOrdersPath = '/seller/orders';
