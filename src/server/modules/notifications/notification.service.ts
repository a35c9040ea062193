import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Locale } from '../../../contracts/errors';
import type { Bus } from '../../infra/bus/bus';
import type { Clock } from '../../infra/clock';
import type { Db } from '../../infra/db/database';
import { newId } from '../../infra/ids';
import { notificationTexts } from './notification-texts';
import { notifications } from './notifications.tables';

export type NotificationService = ReturnType<typeof createNotificationService>;

/** Tells people what happened to their things: certificates expiring, applications reviewed. */
export function createNotificationService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;
  return {
    async notify(userId: string, kind: string, data: Record<string, unknown>) {
      await db.insert(notifications).values({ id: newId('ntf'), userId, kind, data, createdAt: clock.now() });
    },

    async list(userId: string, locale: Locale, cursor?: string, limit = 20) {
      const rows = await db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, userId), cursor ? lt(notifications.id, cursor) : undefined))
        .orderBy(desc(notifications.id))
        .limit(limit + 1);
      const [{ unread } = { unread: 0 }] = await db
        .select({ unread: sql<number>`count(*)::int` })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
      const page = rows.slice(0, limit);
      return {
        unread,
        items: page.map((row) => ({
          id: row.id,
          kind: row.kind,
          text: notificationTexts[row.kind]?.(row.data, locale) ?? row.kind,
          data: row.data,
          createdAt: row.createdAt.toISOString(),
          readAt: row.readAt?.toISOString() ?? null,
        })),
        nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
      };
    },

    async markAllRead(userId: string) {
      await db
        .update(notifications)
        .set({ readAt: clock.now() })
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
    },

    /** Events that someone should hear about become notifications for the user they concern. */
    subscribeTo(bus: Bus) {
      for (const kind of Object.keys(notificationTexts)) {
        bus.subscribe(kind, async (event) => {
          const data = event.data as Record<string, unknown>;
          const userId = String(data.sellerId ?? data.userId ?? '');
          if (userId) await this.notify(userId, kind, data);
        });
      }
    },
  };
}
