import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AddressBody, AddressView } from '../../../../contracts/accounts';
import { api } from '../../../lib/api-client';
import { addressesQueryKey } from './list-addresses';

export function createAddress(body: AddressBody): Promise<AddressView> {
  return api.post<AddressView>('/me/addresses', body);
}

export function useCreateAddress() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAddress,
    // A new default address clears the flag on the others, so refetch rather than patch the cache.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: addressesQueryKey }),
  });
}
