import { useQuery } from '@tanstack/react-query';
import type { ModeratorView } from '../../../../contracts/room';
import { api } from '../../../lib/api-client';
import { roomConsoleKey } from './room-console-keys';

export function moderatorsQueryKey(roomId: string) {
  return [...roomConsoleKey(roomId), 'moderators'] as const;
}

export async function listModerators(roomId: string, signal?: AbortSignal): Promise<ModeratorView[]> {
  const { items } = await api.get<{ items: ModeratorView[] }>(`/rooms/${encodeURIComponent(roomId)}/moderators`, { signal });
  return items;
}

/** 房管: viewers the anchor trusts to keep the chat clean. */
export function useModerators(roomId: string) {
  return useQuery({ queryKey: moderatorsQueryKey(roomId), queryFn: ({ signal }) => listModerators(roomId, signal) });
}
