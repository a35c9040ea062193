import { useQuery } from '@tanstack/react-query';
import type { AddressView } from '../../../../contracts/accounts';
import { api } from '../../../lib/api-client';

export const addressesQueryKey = ['addresses'] as const;

export async function listAddresses(signal?: AbortSignal): Promise<AddressView[]> {
  const page = await api.get<{ items: AddressView[] }>('/me/addresses', { signal });
  return page.items;
}

export function useAddresses() {
  return useQuery({ queryKey: addressesQueryKey, queryFn: ({ signal }) => listAddresses(signal) });
}
