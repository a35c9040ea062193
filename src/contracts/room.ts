import { Type, type Static } from 'typebox';
import { CertificateKind } from './compliance';
import { Id } from './common';

/*
 * The room gateway speaks JSON text frames over one WebSocket per viewer: GET /ws/rooms/:roomId,
 * optionally with ?since=<seq> to resume and ?lang=en|zh-CN for the language of error messages.
 * Anyone may watch; chatting and liking need a session.
 *
 * Every room event carries the room's sequence number, the same on every node, so a client
 * keeps the last one it applied and drops any it has already seen.
 */

export const chatMaxLength = 200;
export const clientFrameMaxBytes = 4096;
/** Taps a client may report in one `like` frame; it sums taps for a moment before sending. */
export const likesPerFrameMax = 50;

/** What a client sends. `ref` comes back in the reply, so the sender can match its answer. */
export const ClientFrame = Type.Union([
  Type.Object(
    { t: Type.Literal('chat'), text: Type.String({ maxLength: 1000 }), ref: Type.Optional(Type.String({ maxLength: 40 })) },
    { additionalProperties: false },
  ),
  Type.Object(
    { t: Type.Literal('like'), n: Type.Optional(Type.Integer({ minimum: 1, maximum: likesPerFrameMax })) },
    { additionalProperties: false },
  ),
  Type.Object({ t: Type.Literal('ping') }, { additionalProperties: false }),
]);
export type ClientFrame = Static<typeof ClientFrame>;

export type ChatRole = 'anchor' | 'moderator' | 'viewer';

export interface ChatMessage {
  id: string;
  userId: string;
  name: string;
  role: ChatRole;
  /** Plain text: control characters stripped, abuse masked. Render as text, never as HTML. */
  text: string;
}

/** The pinned product as the room shows it: price, latest lot and certificate badges. */
export const PinnedProduct = Type.Object({
  productId: Id,
  title: Type.String(),
  coverUrl: Type.Union([Type.String(), Type.Null()]),
  minPriceFen: Type.Integer(),
  certificateKinds: Type.Array(CertificateKind),
  /** The newest lot's code, for the trace page; null before the first lot is recorded. */
  lotCode: Type.Union([Type.String(), Type.Null()]),
  origin: Type.String(),
});
export type PinnedProduct = Static<typeof PinnedProduct>;

/** Flash-sale state as viewers see it; issue-6's sales module publishes these. */
export interface SaleState {
  saleId: string;
  productId: string;
  title: string;
  priceFen: number;
  quantity: number;
  remaining: number;
  perBuyerLimit: number;
  startsAt: string;
  endsAt: string;
  soldOut: boolean;
}

/** Every event the room carries, by type. */
export interface RoomEventData {
  chat: ChatMessage;
  'chat.deleted': { id: string };
  /** Likes are summed on each node and sent once a tick; `total` is the room's count. */
  likes: { total: number; added: number };
  /** Viewers across all nodes. */
  presence: { viewers: number };
  pin: { product: PinnedProduct };
  unpin: Record<string, never>;
  notice: { text: string };
  'notice.cleared': Record<string, never>;
  'slow_mode': { seconds: number };
  'sale.started': SaleState;
  'sale.tick': SaleState;
  'sale.sold_out': SaleState;
  'sale.ended': { saleId: string };
  /** "A buyer in Hunan just bought two boxes": a province and a quantity, never a name. */
  order: { province: string; quantity: number; productTitle: string };
  'live.started': { liveId: string };
  'live.ended': { liveId: string };
}
export type RoomEventType = keyof RoomEventData;

export type RoomEvent = {
  [K in RoomEventType]: { seq: number; at: number; type: K; data: RoomEventData[K] };
}[RoomEventType];

/** Everything a newcomer (or a client that fell too far behind) needs to draw the room. */
export interface RoomSnapshot {
  seq: number;
  viewers: number;
  likes: number;
  pinned: PinnedProduct | null;
  notice: string | null;
  sale: SaleState | null;
  slowModeSeconds: number;
  liveId: string | null;
  /** The last chat lines, oldest first. */
  recentChat: Array<ChatMessage & { seq: number; at: number }>;
}

export type ServerFrame =
  /** Events from..to, in order; frames are contiguous unless a snapshot comes between them. */
  | { t: 'events'; from: number; to: number; events: RoomEvent[] }
  /** Replaces everything the client knew; `resync` when it had fallen behind. */
  | { t: 'snapshot'; resync?: boolean; room: RoomSnapshot }
  | { t: 'reply'; ref: string | null; ok: true; seq: number }
  | { t: 'reply'; ref: string | null; ok: false; error: { code: string; message: string; retryAfterSeconds?: number } }
  /** Sent to the one user a moderator acted on; a banned user's socket closes with 4003 after it. */
  | { t: 'sanction'; kind: 'mute' | 'ban'; until: string | null }
  /** That user's mute or ban was lifted early. */
  | { t: 'sanction_lifted' }
  | { t: 'pong' };

/** Why the server closes a room socket (WebSocket close codes 4000–4999 are the application's). */
export const RoomCloseCode = {
  tooSlow: 4008,
  banned: 4003,
  badFrame: 4400,
  shuttingDown: 1001,
} as const;

// HTTP: what the anchor and room moderators do.

export const RoomParams = Type.Object({ id: Id }, { additionalProperties: false });
export type RoomParams = Static<typeof RoomParams>;

export const NoticeBody = Type.Object({ text: Type.String({ minLength: 1, maxLength: chatMaxLength }) }, { additionalProperties: false });
export type NoticeBody = Static<typeof NoticeBody>;

export const PinBody = Type.Object({ productId: Id }, { additionalProperties: false });
export type PinBody = Static<typeof PinBody>;

export const SlowModeBody = Type.Object(
  { seconds: Type.Integer({ minimum: 0, maximum: 300, description: '0 turns slow mode off' }) },
  { additionalProperties: false },
);
export type SlowModeBody = Static<typeof SlowModeBody>;

export const SanctionKind = Type.Union([Type.Literal('mute'), Type.Literal('ban')]);
export type SanctionKind = Static<typeof SanctionKind>;

export const SanctionBody = Type.Object(
  {
    userId: Id,
    kind: SanctionKind,
    /** A mute lasts this long; a ban without minutes is permanent. */
    minutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 * 24 * 30 })),
    reason: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type SanctionBody = Static<typeof SanctionBody>;

export const SanctionView = Type.Object({
  userId: Id,
  name: Type.String(),
  kind: SanctionKind,
  until: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
export type SanctionView = Static<typeof SanctionView>;
export const SanctionList = Type.Object({ items: Type.Array(SanctionView) });

export const RoomUserParams = Type.Object({ id: Id, userId: Id }, { additionalProperties: false });
export type RoomUserParams = Static<typeof RoomUserParams>;

export const ChatMessageParams = Type.Object(
  { id: Id, messageId: Type.String({ pattern: '^[0-9A-Za-z_-]{6,40}$' }) },
  { additionalProperties: false },
);
export type ChatMessageParams = Static<typeof ChatMessageParams>;

export const ModeratorBody = Type.Object({ userId: Id }, { additionalProperties: false });
export const ModeratorView = Type.Object({ userId: Id, name: Type.String(), createdAt: Type.String({ format: 'date-time' }) });
export type ModeratorView = Static<typeof ModeratorView>;
export const ModeratorList = Type.Object({ items: Type.Array(ModeratorView) });

/** What the anchor's console needs besides the socket: may this caller moderate? */
export const RoomAccess = Type.Object({ roomId: Id, sellerId: Id, canModerate: Type.Boolean(), isAnchor: Type.Boolean() });
export type RoomAccess = Static<typeof RoomAccess>;
