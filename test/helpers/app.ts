import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app';
import { loadConfig, type Config } from '../../src/server/config';
import type { Clock } from '../../src/server/infra/clock';
import type { Database } from '../../src/server/infra/db/database';
import { checkCharacter } from '../../src/server/modules/accounts';
import { createTestDatabase } from './database';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

/** The real app on a fresh database; Redis is used when REDIS_URL is set, under a private prefix. */
export async function createTestApp(options: { clock?: Clock; env?: Record<string, string> } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    DEMO: 'false',
    APP_SECRET: 'test-secret-0123456789',
    LOG_LEVEL: 'silent',
    WEB_DIR: '/nonexistent',
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    REDIS_PREFIX: `tt-test-${randomBytes(4).toString('hex')}`,
    ...options.env,
  });
  const app = await buildApp(config, { database, ...(options.clock ? { clock: options.clock } : {}) });
  await app.ready();
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A logged-in browser-like client: keeps the session cookie between calls. */
export class TestClient {
  cookie: string | undefined;
  constructor(private app: FastifyInstance) {}

  async request(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await this.app.inject({
      method,
      url,
      headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    const setCookie = res.cookies.find((c) => c.name === 'tt_session');
    if (setCookie) this.cookie = setCookie.value ? `tt_session=${setCookie.value}` : undefined;
    return res;
  }
  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: unknown, headers?: Record<string, string>) => this.request('POST', url, body ?? {}, headers);
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body);
  delete = (url: string) => this.request('DELETE', url);
}

let phoneCounter = 0;
/** Distinct valid mainland numbers per test file, so limits and uniqueness never collide. */
export function nextPhone(): string {
  phoneCounter++;
  return `137${String(process.pid % 10000).padStart(4, '0')}${String(phoneCounter).padStart(4, '0')}`;
}

export async function registerUser(app: FastifyInstance, displayName = '测试用户') {
  const client = new TestClient(app);
  const phone = nextPhone();
  const res = await client.post('/api/v1/auth/register', { phone, password: 'farm2026ok', displayName });
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
  return { client, phone, password: 'farm2026ok', user: res.json() as { id: string } };
}

export const json = (res: LightMyRequestResponse) => res.json() as Record<string, any>;

/** Appointed roles (admin, regulator) have no self-service route; tests grant them directly. */
export async function grantRole(database: Database, userId: string, role: 'admin' | 'regulator') {
  const { userRoles } = await import('../../src/server/modules/accounts/accounts.tables');
  await database.db.insert(userRoles).values({ userId, role, grantedAt: new Date() });
}

/** A valid 18-digit resident ID number with a computed check character. */
export function idNumber(base17 = '41150219860315432'): string {
  return base17 + checkCharacter(base17);
}

/** A verified seller, through the same application and admin approval a farmer goes through. */
export async function createVerifiedSeller(t: TestApp, admin: { client: TestClient }, organizationName = '云雾岭茶园') {
  const seller = await registerUser(t.app, organizationName);
  const applied = await seller.client.post('/api/v1/me/verifications', {
    role: 'seller',
    organizationName,
    legalName: '程雨桐',
    idNumber: idNumber(),
  });
  await admin.client.post(`/api/v1/admin/verifications/${(applied.json() as { id: string }).id}/review`, { decision: 'approve' });
  return seller;
}

export async function createAdmin(t: TestApp) {
  const admin = await registerUser(t.app, '管理员');
  await grantRole(t.database, admin.user.id, 'admin');
  return admin;
}
