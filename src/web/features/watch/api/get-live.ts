import { useQuery } from '@tanstack/react-query';
import type { LiveView } from '../../../../contracts/live';
import { api } from '../../../lib/api-client';

export function liveQueryKey(id: string) {
  return ['watch', 'live', id] as const;
}

export function getLive(id: string, signal?: AbortSignal): Promise<LiveView> {
  return api.get<LiveView>(`/lives/${encodeURIComponent(id)}`, { signal });
}

/** How long after the end a missing recording is still waited for (the file is closed after the stream stops). */
const recordingGraceMs = 5 * 60_000;

/**
 * A live as a viewer follows it. The room socket says when it starts or ends and the page then
 * refetches at once; the slow poll only covers a room that cannot connect. After the end it
 * polls a little longer, until the recording is known.
 */
export function useLive(id: string) {
  return useQuery({
    queryKey: liveQueryKey(id),
    queryFn: ({ signal }) => getLive(id, signal),
    staleTime: 5_000,
    refetchInterval: (query) => {
      const live = query.state.data;
      if (!live) return false;
      if (live.status === 'live' || live.status === 'scheduled') return 60_000;
      const endedAt = live.endedAt ? new Date(live.endedAt).getTime() : 0;
      return live.status === 'ended' && live.recordings.length === 0 && Date.now() - endedAt < recordingGraceMs ? 10_000 : false;
    },
  });
}
