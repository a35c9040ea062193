import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AddressBody, AddressView } from '../../../../contracts/accounts';
import { api } from '../../../lib/api-client';
import { addressesQueryKey } from './list-addresses';

export interface UpdateAddressInput {
  id: string;
  changes: Partial<AddressBody>;
}

export function updateAddress({ id, changes }: UpdateAddressInput): Promise<AddressView> {
  return api.patch<AddressView>(`/me/addresses/${encodeURIComponent(id)}`, changes);
}

export function useUpdateAddress() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateAddress,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: addressesQueryKey }),
  });
}
