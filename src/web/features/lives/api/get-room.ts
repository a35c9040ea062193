import { useQuery } from '@tanstack/react-query';
import type { RoomView } from '../../../../contracts/live';
import { api } from '../../../lib/api-client';

export const roomQueryKey = ['lives', 'room'] as const;

export function getRoom(signal?: AbortSignal): Promise<RoomView> {
  return api.get<RoomView>('/seller/room', { signal });
}

/** The seller's room: where to publish and whether a publisher is on air. */
export function useRoom(refetchInterval: number | false) {
  return useQuery({ queryKey: roomQueryKey, queryFn: ({ signal }) => getRoom(signal), refetchInterval });
}
