import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export function unpinProduct(roomId: string): Promise<{ ok: true }> {
  return api.delete<{ ok: true }>(`/rooms/${encodeURIComponent(roomId)}/pin`);
}

export function useUnpinProduct() {
  return useMutation({ mutationFn: unpinProduct });
}
