import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { i18n } from '../../i18n';
import { apiLanguage } from '../api-client';
import { RoomClient, roomSocketUrl, type ChatReply, type LocalChatErrorCode, type RoomClientSnapshot } from './room-client';
import { initialRoomState } from './room-state';

export type { ChatReply, ChatError, RoomStatus, Sanction } from './room-client';
export type { ChatLine, OrderTick, RoomState } from './room-state';

const idle: RoomClientSnapshot = { room: initialRoomState, status: 'idle', sanction: null, pendingLikes: 0 };
const noSubscription = () => () => undefined;
const idleSnapshot = () => idle;

const localMessages: Record<LocalChatErrorCode, 'room.errors.offline' | 'room.errors.timeout'> = {
  ROOM_OFFLINE: 'room.errors.offline',
  ROOM_TIMEOUT: 'room.errors.timeout',
};
const localMessage = (code: LocalChatErrorCode) => i18n.t(localMessages[code]);

export interface UseRoomResult extends RoomClientSnapshot {
  /** Resolves with the server's answer, or a made-up error when it cannot answer in time. */
  sendChat: (text: string) => Promise<ChatReply>;
  /** One tap on the heart; taps are batched. */
  like: () => void;
  /** Takes a shown order off the ticker's queue. */
  orderShown: (seq: number) => void;
}

/**
 * The live room over one WebSocket: state, connection status, chat and likes. `roomId` null
 * keeps it closed. `identity` is who is logged in: when it changes the socket reconnects, as
 * the session the server sees has changed (and a ban on one account does not bind the next).
 */
export function useRoom(roomId: string | null | undefined, identity: string | null = null): UseRoomResult {
  // Building the client opens nothing, so a render React throws away costs nothing.
  const client = useMemo(() => (roomId ? new RoomClient({ roomId, localMessage, url: (id, since) => roomSocketUrl(id, since, apiLanguage()) }) : null), [roomId]);

  useEffect(() => {
    if (!client) return;
    client.start();
    return () => client.stop();
  }, [client, identity]);

  useEffect(() => {
    if (!client) return;
    const wake = () => {
      if (document.visibilityState !== 'hidden') client.wake();
    };
    window.addEventListener('online', wake);
    document.addEventListener('visibilitychange', wake);
    return () => {
      window.removeEventListener('online', wake);
      document.removeEventListener('visibilitychange', wake);
    };
  }, [client]);

  const snapshot = useSyncExternalStore(client?.subscribe ?? noSubscription, client?.getSnapshot ?? idleSnapshot, idleSnapshot);

  const sendChat = useCallback(
    (text: string) => (client ? client.sendChat(text) : Promise.resolve<ChatReply>({ ok: false, error: { code: 'ROOM_OFFLINE', message: localMessage('ROOM_OFFLINE') } })),
    [client],
  );
  const like = useCallback(() => client?.like(), [client]);
  const orderShown = useCallback((seq: number) => client?.orderShown(seq), [client]);

  return { ...snapshot, sendChat, like, orderShown };
}
