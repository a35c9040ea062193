import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export function clearRoomNotice(roomId: string): Promise<{ ok: true }> {
  return api.delete<{ ok: true }>(`/rooms/${encodeURIComponent(roomId)}/notice`);
}

export function useClearRoomNotice() {
  return useMutation({ mutationFn: clearRoomNotice });
}
