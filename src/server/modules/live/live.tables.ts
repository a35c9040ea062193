import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A seller's broadcasting channel; its stream key is stored only as a hash. */
export const rooms = pgTable('rooms', {
  id: text('id').primaryKey(),
  sellerId: text('seller_id').notNull().unique(),
  streamKeyHash: text('stream_key_hash'),
  streamKeyHint: text('stream_key_hint'),
  streamKeyCreatedAt: ts('stream_key_created_at'),
  createdAt: ts('created_at').notNull(),
});

export const lives = pgTable(
  'lives',
  {
    id: text('id').primaryKey(),
    roomId: text('room_id')
      .notNull()
      .references(() => rooms.id),
    sellerId: text('seller_id').notNull(),
    title: text('title').notNull(),
    coverId: text('cover_id'),
    scheduledAt: ts('scheduled_at').notNull(),
    productIds: jsonb('product_ids').$type<string[]>().notNull().default([]),
    script: text('script').notNull().default(''),
    status: text('status').notNull().default('scheduled'),
    // 'embedded' or 'external': which media plane carried it, so a restart ends only its own.
    ingest: text('ingest'),
    startedAt: ts('started_at'),
    endedAt: ts('ended_at'),
    // 'dropped' (the connection went), 'stopped' (the encoder ended the stream) or 'kicked'.
    endReason: text('end_reason'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    check('lives_status', sql`${t.status} in ('scheduled', 'live', 'ended', 'cancelled')`),
    // The database's word on "one publisher per room", whichever node the publish reached.
    uniqueIndex('lives_one_live_per_room').on(t.roomId).where(sql`${t.status} = 'live'`),
    index('lives_room').on(t.roomId, t.scheduledAt),
    index('lives_status').on(t.status, t.scheduledAt),
    index('lives_seller').on(t.sellerId, t.id),
  ],
);

/** Evidence of what was said and sold; kept for the legal retention period, then deleted. */
export const recordings = pgTable(
  'recordings',
  {
    id: text('id').primaryKey(),
    liveId: text('live_id')
      .notNull()
      .references(() => lives.id),
    roomId: text('room_id').notNull(),
    file: text('file').notNull(),
    url: text('url').notNull(),
    bytes: bigint('bytes', { mode: 'number' }),
    durationMs: integer('duration_ms'),
    startedAt: ts('started_at').notNull(),
    endedAt: ts('ended_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('recordings_live').on(t.liveId), index('recordings_expiry').on(t.expiresAt)],
);
