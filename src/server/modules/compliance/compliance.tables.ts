import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { ClaimRule } from './claims';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Every edit of the banned-claims list is a new version, so a past decision can be explained later. */
export const claimRuleSets = pgTable('claim_rule_sets', {
  version: integer('version').primaryKey(),
  rules: jsonb('rules').$type<ClaimRule[]>().notNull(),
  note: text('note'),
  createdBy: text('created_by'),
  createdAt: ts('created_at').notNull(),
});

export const certificates = pgTable(
  'certificates',
  {
    id: text('id').primaryKey(),
    sellerId: text('seller_id').notNull(),
    kind: text('kind').notNull(),
    number: text('number').notNull(),
    issuer: text('issuer').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    // The instant the certificate stops backing claims: the end of validUntil in China Standard Time.
    expiresAt: ts('expires_at').notNull(),
    fileId: text('file_id'),
    status: text('status').notNull().default('pending'),
    reason: text('reason'),
    reviewedBy: text('reviewed_by'),
    createdAt: ts('created_at').notNull(),
    reviewedAt: ts('reviewed_at'),
    expiryNotifiedAt: ts('expiry_notified_at'),
  },
  (t) => [
    check('certificates_kind', sql`${t.kind} in ('organic', 'green_food', 'geo_indication', 'sc_licence', 'compliance_cert')`),
    check('certificates_status', sql`${t.status} in ('pending', 'approved', 'rejected')`),
    check('certificates_dates', sql`${t.validUntil} >= ${t.validFrom}`),
    index('certificates_seller').on(t.sellerId),
    index('certificates_status').on(t.status, t.id),
    index('certificates_expiry').on(t.expiresAt).where(sql`${t.status} = 'approved' and ${t.expiryNotifiedAt} is null`),
  ],
);
