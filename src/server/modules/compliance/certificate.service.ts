import { and, desc, eq, gt, inArray, isNull, lte } from 'drizzle-orm';
import type {
  CertificateBody,
  CertificateKind,
  CertificateListQuery,
  CertificateReviewBody,
  CertificateView,
} from '../../../contracts/compliance';
import type { Bus } from '../../infra/bus/bus';
import { chinaInstant } from '../../infra/china-time';
import type { Clock } from '../../infra/clock';
import type { Db } from '../../infra/db/database';
import { listNewestFirst } from '../../infra/db/keyset-page';
import { ConflictError, DomainError, NotFoundError, NotOwnerError } from '../../infra/errors';
import { newId } from '../../infra/ids';
import type { FileService } from '../files';
import { certificates } from './compliance.tables';

type Row = typeof certificates.$inferSelect;

/** Certificates are dated in China Standard Time: one stops backing claims when its last day ends there. */
export function expiryInstant(validUntil: string): Date {
  return chinaInstant(validUntil, '23:59:59.999');
}

const startInstant = (validFrom: string): Date => chinaInstant(validFrom);

export function isValidAt(row: Pick<Row, 'status' | 'validFrom' | 'expiresAt'>, at: Date): boolean {
  return row.status === 'approved' && startInstant(row.validFrom) <= at && row.expiresAt > at;
}

export type CertificateService = ReturnType<typeof createCertificateService>;

/** The registry of certificates that entitle a seller to claims such as 有机 or 地理标志. */
export function createCertificateService(deps: { db: Db; clock: Clock; bus: Bus; files?: Pick<FileService, 'assertUsable'> }) {
  const { db, clock, bus, files } = deps;

  const toView = (row: Row): CertificateView => ({
    id: row.id,
    sellerId: row.sellerId,
    kind: row.kind as CertificateKind,
    number: row.number,
    issuer: row.issuer,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    fileId: row.fileId,
    status: row.status as CertificateView['status'],
    reason: row.reason,
    valid: isValidAt(row, clock.now()),
    createdAt: row.createdAt.toISOString(),
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
  });

  async function getOwned(sellerId: string, id: string): Promise<Row> {
    const [row] = await db.select().from(certificates).where(eq(certificates.id, id));
    if (!row) throw new NotFoundError('CERTIFICATE_NOT_FOUND');
    if (row.sellerId !== sellerId) throw new NotOwnerError();
    return row;
  }

  return {
    async submit(sellerId: string, body: CertificateBody): Promise<CertificateView> {
      if (body.validUntil < body.validFrom) {
        throw new DomainError('INVALID_CERTIFICATE_DATES', 400, {}, [{ path: '/validUntil', message: 'before validFrom' }]);
      }
      // A reviewer must be looking at the seller's own scan, not one borrowed from another farm.
      if (body.fileId) await files?.assertUsable(sellerId, [body.fileId], ['certificate_scan']);
      const [row] = await db
        .insert(certificates)
        .values({
          id: newId('cer'),
          sellerId,
          kind: body.kind,
          number: body.number.trim(),
          issuer: body.issuer.trim(),
          validFrom: body.validFrom,
          validUntil: body.validUntil,
          expiresAt: expiryInstant(body.validUntil),
          fileId: body.fileId ?? null,
          status: 'pending',
          createdAt: clock.now(),
        })
        .returning();
      await bus.publish('certificate.submitted', { certificateId: row!.id, sellerId, kind: body.kind });
      return toView(row!);
    },

    async listMine(sellerId: string): Promise<CertificateView[]> {
      const rows = await db.select().from(certificates).where(eq(certificates.sellerId, sellerId)).orderBy(desc(certificates.id));
      return rows.map(toView);
    },

    async getMine(sellerId: string, id: string): Promise<CertificateView> {
      return toView(await getOwned(sellerId, id));
    },

    async list(query: CertificateListQuery) {
      const filters = [query.status ? eq(certificates.status, query.status) : undefined];
      return listNewestFirst(db, certificates, certificates.id, { ...query, filters }, toView);
    },

    async review(reviewerId: string, id: string, decision: CertificateReviewBody): Promise<CertificateView> {
      const [row] = await db
        .update(certificates)
        .set({
          status: decision.decision === 'approve' ? 'approved' : 'rejected',
          reason: decision.decision === 'reject' ? decision.reason.trim() : null,
          reviewedBy: reviewerId,
          reviewedAt: clock.now(),
        })
        .where(and(eq(certificates.id, id), eq(certificates.status, 'pending')))
        .returning();
      if (!row) {
        const [existing] = await db.select({ id: certificates.id }).from(certificates).where(eq(certificates.id, id));
        throw existing ? new ConflictError('CERTIFICATE_NOT_PENDING') : new NotFoundError('CERTIFICATE_NOT_FOUND');
      }
      await bus.publish(`certificate.${row.status}`, { certificateId: row.id, sellerId: row.sellerId, kind: row.kind, reason: row.reason });
      return toView(row);
    },

    /**
     * The kinds of claim a seller may make right now; with `certificateIds`, only those
     * certificates count (a product backs its claims with the certificates that cover it).
     */
    async validKinds(sellerId: string, certificateIds?: readonly string[]): Promise<Set<CertificateKind>> {
      if (certificateIds && !certificateIds.length) return new Set();
      const now = clock.now();
      const rows = await db
        .select({ kind: certificates.kind, validFrom: certificates.validFrom, expiresAt: certificates.expiresAt, status: certificates.status })
        .from(certificates)
        .where(
          and(
            eq(certificates.sellerId, sellerId),
            eq(certificates.status, 'approved'),
            gt(certificates.expiresAt, now),
            certificateIds ? inArray(certificates.id, [...certificateIds]) : undefined,
          ),
        );
      return new Set(rows.filter((r) => isValidAt(r, now)).map((r) => r.kind as CertificateKind));
    },

    /** Refuses certificate ids that are not the seller's own, so a listing cannot borrow another farm's. */
    async assertOwned(sellerId: string, ids: readonly string[]): Promise<void> {
      if (!ids.length) return;
      const rows = await db
        .select({ id: certificates.id })
        .from(certificates)
        .where(and(eq(certificates.sellerId, sellerId), inArray(certificates.id, [...ids])));
      const owned = new Set(rows.map((r) => r.id));
      const foreign = ids.find((id) => !owned.has(id));
      if (foreign) throw new DomainError('CERTIFICATE_NOT_USABLE', 422, { id: foreign }, [{ path: '/certificateIds', message: foreign }]);
    },

    /** Valid certificates of many sellers at once, for listing pages. */
    async validBySeller(sellerIds: string[]): Promise<Map<string, CertificateView[]>> {
      const result = new Map<string, CertificateView[]>();
      if (!sellerIds.length) return result;
      const now = clock.now();
      const rows = await db
        .select()
        .from(certificates)
        .where(and(inArray(certificates.sellerId, [...new Set(sellerIds)]), eq(certificates.status, 'approved'), gt(certificates.expiresAt, now)));
      for (const row of rows) {
        if (!isValidAt(row, now)) continue;
        const list = result.get(row.sellerId) ?? [];
        list.push(toView(row));
        result.set(row.sellerId, list);
      }
      return result;
    },

    /**
     * Tells each seller once that a certificate ran out. Buyer pages need no job for this: they
     * decide validity when they are read, so a claim disappears the moment its certificate ends.
     */
    async announceExpired(): Promise<number> {
      const now = clock.now();
      const due = await db
        .update(certificates)
        .set({ expiryNotifiedAt: now })
        .where(and(eq(certificates.status, 'approved'), isNull(certificates.expiryNotifiedAt), lte(certificates.expiresAt, now)))
        .returning();
      for (const row of due) {
        await bus.publish('certificate.expired', {
          certificateId: row.id,
          sellerId: row.sellerId,
          kind: row.kind,
          number: row.number,
          validUntil: row.validUntil,
        });
      }
      return due.length;
    },
  };
}
