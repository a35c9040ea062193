import type { ShippingAddress } from '../../../../contracts/sales';

/** Chinese postal order, largest unit first, as the address was when the order was placed. */
export function formatShippingAddress(address: ShippingAddress): string {
  return [address.province, address.city, address.county, address.township, address.detail].filter(Boolean).join(' ');
}
