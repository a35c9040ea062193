import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lotCodePattern } from '../../../contracts/trace';
import { FakeClock } from '../../infra/clock';
import type { Database } from '../../infra/db/database';
import { createTestDatabase } from '../../../../test/helpers/database';
import { generateLotCode, normalizeLotCode } from './lot-code';
import { createLotService } from './lot.service';
import type { TracePorts } from './trace.ports';

describe('lot codes', () => {
  it('are series, harvest year and six Crockford characters', () => {
    const codes = Array.from({ length: 500 }, () => generateLotCode('XY', 2026));
    for (const code of codes) expect(code).toMatch(new RegExp(lotCodePattern));
    expect(codes.every((c) => c.startsWith('XY26-'))).toBe(true);
    expect(codes.join('')).not.toMatch(/[ILOU]/);
    expect(new Set(codes).size).toBe(500);
    expect(generateLotCode('TT', 2105, () => Buffer.from([0, 31, 32, 255, 10, 21]))).toBe('TT05-0Z0ZAN');
  });

  it('are read back from what people type or scanners send', () => {
    expect(normalizeLotCode('XY26-7K3M9Q')).toBe('XY26-7K3M9Q');
    expect(normalizeLotCode(' xy26 7k3m9q ')).toBe('XY26-7K3M9Q');
    expect(normalizeLotCode('XY267K3M9Q')).toBe('XY26-7K3M9Q');
    expect(normalizeLotCode('ＸＹ２６－７Ｋ３Ｍ９Ｑ')).toBe('XY26-7K3M9Q'); // full-width, from a Chinese IME
    expect(normalizeLotCode('XY26—7K3M9Q')).toBe('XY26-7K3M9Q');
    expect(normalizeLotCode('TT26-O1LI0A')).toBe('TT26-01110A');
    expect(normalizeLotCode('TT26-U1230A')).toBeUndefined();
    expect(normalizeLotCode('XY26-7K3M9')).toBeUndefined();
    expect(normalizeLotCode('<script>')).toBeUndefined();
    expect(normalizeLotCode('')).toBeUndefined();
  });
});

describe('the lot service without HTTP (as the demo seeder uses it)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  const actor = { userId: 'usr_01JD0000000000000000000001', roles: ['seller' as const] };
  const product = { id: 'prd_01JD0000000000000000000001', sellerId: actor.userId, status: 'on_sale' };
  const ports: TracePorts = {
    products: { getEditable: async () => product },
    storefront: {
      get: async () => {
        throw new Error('not used');
      },
      getForTrace: async () => {
        throw new Error('not used');
      },
    },
    files: { assertUsable: async () => undefined, describe: async () => new Map() },
  };

  it('draws another code when the first is taken', async () => {
    const draws = ['XY26-AAAAAA', 'XY26-AAAAAA', 'XY26-BBBBBB'];
    const lots = createLotService({ db: database.db, clock: new FakeClock(), publicUrl: 'http://localhost:8080/', ...ports, drawCode: () => draws.shift()! });
    const first = await lots.createLot(actor, { productId: product.id, harvestDate: '2026-03-28', quantity: 50, unit: 'kg' });
    const second = await lots.createLot(actor, { productId: product.id, harvestDate: '2026-03-28', quantity: 8, unit: 'box' });
    expect([first.code, second.code]).toEqual(['XY26-AAAAAA', 'XY26-BBBBBB']);
    expect(second.links.traceUrl).toBe('http://localhost:8080/trace/XY26-BBBBBB');

    const event = await lots.addEvent(actor, second.id, { kind: 'packing', occurredAt: '2026-03-29T01:00:00Z' });
    expect(event).toMatchObject({ kind: 'packing', place: '', who: '', notes: '', photos: [], reports: [] });
  });

  it('gives up loudly rather than looping when the generator keeps colliding', async () => {
    const lots = createLotService({ db: database.db, clock: new FakeClock(), publicUrl: 'http://x', ...ports, drawCode: () => 'XY26-AAAAAA' });
    await expect(lots.createLot(actor, { productId: product.id, harvestDate: '2026-03-28', quantity: 1, unit: 'kg' })).rejects.toThrow(/no free lot code/);
  });
});
