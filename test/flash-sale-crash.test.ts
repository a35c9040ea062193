import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// A real node process, killed with SIGKILL in the middle of a flash sale and started again on the
// same database: what it acknowledged must be there, and the units must add up.

const root = path.resolve(import.meta.dirname, '..');
let dataDir: string;
let databaseUrl: string | undefined;
let port: number;
let node: ChildProcess | undefined;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port: p } = server.address() as { port: number };
      server.close(() => resolve(p));
    });
  });

async function startNode() {
  node = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      RTMP_PORT: '0',
      DATA_DIR: dataDir,
      DEMO: 'true',
      LOG_LEVEL: 'warn',
      WEB_DIR: '/nonexistent',
      MEDIA_HLS: 'off',
      REDIS_URL: '',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: '' }),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // A first start creates the embedded database; on a busy machine that takes a while.
  const deadline = Date.now() + 200_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('node did not start');
}

async function kill() {
  if (!node || node.exitCode !== null) return;
  const exited = new Promise((r) => node!.once('exit', r));
  node.kill('SIGKILL');
  await exited;
}

/** A browser-like session against the child node. */
class Session {
  cookie = '';
  async call(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1${url}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const set = res.headers.get('set-cookie');
    if (set?.startsWith('tt_session=')) this.cookie = set.split(';')[0]!;
    return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, any> };
  }
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'tiantou-crash-'));
  port = await freePort();
  if (process.env.DATABASE_URL) {
    const name = `tt_crash_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  }
  await startNode();
}, 240_000);

afterAll(async () => {
  await kill();
  await rm(dataDir, { recursive: true, force: true });
  if (databaseUrl) {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`drop database if exists ${new URL(databaseUrl).pathname.slice(1)} with (force)`);
    await admin.end();
  }
});

describe('a node killed in the middle of a flash sale', () => {
  it('keeps every acknowledged order, and remaining stock equals the quantity minus units sold', { timeout: 360_000 }, async () => {
    const seller = new Session();
    expect((await seller.call('POST', '/auth/login', { phone: '13900000011', password: 'tiantou2026' })).status).toBe(200);
    const product = (await seller.call('GET', '/seller/products?status=on_sale')).body.items[0];
    const live = (
      await seller.call('POST', '/seller/lives', {
        title: '断电演练 秒杀专场',
        scheduledAt: new Date(Date.now() + 3600_000).toISOString(),
        productIds: [product.id],
        script: '',
      })
    ).body;
    const quantity = 30;
    const limit = 2;
    const sale = (
      await seller.call('POST', '/seller/flash-sales', {
        liveId: live.id,
        skuId: product.skus[0].id,
        priceFen: 990,
        quantity,
        perBuyerLimit: limit,
        durationSeconds: 1200,
      })
    ).body;
    expect(sale.id).toBeTruthy();

    const buyers = await Promise.all(
      Array.from({ length: 30 }, async (_, i) => {
        const buyer = new Session();
        const phone = `136${String(process.pid % 10000).padStart(4, '0')}${String(i).padStart(4, '0')}`;
        await buyer.call('POST', '/auth/register', { phone, password: 'crash2026ok', displayName: `买家${i}` });
        const address = await buyer.call('POST', '/me/addresses', {
          receiverName: '刘芳',
          receiverPhone: '13812345678',
          province: '湖南省',
          city: '长沙市',
          county: '岳麓区',
          township: '麓谷街道',
          detail: `${i} 号`,
        });
        return { session: buyer, addressId: address.body.id as string };
      }),
    );
    expect((await seller.call('POST', `/seller/flash-sales/${sale.id}/start`)).status).toBe(200);

    const acknowledged: Array<{ buyer: number; orderId: string }> = [];
    let killed: Promise<void> | undefined;
    const attempts = buyers.flatMap((buyer, index) =>
      [0, 1, 2].map(async () => {
        try {
          const res = await buyer.session.call('POST', `/flash-sales/${sale.id}/orders`, { quantity: 1, addressId: buyer.addressId });
          if (res.status === 201 || res.status === 200) acknowledged.push({ buyer: index, orderId: res.body.orderId });
          if (acknowledged.length >= 8) killed ??= kill();
        } catch {
          // The node died under this request: its outcome is unknown, and nothing was promised.
        }
      }),
    );
    await Promise.all(attempts);
    await (killed ?? kill());
    expect(acknowledged.length).toBeGreaterThanOrEqual(8);

    await startNode();
    for (const { buyer, orderId } of acknowledged) {
      const res = await buyers[buyer]!.session.call('GET', `/orders/${orderId}`);
      expect(res.status).toBe(200);
      expect(res.body.flashSaleId).toBe(sale.id);
    }
    const orders = ((await seller.call('GET', '/seller/orders?limit=100')).body.items as Array<{ flashSaleId: string; buyerId: string; items: Array<{ quantity: number }> }>).filter(
      (o) => o.flashSaleId === sale.id,
    );
    const sold = orders.reduce((sum, o) => sum + o.items[0]!.quantity, 0);
    const after = (await seller.call('GET', `/flash-sales/${sale.id}`)).body;
    expect(after.remaining).toBe(quantity - sold);
    const perBuyer = new Map<string, number>();
    for (const o of orders) perBuyer.set(o.buyerId, (perBuyer.get(o.buyerId) ?? 0) + o.items[0]!.quantity);
    expect(Math.max(...perBuyer.values())).toBeLessThanOrEqual(limit);

    // And the restarted node goes on selling from the database's figures.
    const next = await buyers[0]!.session.call('POST', `/flash-sales/${sale.id}/orders`, { quantity: 1, addressId: buyers[0]!.addressId });
    expect([201, 409]).toContain(next.status);
    if (next.status === 201) expect((await seller.call('GET', `/flash-sales/${sale.id}`)).body.remaining).toBe(quantity - sold - 1);
  });
});
