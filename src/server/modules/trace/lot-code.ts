import { randomBytes } from 'node:crypto';
import { lotCodePattern } from '../../../contracts/trace';

/** Crockford's base32: no I, L, O or U, so a code read off a crumpled label is read right. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const codeRegex = new RegExp(lotCodePattern);

export const defaultLotCodePrefix = 'TT';

/**
 * `XY26-7K3M9Q`: series, two-digit harvest year, six random characters. 32⁶ ≈ 10⁹ codes per
 * series and year, so a collision is rare and the caller simply draws again.
 */
export function generateLotCode(prefix: string, harvestYear: number, random: (n: number) => Buffer = randomBytes): string {
  // 256 is a multiple of 32, so masking a byte keeps every character equally likely.
  const tail = [...random(6)].map((byte) => alphabet[byte & 31]).join('');
  return `${prefix}${String(harvestYear % 100).padStart(2, '0')}-${tail}`;
}

/**
 * What a person typed or a scanner read, as the stored code: full-width characters folded,
 * lower case raised, spaces and dashes of any kind dropped and the dash put back, and the
 * look-alikes Crockford allows read as digits (O → 0, I and L → 1). Undefined when it cannot be a code.
 */
export function normalizeLotCode(input: string): string | undefined {
  const compact = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐‑‒–—―－_.]/g, '');
  if (compact.length !== 10) return undefined;
  const series = compact.slice(0, 4);
  const tail = compact.slice(4).replace(/O/g, '0').replace(/[IL]/g, '1');
  const code = `${series}-${tail}`;
  return codeRegex.test(code) ? code : undefined;
}
