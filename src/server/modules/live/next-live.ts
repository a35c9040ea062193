import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../infra/db/database';
import { lives } from './live.tables';

/**
 * The scheduled live a publish to this room starts: the one nearest its start time, so an anchor
 * early for tonight's live or late for this morning's gets the one they mean.
 */
export async function findNextLive(db: Db, roomId: string, now: Date) {
  const [next] = await db
    .select()
    .from(lives)
    .where(and(eq(lives.roomId, roomId), eq(lives.status, 'scheduled')))
    .orderBy(sql`abs(extract(epoch from (${lives.scheduledAt} - ${now.toISOString()}::timestamptz)))`)
    .limit(1);
  return next;
}
