import { Type, type Static } from 'typebox';
import { ProductCard } from './catalog';
import { ClaimViolationView } from './compliance';
import { Id, Timestamp } from './common';

export const LiveStatus = Type.Union([
  Type.Literal('scheduled'),
  Type.Literal('live'),
  Type.Literal('ended'),
  Type.Literal('cancelled'),
]);
export type LiveStatus = Static<typeof LiveStatus>;

/** Where a player reads the stream; relative URLs are on this site. */
export const Playback = Type.Object({
  flv: Type.String({ description: 'HTTP-FLV' }),
  wsFlv: Type.String({ description: 'WebSocket-FLV; a relative URL is on this site with the ws(s) scheme' }),
  hls: Type.Union([Type.String(), Type.Null()], { description: 'for players without Media Source Extensions' }),
});
export type Playback = Static<typeof Playback>;

export const RoomView = Type.Object({
  id: Id,
  sellerId: Id,
  sellerName: Type.String(),
  /** Last four characters of the key, so the anchor can tell which one OBS holds. */
  streamKeyHint: Type.Union([Type.String(), Type.Null()]),
  streamKeyCreatedAt: Type.Union([Timestamp, Type.Null()]),
  /** Where OBS or a phone RTMP app publishes to. */
  ingest: Type.Object({ server: Type.String(), streamName: Type.String() }),
  isLive: Type.Boolean(),
  /** The scheduled live a publish would start now. */
  nextLiveId: Type.Union([Id, Type.Null()]),
});
export type RoomView = Static<typeof RoomView>;

/** Shown once, when a key is made or rotated; only its hash is stored. */
export const StreamKeyView = Type.Object({
  server: Type.String({ description: 'OBS “Server”, e.g. rtmp://host:1935/live' }),
  streamKey: Type.String({ description: 'OBS “Stream Key”: <roomId>?key=<secret>' }),
  url: Type.String({ description: 'the full RTMP URL, for phone apps that take one field' }),
});
export type StreamKeyView = Static<typeof StreamKeyView>;

export const LiveBody = Type.Object(
  {
    title: Type.String({ minLength: 2, maxLength: 40 }),
    coverId: Type.Optional(Id),
    scheduledAt: Timestamp,
    /** The seller's products on sale that this live will sell. */
    productIds: Type.Array(Id, { maxItems: 50, uniqueItems: true, default: [] }),
    /** The anchor's talking points; checked for banned claims like the title. */
    script: Type.String({ maxLength: 5000, default: '' }),
  },
  { additionalProperties: false },
);
export type LiveBody = Static<typeof LiveBody>;

export const RecordingView = Type.Object({
  id: Id,
  liveId: Id,
  url: Type.String(),
  bytes: Type.Union([Type.Integer(), Type.Null()]),
  durationMs: Type.Union([Type.Integer(), Type.Null()]),
  startedAt: Timestamp,
  endedAt: Timestamp,
  expiresAt: Timestamp,
});
export type RecordingView = Static<typeof RecordingView>;

export const LiveView = Type.Object({
  id: Id,
  roomId: Id,
  sellerId: Id,
  sellerName: Type.String(),
  title: Type.String(),
  coverUrl: Type.Union([Type.String(), Type.Null()]),
  scheduledAt: Timestamp,
  status: LiveStatus,
  startedAt: Type.Union([Timestamp, Type.Null()]),
  endedAt: Type.Union([Timestamp, Type.Null()]),
  products: Type.Array(ProductCard),
  /** Present while live. */
  playback: Type.Union([Playback, Type.Null()]),
  /** Viewers watching the video on this node. */
  viewers: Type.Integer(),
  recordings: Type.Array(RecordingView),
});
export type LiveView = Static<typeof LiveView>;

/** The anchor's own view adds what buyers never see. */
export const SellerLiveView = Type.Object({
  ...LiveView.properties,
  script: Type.String(),
  productIds: Type.Array(Id),
  coverId: Type.Union([Id, Type.Null()]),
});
export type SellerLiveView = Static<typeof SellerLiveView>;

export const LiveList = Type.Object({ items: Type.Array(LiveView) });
export const SellerLiveList = Type.Object({ items: Type.Array(SellerLiveView) });

export const LiveListQuery = Type.Object(
  {
    status: Type.Optional(Type.Union([Type.Literal('live'), Type.Literal('scheduled'), Type.Literal('ended')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
);
export type LiveListQuery = Static<typeof LiveListQuery>;

/** What would stop this live from starting now; empty means ready. */
export const LivePreflight = Type.Object({
  ready: Type.Boolean(),
  violations: Type.Array(Type.Object({ ...ClaimViolationView.properties, field: Type.String() })),
});
export type LivePreflight = Static<typeof LivePreflight>;

/** SRS HTTP callback body (on_publish, on_unpublish, on_dvr); unknown fields are allowed, SRS versions differ. */
export const SrsHookBody = Type.Object({
  action: Type.Optional(Type.String()),
  client_id: Type.Optional(Type.Union([Type.String(), Type.Number()])),
  ip: Type.Optional(Type.String()),
  vhost: Type.Optional(Type.String()),
  app: Type.Optional(Type.String()),
  stream: Type.Optional(Type.String()),
  param: Type.Optional(Type.String()),
  file: Type.Optional(Type.String()),
});
export type SrsHookBody = Static<typeof SrsHookBody>;
export const SrsHookAnswer = Type.Object({ code: Type.Integer(), msg: Type.Optional(Type.String()) });
