import { sql } from 'drizzle-orm';
import { check, date, index, jsonb, numeric, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A harvest of one product, under the code printed on its packaging. */
export const lots = pgTable(
  'lots',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    productId: text('product_id').notNull(),
    // The product's seller when the lot was made, so "my lots" needs no join into the catalog.
    sellerId: text('seller_id').notNull(),
    harvestDate: date('harvest_date', { mode: 'string' }).notNull(),
    quantity: numeric('quantity', { precision: 12, scale: 2, mode: 'number' }).notNull(),
    unit: text('unit').notNull(),
    note: text('note').notNull().default(''),
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('lots_code').on(t.code),
    check('lots_quantity', sql`${t.quantity} > 0`),
    check('lots_unit', sql`${t.unit} in ('kg', 'jin', 'g', 't', 'box', 'bag', 'can', 'piece', 'basket')`),
    index('lots_product').on(t.productId, t.harvestDate),
    index('lots_seller').on(t.sellerId, t.id),
  ],
);

/** What happened to a lot, from the field to the parcel. */
export const lotEvents = pgTable(
  'lot_events',
  {
    id: text('id').primaryKey(),
    lotId: text('lot_id')
      .notNull()
      .references(() => lots.id),
    kind: text('kind').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    place: text('place').notNull().default(''),
    who: text('who').notNull().default(''),
    notes: text('notes').notNull().default(''),
    photoIds: jsonb('photo_ids').$type<string[]>().notNull().default([]),
    reportIds: jsonb('report_ids').$type<string[]>().notNull().default([]),
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull(),
    // A mistaken entry leaves the public record but is kept: a trace that can silently lose
    // history is worth little to a regulator looking into a complaint.
    deletedAt: ts('deleted_at'),
    deletedBy: text('deleted_by'),
  },
  (t) => [
    check('lot_events_kind', sql`${t.kind} in ('planting', 'picking', 'processing', 'packing', 'inspection', 'other')`),
    check('lot_events_reports', sql`${t.kind} = 'inspection' or jsonb_array_length(${t.reportIds}) = 0`),
    index('lot_events_lot').on(t.lotId, t.occurredAt),
  ],
);
