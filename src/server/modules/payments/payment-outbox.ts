import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Bus } from '../../infra/bus/bus';
import type { Clock } from '../../infra/clock';
import type { Db } from '../../infra/db/database';
import { newId } from '../../infra/ids';
import { paymentOutbox } from './payments.tables';

/** How long the node that wrote an event has to publish it before the sweep takes over. */
const claimMs = 30_000;

export interface OutboxEntry {
  id: string;
  type: string;
  data: unknown;
}

export type PaymentOutbox = ReturnType<typeof createPaymentOutbox>;

/**
 * Events leave through the database: written with the state change they announce, published
 * after the commit. At least once on the bus (a node can die between publishing and marking);
 * never twice in the table, because each event has a natural key such as `payment.succeeded:<id>`.
 */
export function createPaymentOutbox(deps: { db: Db; bus: Bus; clock: Clock; log: Logger }) {
  const { db, bus, clock, log } = deps;

  async function publish(entries: OutboxEntry[]) {
    for (const entry of entries) {
      try {
        await bus.publish(entry.type, entry.data);
        await db.update(paymentOutbox).set({ publishedAt: clock.now() }).where(eq(paymentOutbox.id, entry.id));
      } catch (err) {
        // The row stays unpublished; the sweep tries again once the claim lapses.
        log.error({ err, type: entry.type, id: entry.id }, 'payment event not published yet');
      }
    }
  }

  return {
    /** Inside the caller's transaction; answers the entry, or undefined when its key was written before. */
    async add(tx: Db, key: string, type: string, data: unknown): Promise<OutboxEntry | undefined> {
      const now = clock.now();
      const id = newId('obx');
      const [row] = await tx
        .insert(paymentOutbox)
        .values({ id, key, type, data, createdAt: now, claimedUntil: new Date(now.getTime() + claimMs) })
        .onConflictDoNothing({ target: paymentOutbox.key })
        .returning({ id: paymentOutbox.id });
      return row ? { id, type, data } : undefined;
    },

    /** After the commit: announce what the transaction wrote. */
    publish,

    /** Publishes what a node wrote but never announced. Rows are claimed first, so nodes do not race. */
    async sweep(): Promise<number> {
      const now = clock.now();
      const due = db
        .select({ id: paymentOutbox.id })
        .from(paymentOutbox)
        .where(and(isNull(paymentOutbox.publishedAt), lte(paymentOutbox.claimedUntil, now)))
        .orderBy(asc(paymentOutbox.claimedUntil))
        .limit(100)
        .for('update', { skipLocked: true });
      const claimed = await db
        .update(paymentOutbox)
        .set({ claimedUntil: new Date(now.getTime() + claimMs) })
        .where(inArray(paymentOutbox.id, due))
        .returning();
      claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
      await publish(claimed.map(({ id, type, data }) => ({ id, type, data })));
      return claimed.length;
    },
  };
}
