import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOverrides } from '../../src/server/app';
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
export async function createTestApp(
  options: { clock?: Clock; env?: Record<string, string>; overrides?: Omit<AppOverrides, 'database' | 'clock'> } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  // Uploads land in a directory of this app's own, removed with it.
  const dataDir = await mkdtemp(path.join(tmpdir(), 'tiantou-data-'));
  const config = loadConfig({
    DEMO: 'false',
    APP_SECRET: 'test-secret-0123456789',
    LOG_LEVEL: 'silent',
    WEB_DIR: '/nonexistent',
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    // Any free port, so test files running side by side never fight over 1935.
    RTMP_PORT: '0',
    // Tests grant roles straight in the database, behind the cache's back; the cache has its own tests.
    SESSION_CACHE_SECONDS: '0',
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    REDIS_PREFIX: `tt-test-${randomBytes(4).toString('hex')}`,
    ...options.env,
  });
  const app = await buildApp(config, { ...options.overrides, database, ...(options.clock ? { clock: options.clock } : {}) });
  await app.ready();
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.close();
      await rm(dataDir, { recursive: true, force: true });
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

export type FormPart = { name: string; value: string } | { name: string; filename: string; data: Buffer; contentType?: string };

/** A multipart/form-data body, parts in the given order. */
export function multipartBody(parts: FormPart[]): { payload: Buffer; contentType: string } {
  const boundary = `----tiantou${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const head =
      'value' in part
        ? `Content-Disposition: form-data; name="${part.name}"\r\n\r\n`
        : `Content-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\n` +
          `Content-Type: ${part.contentType ?? 'application/octet-stream'}\r\n\r\n`;
    chunks.push(Buffer.from(`--${boundary}\r\n${head}`), 'value' in part ? Buffer.from(part.value) : part.data, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Uploads the way a browser form does: `purpose` first, then the file. */
export function uploadFile(client: TestClient, purpose: string, data: Buffer, filename = 'upload.bin', contentType?: string) {
  const { payload, contentType: type } = multipartBody([
    { name: 'purpose', value: purpose },
    { name: 'file', filename, data, ...(contentType ? { contentType } : {}) },
  ]);
  return client.request('POST', '/api/v1/files', payload, { 'content-type': type });
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

/** A verified co-operative account, through the same application and approval as a seller. */
export async function createVerifiedCoop(t: TestApp, admin: { client: TestClient }, organizationName = '栀香湾栀子花茶专业合作社') {
  const coop = await registerUser(t.app, organizationName);
  const applied = await coop.client.post('/api/v1/me/verifications', {
    role: 'coop',
    organizationName,
    legalName: '罗秀英',
    idNumber: idNumber('43062119720908562'),
  });
  await admin.client.post(`/api/v1/admin/verifications/${(applied.json() as { id: string }).id}/review`, { decision: 'approve' });
  return coop;
}

export async function createAdmin(t: TestApp) {
  const admin = await registerUser(t.app, '管理员');
  await grantRole(t.database, admin.user.id, 'admin');
  return admin;
}
