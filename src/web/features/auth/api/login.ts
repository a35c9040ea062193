import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginBody, UserView } from '../../../../contracts/accounts';
import { api } from '../../../lib/api-client';
import { meQueryKey } from '../../../lib/auth/get-me';

export function login(body: LoginBody): Promise<UserView> {
  return api.post<UserView>('/auth/login', body);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (user) => {
      // Another account may have been used on this device a moment ago.
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, user);
    },
  });
}
