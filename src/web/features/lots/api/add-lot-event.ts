import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LotEventBody, LotEventView } from '../../../../contracts/trace';
import { api } from '../../../lib/api-client';
import { lotQueryKey } from './get-lot';
import { lotsQueryKey } from './list-lots';

export interface AddLotEventInput {
  lotId: string;
  event: LotEventBody;
}

export function addLotEvent({ lotId, event }: AddLotEventInput): Promise<LotEventView> {
  return api.post<LotEventView>(`/seller/lots/${encodeURIComponent(lotId)}/events`, event);
}

export function useAddLotEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addLotEvent,
    onSettled: (_data, _error, { lotId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: lotQueryKey(lotId) }),
        // The list shows how many entries each lot has.
        queryClient.invalidateQueries({ queryKey: [...lotsQueryKey, 'list'] }),
      ]),
  });
}
