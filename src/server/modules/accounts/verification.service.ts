import { createHmac } from 'node:crypto';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type {
  VerificationListQuery,
  VerificationRequestBody,
  VerificationReviewBody,
  VerificationView,
} from '../../../contracts/accounts';
import type { Bus } from '../../infra/bus/bus';
import type { Clock } from '../../infra/clock';
import type { Db } from '../../infra/db/database';
import { listNewestFirst } from '../../infra/db/keyset-page';
import { isUniqueViolation } from '../../infra/db/pg-errors';
import { NotFoundError } from '../../infra/errors';
import { newId } from '../../infra/ids';
import {
  AlreadyVerifiedError,
  InvalidIdNumberError,
  SellerNotVerifiedError,
  VerificationNotPendingError,
  VerificationPendingError,
} from './accounts.errors';
import { toVerificationView } from './accounts.mappers';
import type { AccountsService, Actor } from './accounts.service';
import { verifications } from './accounts.tables';
import { isValidIdNumber } from './id-number';

export interface VerificationDeps {
  db: Db;
  clock: Clock;
  bus: Bus;
  appSecret: string;
  accounts: AccountsService;
}

export type VerificationService = ReturnType<typeof createVerificationService>;

/** Real-name verification: the gate a farmer passes before selling, run by platform admins. */
export function createVerificationService(deps: VerificationDeps) {
  const { db, clock, bus, accounts } = deps;
  const idHmac = (idNumber: string) =>
    createHmac('sha256', deps.appSecret).update(`id-number:${idNumber.toUpperCase()}`).digest('base64url');

  return {
    async apply(actor: Actor, body: VerificationRequestBody): Promise<VerificationView> {
      if (!isValidIdNumber(body.idNumber, clock.now())) throw new InvalidIdNumberError();
      if (actor.roles.includes(body.role)) throw new AlreadyVerifiedError();
      const row = {
        id: newId('ver'),
        userId: actor.userId,
        role: body.role,
        organizationName: body.organizationName.trim(),
        legalName: body.legalName.trim(),
        idNumberHmac: idHmac(body.idNumber),
        idNumberLast4: body.idNumber.slice(-4).toUpperCase(),
        businessLicenceNo: body.businessLicenceNo ?? null,
        status: 'pending',
        createdAt: clock.now(),
      };
      try {
        await db.insert(verifications).values(row);
      } catch (err) {
        if (isUniqueViolation(err)) throw new VerificationPendingError();
        throw err;
      }
      await bus.publish('verification.requested', { verificationId: row.id, userId: actor.userId, role: body.role });
      return toVerificationView({ ...row, reason: null, reviewedBy: null, reviewedAt: null });
    },

    async list(query: VerificationListQuery) {
      const filters = [query.status ? eq(verifications.status, query.status) : undefined];
      return listNewestFirst(db, verifications, verifications.id, { ...query, filters }, toVerificationView);
    },

    /** Approval and the role it grants commit together, so a half-approved seller cannot exist. */
    async review(reviewerId: string, id: string, decision: VerificationReviewBody): Promise<VerificationView> {
      const now = clock.now();
      const updated = await db.transaction(async (tx) => {
        const [row] = await tx
          .update(verifications)
          .set({
            status: decision.decision === 'approve' ? 'approved' : 'rejected',
            reason: decision.decision === 'reject' ? decision.reason.trim() : null,
            reviewedBy: reviewerId,
            reviewedAt: now,
          })
          .where(and(eq(verifications.id, id), eq(verifications.status, 'pending')))
          .returning();
        if (!row) {
          const [existing] = await tx.select({ id: verifications.id }).from(verifications).where(eq(verifications.id, id));
          throw existing ? new VerificationNotPendingError() : new NotFoundError();
        }
        if (decision.decision === 'approve') await accounts.grantRole(row.userId, row.role as VerificationView['role'], tx);
        return row;
      });
      await bus.publish(`verification.${updated.status}`, {
        verificationId: updated.id,
        userId: updated.userId,
        role: updated.role,
      });
      return toVerificationView(updated);
    },

    /** Shop names of sellers, as buyers see them: the name they were verified under. */
    async shopNames(userIds: string[]): Promise<Map<string, string>> {
      const names = new Map<string, string>();
      if (!userIds.length) return names;
      const rows = await db
        .select({ userId: verifications.userId, name: verifications.organizationName })
        .from(verifications)
        .where(and(inArray(verifications.userId, [...new Set(userIds)]), eq(verifications.role, 'seller'), eq(verifications.status, 'approved')))
        .orderBy(asc(verifications.id));
      for (const row of rows) names.set(row.userId, row.name);
      return names;
    },

    /** The approved seller record, or SellerNotVerified: listing products and going live need it. */
    async getVerifiedSeller(actor: Actor): Promise<VerificationView> {
      if (!actor.roles.includes('seller')) throw new SellerNotVerifiedError();
      const [row] = await db
        .select()
        .from(verifications)
        .where(and(eq(verifications.userId, actor.userId), eq(verifications.role, 'seller'), eq(verifications.status, 'approved')))
        .orderBy(desc(verifications.id))
        .limit(1);
      if (!row) throw new SellerNotVerifiedError();
      return toVerificationView(row);
    },
  };
}
