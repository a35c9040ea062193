import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LotDetail } from '../../../../contracts/trace';
import { api } from '../../../lib/api-client';
import { lotQueryKey } from './get-lot';
import { lotsQueryKey } from './list-lots';

export interface DeleteLotEventInput {
  lotId: string;
  eventId: string;
}

export function deleteLotEvent({ lotId, eventId }: DeleteLotEventInput): Promise<{ ok: true }> {
  return api.delete<{ ok: true }>(`/seller/lots/${encodeURIComponent(lotId)}/events/${encodeURIComponent(eventId)}`);
}

export function useDeleteLotEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteLotEvent,
    onSuccess: (_data, { lotId, eventId }) => {
      // Gone at once from the timeline; the refetch below confirms it.
      queryClient.setQueryData<LotDetail>(lotQueryKey(lotId), (lot) =>
        lot ? { ...lot, events: lot.events.filter((e) => e.id !== eventId), eventCount: lot.eventCount - 1 } : lot,
      );
    },
    onSettled: (_data, _error, { lotId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: lotQueryKey(lotId) }),
        queryClient.invalidateQueries({ queryKey: [...lotsQueryKey, 'list'] }),
      ]),
  });
}
