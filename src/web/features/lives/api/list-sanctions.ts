import { useQuery } from '@tanstack/react-query';
import type { SanctionView } from '../../../../contracts/room';
import { api } from '../../../lib/api-client';
import { roomConsoleKey } from './room-console-keys';

export function sanctionsQueryKey(roomId: string) {
  return [...roomConsoleKey(roomId), 'sanctions'] as const;
}

export async function listSanctions(roomId: string, signal?: AbortSignal): Promise<SanctionView[]> {
  const { items } = await api.get<{ items: SanctionView[] }>(`/rooms/${encodeURIComponent(roomId)}/sanctions`, { signal });
  return items;
}

/** Who is muted or banned in the room now. */
export function useSanctions(roomId: string) {
  return useQuery({
    queryKey: sanctionsQueryKey(roomId),
    queryFn: ({ signal }) => listSanctions(roomId, signal),
    // Mutes run out on their own; a minute-old list is close enough.
    refetchInterval: 60_000,
  });
}
