import { sql } from 'drizzle-orm';
import { boolean, check, index, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  phone: text('phone').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  displayName: text('display_name').notNull(),
  locale: text('locale').notNull().default('zh-CN'),
  // Demo accounts have published passwords, so they only log in while the node runs in demo mode.
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: ts('created_at').notNull(),
});

export const userRoles = pgTable(
  'user_roles',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    grantedAt: ts('granted_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.role] }),
    check('user_roles_role', sql`${t.role} in ('buyer', 'seller', 'coop', 'mcn', 'admin', 'regulator')`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    // Only a hash of the cookie token is stored, so a database leak does not hand out sessions.
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    lastSeenAt: ts('last_seen_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user').on(t.userId), index('sessions_expires').on(t.expiresAt)],
);

export const verifications = pgTable(
  'verifications',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    organizationName: text('organization_name').notNull(),
    legalName: text('legal_name').notNull(),
    // The full ID number is never stored: a keyed hash finds duplicates, the last four digits identify it to a person.
    idNumberHmac: text('id_number_hmac').notNull(),
    idNumberLast4: text('id_number_last4').notNull(),
    businessLicenceNo: text('business_licence_no'),
    status: text('status').notNull().default('pending'),
    reason: text('reason'),
    reviewedBy: text('reviewed_by').references(() => users.id),
    createdAt: ts('created_at').notNull(),
    reviewedAt: ts('reviewed_at'),
  },
  (t) => [
    check('verifications_role', sql`${t.role} in ('seller', 'coop', 'mcn')`),
    check('verifications_status', sql`${t.status} in ('pending', 'approved', 'rejected')`),
    uniqueIndex('verifications_one_pending').on(t.userId, t.role).where(sql`${t.status} = 'pending'`),
    index('verifications_status').on(t.status, t.id),
    index('verifications_user').on(t.userId),
  ],
);

export const addresses = pgTable(
  'addresses',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    receiverName: text('receiver_name').notNull(),
    receiverPhone: text('receiver_phone').notNull(),
    province: text('province').notNull(),
    city: text('city').notNull(),
    county: text('county').notNull(),
    township: text('township').notNull(),
    village: text('village'),
    detail: text('detail').notNull(),
    isDefault: boolean('is_default').notNull().default(false),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('addresses_user').on(t.userId),
    uniqueIndex('addresses_one_default').on(t.userId).where(sql`${t.isDefault}`),
  ],
);

/**
 * A co-operative's members: sellers who put their produce under the co-op's brand. An invitation
 * becomes a membership when the seller accepts; a seller is active in at most one co-op at a time,
 * because the co-op then manages that seller's products and two co-ops must not both do so.
 */
export const coopMembers = pgTable(
  'coop_members',
  {
    coopId: text('coop_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    memberId: text('member_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status').notNull().default('invited'),
    invitedAt: ts('invited_at').notNull(),
    joinedAt: ts('joined_at'),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.memberId] }),
    check('coop_members_status', sql`${t.status} in ('invited', 'active')`),
    check('coop_members_not_self', sql`${t.coopId} <> ${t.memberId}`),
    check('coop_members_joined', sql`${t.status} <> 'active' or ${t.joinedAt} is not null`),
    index('coop_members_member').on(t.memberId),
    uniqueIndex('coop_members_one_active').on(t.memberId).where(sql`${t.status} = 'active'`),
  ],
);
