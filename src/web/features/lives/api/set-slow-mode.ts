import { useMutation } from '@tanstack/react-query';
import type { SlowModeBody } from '../../../../contracts/room';
import { api } from '../../../lib/api-client';

/** 慢速模式: each viewer may send one line per this many seconds; 0 turns it off. */
export function setSlowMode({ roomId, body }: { roomId: string; body: SlowModeBody }): Promise<{ ok: true }> {
  return api.put<{ ok: true }>(`/rooms/${encodeURIComponent(roomId)}/slow-mode`, body);
}

export function useSetSlowMode() {
  return useMutation({ mutationFn: setSlowMode });
}
