import { describe, expect, it } from 'vitest';
import type { SellerProductView } from '../../../../contracts/catalog';
import type { SaleState } from '../../../../contracts/room';
import type { FlashSaleView } from '../../../../contracts/sales';
import { flashSaleBody, saleFigures, skuChoices, sortSales, validFlashPrice } from './flash-sale-model';

const sale = (over: Partial<FlashSaleView> = {}): FlashSaleView => ({
  id: 'fls_01JD0000000000000000000001',
  sellerId: 'usr_1',
  liveId: 'liv_1',
  roomId: 'rom_1',
  productId: 'prd_1',
  skuId: 'sku_1',
  title: '明前毛尖',
  priceFen: 9900,
  quantity: 100,
  remaining: 80,
  perBuyerLimit: 2,
  durationSeconds: 60,
  status: 'running',
  startsAt: '2026-05-01T12:00:00.000Z',
  endsAt: '2026-05-01T12:01:00.000Z',
  ...over,
});

const room = (over: Partial<SaleState> = {}): SaleState => ({
  saleId: sale().id,
  productId: 'prd_1',
  title: '明前毛尖',
  priceFen: 9900,
  quantity: 100,
  remaining: 42,
  perBuyerLimit: 2,
  startsAt: '2026-05-01T12:00:00.000Z',
  endsAt: '2026-05-01T12:01:00.000Z',
  soldOut: false,
  ...over,
});

describe('flash sale figures', () => {
  it('follow the room while it carries the running sale', () => {
    expect(saleFigures(sale(), room())).toMatchObject({ remaining: 42, soldOut: false, live: true });
    expect(saleFigures(sale(), room({ remaining: 0, soldOut: true }))).toMatchObject({ remaining: 0, soldOut: true });
  });

  it('come from the list for any other sale, or when the room has none', () => {
    expect(saleFigures(sale(), null)).toMatchObject({ remaining: 80, live: false });
    expect(saleFigures(sale(), room({ saleId: 'fls_other' }))).toMatchObject({ remaining: 80, live: false });
    expect(saleFigures(sale({ status: 'ended', remaining: 0 }), room())).toMatchObject({ remaining: 0, soldOut: true, live: false });
  });

  it('put the running sale first, then the ready ones, newest first', () => {
    const ids = sortSales([
      sale({ id: 'fls_a', status: 'ended' }),
      sale({ id: 'fls_b', status: 'ready' }),
      sale({ id: 'fls_c', status: 'running' }),
      sale({ id: 'fls_d', status: 'ready' }),
    ]).map((s) => s.id);
    expect(ids).toEqual(['fls_c', 'fls_d', 'fls_b', 'fls_a']);
  });
});

describe('the flash sale form', () => {
  it('takes a price in yuan and sends fen', () => {
    expect(validFlashPrice('0.29')).toBe(true);
    expect(validFlashPrice('0')).toBe(false);
    expect(validFlashPrice('9.999')).toBe(false);
    expect(validFlashPrice('100001')).toBe(false);
    expect(flashSaleBody('liv_1', { skuId: 'sku_1', priceYuan: '0.29', quantity: 5, perBuyerLimit: 1, durationSeconds: 60 })).toEqual({
      liveId: 'liv_1',
      skuId: 'sku_1',
      priceFen: 29,
      quantity: 5,
      perBuyerLimit: 1,
      durationSeconds: 60,
    });
  });

  it('offers only SKUs of the live’s products', () => {
    const product = (id: string, skus: Array<{ id: string; stock: number }>) =>
      ({ id, title: id, skus: skus.map((s) => ({ ...s, name: s.id, priceFen: 100 })) }) as unknown as SellerProductView;
    const choices = skuChoices([product('prd_1', [{ id: 'a', stock: 3 }, { id: 'b', stock: 0 }]), product('prd_2', [{ id: 'c', stock: 9 }])], ['prd_1']);
    expect(choices.map((c) => c.skuId)).toEqual(['a', 'b']);
  });
});
