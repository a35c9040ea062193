import { useQuery } from '@tanstack/react-query';
import type { RoomAccess } from '../../../../contracts/room';
import { api } from '../../../lib/api-client';
import { roomConsoleKey } from './room-console-keys';

export function getRoomAccess(roomId: string, signal?: AbortSignal): Promise<RoomAccess> {
  return api.get<RoomAccess>(`/rooms/${encodeURIComponent(roomId)}/access`, { signal });
}

/** May this person moderate the room, and are they its anchor (only the anchor appoints moderators)? */
export function useRoomAccess(roomId: string) {
  return useQuery({
    queryKey: [...roomConsoleKey(roomId), 'access'],
    queryFn: ({ signal }) => getRoomAccess(roomId, signal),
    staleTime: 60_000,
  });
}
