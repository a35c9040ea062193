import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateMeBody, UserView } from '../../../contracts/accounts';
import { api } from '../api-client';
import { meQueryKey } from './get-me';

export function updateMe(body: UpdateMeBody): Promise<UserView> {
  return api.patch<UserView>('/me', body);
}

export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (user) => queryClient.setQueryData(meQueryKey, user),
  });
}
