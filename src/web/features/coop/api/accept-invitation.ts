import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MyCoopView } from '../../../../contracts/coop';
import { api } from '../../../lib/api-client';
import { myCoopsQueryKey } from './list-my-coops';

export function acceptCoopInvitation(coopId: string): Promise<MyCoopView> {
  return api.post<MyCoopView>(`/me/coops/${encodeURIComponent(coopId)}/accept`);
}

export function useAcceptCoopInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acceptCoopInvitation,
    onSettled: () => queryClient.invalidateQueries({ queryKey: myCoopsQueryKey }),
  });
}
