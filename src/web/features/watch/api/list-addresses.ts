import { useQuery } from '@tanstack/react-query';
import type { AddressView } from '../../../../contracts/accounts';
import { api } from '../../../lib/api-client';

export async function listAddresses(signal?: AbortSignal): Promise<AddressView[]> {
  const { items } = await api.get<{ items: AddressView[] }>('/me/addresses', { signal });
  return items;
}

/** The buyer's addresses, read fresh each time the buy sheet opens: one may have just been added. */
export function useBuyerAddresses(enabled: boolean) {
  return useQuery({ queryKey: ['watch', 'addresses'], queryFn: ({ signal }) => listAddresses(signal), enabled, staleTime: 0 });
}
