import { and, desc, lt, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './database';

/**
 * Newest-first keyset pagination over a time-sortable id column: stable under inserts, and
 * as cheap on page 1 000 as on page 1.
 */
export async function listNewestFirst<T extends PgTable, Row>(
  db: Db,
  table: T,
  idColumn: PgColumn,
  options: { filters: Array<SQL | undefined>; cursor?: string | undefined; limit?: number | undefined },
  map: (row: T['$inferSelect']) => Row,
): Promise<{ items: Row[]; nextCursor: string | null }> {
  const limit = options.limit ?? 20;
  const conditions = [...options.filters, options.cursor ? lt(idColumn, options.cursor) : undefined].filter(
    (c): c is SQL => c !== undefined,
  );
  const rows = (await db
    .select()
    .from(table as PgTable)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(idColumn))
    .limit(limit + 1)) as T['$inferSelect'][];
  const page = rows.slice(0, limit);
  const last = page.at(-1) as { id?: string } | undefined;
  return { items: page.map(map), nextCursor: rows.length > limit ? (last?.id ?? null) : null };
}
