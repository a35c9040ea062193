import type { ChatMessage, PinnedProduct, RoomEvent, RoomSnapshot, SaleState, ServerFrame } from '../../../contracts/room';

/** Chat lines a client keeps; older ones scroll away for good. */
export const chatLineLimit = 150;
/** Order-ticker lines waiting to be shown; a burst of orders shows its newest few, not a backlog. */
export const orderQueueLimit = 5;

export type ChatLine = ChatMessage & { seq: number; at: number };

export interface OrderTick {
  seq: number;
  province: string;
  quantity: number;
  productTitle: string;
}

/** The room as one viewer knows it, rebuilt from a snapshot and the events after it. */
export interface RoomState {
  /** False until the first snapshot; before it the numbers below are placeholders. */
  ready: boolean;
  /** The last event applied; events at or below it are repeats and are dropped. */
  seq: number;
  viewers: number;
  likes: number;
  /** This viewer's likes already sent but not yet seen in a `likes` event, so its own count never jumps back. */
  likesInFlight: number;
  /** Others' likes in the last `likes` event (this viewer's own taps taken out), for the floating hearts. */
  likeBurst: { seq: number; count: number } | null;
  pinned: PinnedProduct | null;
  notice: string | null;
  sale: SaleState | null;
  slowModeSeconds: number;
  liveId: string | null;
  /** Oldest first, at most `chatLineLimit`. */
  chat: ChatLine[];
  /** Orders waiting for the ticker, oldest first. */
  orders: OrderTick[];
  /** The last `live.started` / `live.ended`, so a page can refetch the live exactly once per change. */
  liveChange: { seq: number; type: 'live.started' | 'live.ended'; liveId: string } | null;
  /**
   * Events went missing: a frame started past the next expected seq. Nothing of it was applied;
   * the socket should resume from `seq`, and the server answers with the gap or a snapshot.
   */
  stale: boolean;
  /** Set on (re)connecting: the first frame on a new socket is taken as the server sends it. */
  awaitingFirstFrame: boolean;
}

export type RoomAction =
  | { type: 'frame'; frame: ServerFrame }
  | { type: 'connected' }
  | { type: 'likesSent'; n: number }
  | { type: 'orderShown'; seq: number };

export const initialRoomState: RoomState = {
  ready: false,
  seq: 0,
  viewers: 0,
  likes: 0,
  likesInFlight: 0,
  likeBurst: null,
  pinned: null,
  notice: null,
  sale: null,
  slowModeSeconds: 0,
  liveId: null,
  chat: [],
  orders: [],
  liveChange: null,
  stale: false,
  awaitingFirstFrame: false,
};

function capChat(chat: ChatLine[]): ChatLine[] {
  return chat.length > chatLineLimit ? chat.slice(chat.length - chatLineLimit) : chat;
}

function fromSnapshot(state: RoomState, room: RoomSnapshot): RoomState {
  return {
    ...initialRoomState,
    ready: true,
    seq: room.seq,
    viewers: room.viewers,
    likes: room.likes,
    pinned: room.pinned,
    notice: room.notice,
    sale: room.sale,
    slowModeSeconds: room.slowModeSeconds,
    liveId: room.liveId,
    chat: capChat(room.recentChat.map((line) => ({ ...line }))),
    // The snapshot's total already holds whatever of this viewer's likes reached the server.
    likesInFlight: 0,
    // Keep a live change already seen, so a page that reacted to it does not react again.
    liveChange: state.liveChange,
  };
}

function applyEvent(state: RoomState, event: RoomEvent): RoomState {
  const next: RoomState = { ...state, seq: event.seq };
  switch (event.type) {
    case 'chat':
      next.chat = capChat([...state.chat, { ...event.data, seq: event.seq, at: event.at }]);
      break;
    case 'chat.deleted':
      next.chat = state.chat.filter((line) => line.id !== event.data.id);
      break;
    case 'likes': {
      const own = Math.min(state.likesInFlight, event.data.added);
      next.likes = event.data.total;
      next.likesInFlight = state.likesInFlight - own;
      next.likeBurst = { seq: event.seq, count: event.data.added - own };
      break;
    }
    case 'presence':
      next.viewers = event.data.viewers;
      break;
    case 'pin':
      next.pinned = event.data.product;
      break;
    case 'unpin':
      next.pinned = null;
      break;
    case 'notice':
      next.notice = event.data.text;
      break;
    case 'notice.cleared':
      next.notice = null;
      break;
    case 'slow_mode':
      next.slowModeSeconds = event.data.seconds;
      break;
    case 'sale.started':
    case 'sale.tick':
    case 'sale.sold_out':
      next.sale = event.data;
      break;
    case 'sale.ended':
      if (state.sale?.saleId === event.data.saleId) next.sale = null;
      break;
    case 'order': {
      const orders = [...state.orders, { seq: event.seq, ...event.data }];
      next.orders = orders.length > orderQueueLimit ? orders.slice(orders.length - orderQueueLimit) : orders;
      break;
    }
    case 'live.started':
      next.liveId = event.data.liveId;
      next.liveChange = { seq: event.seq, type: event.type, liveId: event.data.liveId };
      break;
    case 'live.ended':
      if (state.liveId === event.data.liveId) next.liveId = null;
      next.liveChange = { seq: event.seq, type: event.type, liveId: event.data.liveId };
      break;
    default: {
      // A newer server may send event types this page does not know yet; skipping them keeps the seq moving.
      const unknown: never = event;
      void unknown;
    }
  }
  return next;
}

function applyEvents(state: RoomState, frame: Extract<ServerFrame, { t: 'events' }>): RoomState {
  const first = state.awaitingFirstFrame;
  let next: RoomState = first ? { ...state, awaitingFirstFrame: false } : state;
  // Frames are contiguous on one socket; one that starts past the next seq means events were lost.
  if (!first && state.ready && frame.from > state.seq + 1) return state.stale ? state : { ...state, stale: true };
  for (const event of frame.events) {
    if (event.seq <= next.seq) continue;
    next = applyEvent(next, event);
  }
  return next;
}

/** Pure: the next room state after one frame or client-side happening. */
export function roomReducer(state: RoomState, action: RoomAction): RoomState {
  switch (action.type) {
    case 'frame': {
      const frame = action.frame;
      if (frame.t === 'snapshot') return fromSnapshot(state, frame.room);
      if (frame.t === 'events') return applyEvents(state, frame);
      return state;
    }
    case 'connected':
      return { ...state, stale: false, awaitingFirstFrame: true };
    case 'likesSent':
      return { ...state, likesInFlight: state.likesInFlight + action.n };
    case 'orderShown':
      return state.orders.some((o) => o.seq === action.seq) ? { ...state, orders: state.orders.filter((o) => o.seq !== action.seq) } : state;
  }
}
