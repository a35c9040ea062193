import { existsSync } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';

/** A database handle or a transaction: services accept either, so callers decide the boundary. */
export type Db = PgDatabase<PgQueryResultHKT>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  ping(): Promise<void>;
  close(): Promise<void>;
  migrate(): Promise<void>;
  /** PGlite only: a tarball of the data directory, to clone a prepared database. */
  dump?(): Promise<Blob>;
}

/** Found by walking up from this file, so it holds for the sources and for the bundle in dist/. */
export const migrationsFolder = findUp(import.meta.dirname, 'migrations');

function findUp(from: string, name: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, name);
    if (existsSync(path.join(candidate, 'meta'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`cannot find the ${name} folder above ${from}`);
  }
}

/**
 * PGlite keeps its buffers inside one WebAssembly heap that never shrinks, so the defaults
 * (128 MB shared buffers) would set the node's floor. Small buffers keep an idle node light;
 * the working set of a village shop fits easily.
 */
export const pgliteSettings = [
  'shared_buffers = 16MB',
  'work_mem = 2MB',
  'maintenance_work_mem = 16MB',
  'temp_buffers = 2MB',
  'wal_buffers = 1MB',
];

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** PGlite data directory; undefined keeps PGlite in memory (tests). */
  dataDir?: string | undefined;
  /** A PGlite data-dir dump to start from (tests clone one migrated template). */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options);
}

async function openPglite(options: OpenOptions): Promise<Database> {
  const client = new PGlite({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: { pg_trgm },
    postgresqlconf: pgliteSettings,
  });
  await client.waitReady;
  const db = drizzlePglite({ client }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    ping: async () => {
      await client.query('select 1');
    },
    close: () => client.close(),
    dump: () => client.dumpDataDir('none'),
    migrate: async () => {
      await migratePglite(drizzlePglite({ client }), { migrationsFolder });
    },
  };
}

async function openPostgres(databaseUrl: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  // An idle client that loses its server must not take the node down with it.
  pool.on('error', () => undefined);
  const db = drizzlePg({ client: pool }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    ping: async () => {
      await pool.query('select 1');
    },
    close: () => pool.end(),
    migrate: async () => {
      // Nodes starting together must not apply the same migration twice.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock(7419001)');
        await migratePg(drizzlePg({ client }), { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock(7419001)').catch(() => undefined);
        client.release();
      }
    },
  };
}

/** True when a PGlite data directory already holds an initialised cluster. */
export async function isInitialised(dataDir: string): Promise<boolean> {
  try {
    await access(path.join(dataDir, 'PG_VERSION'));
    return true;
  } catch {
    return false;
  }
}
