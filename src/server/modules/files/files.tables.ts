import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const files = pgTable(
  'files',
  {
    id: text('id').primaryKey(),
    ownerId: text('owner_id').notNull(),
    purpose: text('purpose').notNull(),
    contentType: text('content_type').notNull(),
    bytes: integer('bytes').notNull(),
    width: integer('width'),
    height: integer('height'),
    // Of the stored bytes, so evidence can later be shown to be unaltered.
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    check(
      'files_purpose',
      sql`${t.purpose} in ('product_image', 'lot_photo', 'inspection_report', 'certificate_scan', 'cover', 'review_photo', 'evidence')`,
    ),
    check('files_content_type', sql`${t.contentType} in ('image/jpeg', 'image/png', 'application/pdf')`),
    index('files_owner').on(t.ownerId, t.id),
  ],
);
