import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../api-client';
import { meQueryKey } from './get-me';

export function logout(): Promise<{ ok: true }> {
  return api.post<{ ok: true }>('/auth/logout');
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSuccess: () => {
      // Nothing of the previous user may linger in the cache for the next one on this phone.
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
