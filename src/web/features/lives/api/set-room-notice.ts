import { useMutation } from '@tanstack/react-query';
import type { NoticeBody } from '../../../../contracts/room';
import { api } from '../../../lib/api-client';

/** 公告: a line every viewer sees over the video until it is cleared; it arrives as a room event. */
export function setRoomNotice({ roomId, body }: { roomId: string; body: NoticeBody }): Promise<{ ok: true }> {
  return api.put<{ ok: true }>(`/rooms/${encodeURIComponent(roomId)}/notice`, body);
}

export function useSetRoomNotice() {
  return useMutation({ mutationFn: setRoomNotice });
}
