import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, json, type TestApp } from './helpers/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('operations endpoints', () => {
  it('reports liveness and readiness with the database (and Redis when configured) checked', async () => {
    expect(json(await t.app.inject('/healthz'))).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(json(ready).checks.database).toBe('ok');
    if (process.env.REDIS_URL) expect(json(ready).checks.redis).toBe('ok');
  });

  it('turns not-ready when the database stops answering', async () => {
    const { createTestDatabase } = await import('./helpers/database');
    const { buildApp } = await import('../src/server/app');
    const database = await createTestDatabase();
    const app = await buildApp(t.config, { database });
    await database.close();
    const res = await app.inject('/readyz');
    expect(res.statusCode).toBe(503);
    expect(json(res).status).toBe('not ready');
    await app.close();
  });

  it('exposes Prometheus metrics including request durations', async () => {
    await t.app.inject('/healthz');
    const res = await t.app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain('tiantou_http_request_duration_seconds_bucket');
    expect(res.body).toContain('tiantou_process_resident_memory_bytes');
  });

  it('publishes an OpenAPI document generated from the validating schemas, and Swagger UI', async () => {
    const doc = json(await t.app.inject('/api/openapi.json'));
    expect(doc.openapi).toMatch(/^3\./);
    const register = doc.paths['/api/v1/auth/register'].post;
    expect(register.requestBody.content['application/json'].schema.properties.phone.pattern).toBe('^1[3-9][0-9]{9}$');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/me', '/api/v1/admin/verifications']));
    const ui = await t.app.inject('/api/docs/');
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
  });

  it('never shows a stack trace, even for an unexpected failure', async () => {
    t.app.log.level = 'silent';
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `tt_session=${'x'.repeat(50)}` } });
    expect(res.statusCode).toBe(401);
    expect(res.body).not.toMatch(/\.ts:\d+|node_modules/);
  });
});
