/**
 * Prices travel as integer fen (分) and are only turned into yuan text for people. Everything
 * here stays in integers so ¥0.1 + ¥0.2 never shows up as ¥0.30000000000000004.
 */

/** `16800` → `¥168`, `4550` → `¥45.50`. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  return `${sign}¥${yuan}${cents ? `.${String(cents).padStart(2, '0')}` : ''}`;
}

/** `¥88` or `¥88–¥328` over a listing's SKUs. */
export function formatFenRange(prices: readonly number[]): string {
  if (prices.length === 0) return '';
  const min = Math.min(...prices);
  const max = Math.max(...prices);
  return min === max ? formatFen(min) : `${formatFen(min)}–${formatFen(max)}`;
}

/** What a seller may type as a price in yuan: digits with at most two decimals. */
const yuanPattern = /^\d{1,7}(\.\d{1,2})?$/;

export function isYuanText(text: string): boolean {
  return yuanPattern.test(text.trim());
}

/**
 * `'168.5'` → `16850`. Only call after `isYuanText`; the rounding removes the binary error of
 * the multiplication (0.29 * 100 = 28.999…), it never rounds a third decimal away.
 */
export function yuanToFen(text: string): number {
  return Math.round(Number(text.trim()) * 100);
}

/** `16850` → `'168.50'`, as a form input shows an existing price. */
export function fenToYuanText(fen: number): string {
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  return cents ? `${yuan}.${String(cents).padStart(2, '0')}` : String(yuan);
}
