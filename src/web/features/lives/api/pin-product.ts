import { useMutation } from '@tanstack/react-query';
import type { PinBody } from '../../../../contracts/room';
import { api } from '../../../lib/api-client';

/** 讲解中: shows one of this live's products over the video; viewers see it through the room. */
export function pinProduct({ roomId, body }: { roomId: string; body: PinBody }): Promise<{ ok: true }> {
  return api.put<{ ok: true }>(`/rooms/${encodeURIComponent(roomId)}/pin`, body);
}

export function usePinProduct() {
  return useMutation({ mutationFn: pinProduct });
}
