import { describe, expect, it } from 'vitest';
import { fenToYuanText, formatFen, formatFenRange, isYuanText, yuanToFen } from './money';

describe('prices in fen', () => {
  it('show as yuan without float artefacts', () => {
    expect(formatFen(16800)).toBe('¥168');
    expect(formatFen(4550)).toBe('¥45.50');
    expect(formatFen(29)).toBe('¥0.29');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFenRange([32800, 16800])).toBe('¥168–¥328');
    expect(formatFenRange([8800])).toBe('¥88');
  });

  it('come from what a seller types, two decimals at most', () => {
    expect(isYuanText('168')).toBe(true);
    expect(isYuanText('168.5')).toBe(true);
    expect(isYuanText(' 0.29 ')).toBe(true);
    expect(isYuanText('168.505')).toBe(false);
    expect(isYuanText('-1')).toBe(false);
    expect(isYuanText('1e3')).toBe(false);
    expect(isYuanText('')).toBe(false);
    // 0.29 * 100 is 28.999… in binary floating point; the wire must still say 29.
    expect(yuanToFen('0.29')).toBe(29);
    expect(yuanToFen('168.5')).toBe(16850);
    for (let fen = 0; fen < 100_000; fen += 7) expect(yuanToFen(fenToYuanText(fen))).toBe(fen);
  });
});
