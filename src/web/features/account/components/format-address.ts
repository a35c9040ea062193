import type { AddressView } from '../../../../contracts/accounts';

/** Chinese postal order, largest unit first, down to the village. */
export function formatAddress(address: AddressView): string {
  return [address.province, address.city, address.county, address.township, address.village, address.detail]
    .filter((part): part is string => Boolean(part))
    .join(' ');
}
