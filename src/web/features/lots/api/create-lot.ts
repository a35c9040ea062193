import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LotBody, LotView } from '../../../../contracts/trace';
import { api } from '../../../lib/api-client';
import { lotsQueryKey } from './list-lots';

export function createLot(body: LotBody): Promise<LotView> {
  return api.post<LotView>('/seller/lots', body);
}

export function useCreateLot() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createLot,
    onSettled: () => queryClient.invalidateQueries({ queryKey: [...lotsQueryKey, 'list'] }),
  });
}
