import { sql } from 'drizzle-orm';
import { check, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A mute (for a while) or a ban (for a while or for good) of one user in one room. */
export const roomSanctions = pgTable(
  'room_sanctions',
  {
    roomId: text('room_id').notNull(),
    userId: text('user_id').notNull(),
    kind: text('kind').notNull(),
    until: ts('until'),
    reason: text('reason'),
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.roomId, t.userId] }),
    check('room_sanctions_kind', sql`${t.kind} in ('mute', 'ban')`),
  ],
);

/** Viewers the anchor trusts to keep the chat clean (房管). */
export const roomModerators = pgTable(
  'room_moderators',
  {
    roomId: text('room_id').notNull(),
    userId: text('user_id').notNull(),
    appointedBy: text('appointed_by').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.roomId, t.userId] }), index('room_moderators_user').on(t.userId)],
);
