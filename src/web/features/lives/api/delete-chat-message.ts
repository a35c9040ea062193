import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** Takes a line out of every viewer's chat. */
export function deleteChatMessage({ roomId, messageId }: { roomId: string; messageId: string }): Promise<{ ok: true }> {
  return api.delete<{ ok: true }>(`/rooms/${encodeURIComponent(roomId)}/chat/${encodeURIComponent(messageId)}`);
}

export function useDeleteChatMessage() {
  return useMutation({ mutationFn: deleteChatMessage });
}
