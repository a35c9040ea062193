import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RegisterBody, UserView } from '../../../../contracts/accounts';
import { api } from '../../../lib/api-client';
import { meQueryKey } from '../../../lib/auth/get-me';

export function register(body: RegisterBody): Promise<UserView> {
  return api.post<UserView>('/auth/register', body);
}

export function useRegister() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: register,
    onSuccess: (user) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, user);
    },
  });
}
