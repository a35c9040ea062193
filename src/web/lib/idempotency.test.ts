import { describe, expect, it, vi } from 'vitest';
import { idempotencyKeyPattern, isUnanswered, newIdempotencyKey, sendTap, TapKeys } from './idempotency';

/** Shaped like the client's ApiError, which this module reads structurally. */
class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  constructor(init: { code: string; status: number; message: string }) {
    super(init.message);
    this.code = init.code;
    this.status = init.status;
  }
}

const network = () => new ApiError({ code: 'NETWORK', status: 0, message: 'offline' });
const soldOut = () => new ApiError({ code: 'FLASH_SALE_SOLD_OUT', status: 409, message: 'sold out' });
const unavailable = () => new ApiError({ code: 'INTERNAL', status: 503, message: 'busy' });

function counter() {
  let n = 0;
  return () => `key${String((n += 1)).padStart(6, '0')}`;
}
const noSleep = () => Promise.resolve();

describe('idempotency keys', () => {
  it('are what the server accepts', () => {
    const keys = new Set(Array.from({ length: 50 }, newIdempotencyKey));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(idempotencyKeyPattern);
  });

  it('count only a missing answer or a server error as unanswered', () => {
    expect(isUnanswered(network())).toBe(true);
    expect(isUnanswered(unavailable())).toBe(true);
    expect(isUnanswered(soldOut())).toBe(false);
    expect(isUnanswered(new Error('bug'))).toBe(false);
  });
});

describe('a tap', () => {
  it('gets a new key each time once answered', () => {
    const keys = new TapKeys(counter());
    const first = keys.take('sale:1');
    keys.settle(first);
    const second = keys.take('sale:1');
    expect(second).not.toBe(first);
    keys.settle(second, soldOut());
    expect(keys.take('sale:1')).not.toBe(second);
  });

  it('keeps its key after no answer, so the retry cannot buy twice', () => {
    const keys = new TapKeys(counter());
    const first = keys.take('sale:1|q1');
    keys.settle(first, network());
    expect(keys.pending).toBe(first);
    expect(keys.take('sale:1|q1')).toBe(first);
  });

  it('takes a new key when the request changed after a lost answer', () => {
    const keys = new TapKeys(counter());
    const first = keys.take('sale:1|q1');
    keys.settle(first, network());
    expect(keys.take('sale:1|q2')).not.toBe(first);
  });

  it('ignores the answer of a tap that is no longer the latest', () => {
    const keys = new TapKeys(counter());
    const old = keys.take('a');
    const current = keys.take('b');
    keys.settle(old);
    expect(keys.pending).toBe(current);
  });
});

describe('sendTap', () => {
  it('retries a lost answer with the same key and lets the key go once answered', async () => {
    const keys = new TapKeys(counter());
    const send = vi.fn<(key: string) => Promise<string>>().mockRejectedValueOnce(network()).mockResolvedValueOnce('order');
    await expect(sendTap(keys, 'sale:1', send, { sleep: noSleep })).resolves.toBe('order');
    expect(send).toHaveBeenCalledTimes(2);
    expect(send.mock.calls[0]![0]).toBe(send.mock.calls[1]![0]);
    expect(keys.pending).toBeUndefined();
  });

  it('does not retry an answer such as sold out', async () => {
    const keys = new TapKeys(counter());
    const send = vi.fn<(key: string) => Promise<string>>().mockRejectedValue(soldOut());
    await expect(sendTap(keys, 'sale:1', send, { sleep: noSleep })).rejects.toMatchObject({ code: 'FLASH_SALE_SOLD_OUT' });
    expect(send).toHaveBeenCalledTimes(1);
    expect(keys.pending).toBeUndefined();
  });

  it('hands the key to the next tap when every retry went unanswered', async () => {
    const keys = new TapKeys(counter());
    const send = vi.fn<(key: string) => Promise<string>>().mockRejectedValue(network());
    await expect(sendTap(keys, 'sale:1', send, { retries: 2, sleep: noSleep })).rejects.toMatchObject({ code: 'NETWORK' });
    expect(send).toHaveBeenCalledTimes(3);
    const used = send.mock.calls[0]![0];

    const again = vi.fn<(key: string) => Promise<string>>().mockResolvedValue('order');
    await sendTap(keys, 'sale:1', again, { sleep: noSleep });
    expect(again).toHaveBeenCalledWith(used);
  });
});
