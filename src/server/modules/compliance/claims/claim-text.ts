import type { DictGroup, DictLike } from 'opencc-js/core';
import * as openccT2cn from 'opencc-js/preset/t2cn';

/**
 * Every run of separators (spaces, punctuation, zero-width characters, emoji, other symbols)
 * becomes this one character in folded text, so a term pattern can allow it between its
 * characters ("最 好", "最*好", "最😀好") while English word boundaries stay visible.
 */
export const SEPARATOR_MARKER = ' ';

/** Folded text plus, for each of its UTF-16 units, the span of the original text it came from. */
export interface FoldedText {
  readonly text: string;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

export interface ClaimTextFolder {
  /** folds text for matching and keeps the way back to the original indexes */
  fold(text: string): FoldedText;
  /** folds a rule term: the characters a match must contain, separators dropped */
  foldTerm(term: string): string;
}

export interface ClaimTextFolderOptions {
  /**
   * Symbols that a rule term contains and that must therefore count as characters rather
   * than separators: "100%" must not match "100g", "#1" must not match "1".
   */
  readonly significantSymbols?: Iterable<string>;
}

const SEPARATOR_CLASS = /^[\p{White_Space}\p{P}\p{S}\p{C}\p{M}\p{Z}]$/u;
// punctuation is always seen through; only symbols (and the percent/number signs that
// Unicode files under punctuation) can carry meaning inside a term
const SIGNIFICANT_CAPABLE = /^[\p{S}%#‰]$/u;
const LATIN = /^\p{Script=Latin}$/u;
const MARKS = /\p{M}+/gu;

// Cyrillic and Greek look-alikes are a cheap way to write "bеst" past a filter
const CONFUSABLES: ReadonlyMap<string, string> = new Map([
  ['а', 'a'], ['в', 'b'], ['е', 'e'], ['ё', 'e'], ['к', 'k'], ['м', 'm'], ['н', 'h'], ['о', 'o'],
  ['р', 'p'], ['с', 'c'], ['т', 't'], ['у', 'y'], ['х', 'x'], ['і', 'i'], ['ї', 'i'], ['ј', 'j'],
  ['ѕ', 's'], ['ԁ', 'd'], ['һ', 'h'], ['ԛ', 'q'], ['ԝ', 'w'], ['ɡ', 'g'],
  ['α', 'a'], ['β', 'b'], ['ε', 'e'], ['ι', 'i'], ['κ', 'k'], ['ν', 'v'], ['ο', 'o'], ['ρ', 'p'],
  ['τ', 't'], ['υ', 'u'], ['χ', 'x'],
]);

function addSingleCharEntries(map: Map<string, string>, dict: DictLike): void {
  const pairs: Iterable<readonly [string, string]> =
    typeof dict === 'string'
      ? dict.split('|').map((entry) => {
          const [from = '', to = ''] = entry.split(' ');
          return [from, to] as const;
        })
      : dict;
  for (const [from, to] of pairs) {
    // phrase entries would need segmentation, which cannot keep a per-character index map
    if (from.length === 0 || to.length === 0) continue;
    if ([...from].length !== 1 || [...to].length !== 1) continue;
    if (!map.has(from)) map.set(from, to);
  }
}

function collect(groups: readonly DictGroup[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const group of groups) for (const dict of group) addSingleCharEntries(map, dict);
  return map;
}

function buildTraditionalToSimplified(): ReadonlyMap<string, string> {
  // regional variants (Taiwan, Hong Kong) first become OpenCC's standard traditional form,
  // which the TSCharacters dictionary then turns into simplified Chinese
  const variants = new Map<string, string>();
  for (const region of ['tw', 'hk']) {
    for (const [from, to] of collect(openccT2cn.from[region] ?? [])) {
      if (!variants.has(from)) variants.set(from, to);
    }
  }
  const toSimplified = collect(openccT2cn.to['cn'] ?? []);
  const result = new Map<string, string>();
  for (const [from, to] of variants) result.set(from, toSimplified.get(to) ?? to);
  for (const [from, to] of toSimplified) if (!result.has(from)) result.set(from, to);
  for (const [from, to] of result) if (from === to) result.delete(from);
  return result;
}

let traditionalToSimplified: ReadonlyMap<string, string> | undefined;

function t2s(ch: string): string {
  traditionalToSimplified ??= buildTraditionalToSimplified();
  return traditionalToSimplified.get(ch) ?? ch;
}

interface FoldedUnit {
  readonly cp: number;
  readonly separatorClass: boolean;
}

function foldCodePointSlow(cp: number): FoldedUnit[] {
  // NFKC per code point (not per string) so each output unit still knows its source;
  // it turns full-width forms, circled digits and compatibility ideographs into plain ones
  const nfkc = String.fromCodePoint(cp).normalize('NFKC').toLowerCase();
  const out: FoldedUnit[] = [];
  for (const raw of nfkc) {
    let ch = raw;
    if (LATIN.test(ch)) ch = ch.normalize('NFD').replace(MARKS, '') || ch;
    ch = CONFUSABLES.get(ch) ?? ch;
    ch = t2s(ch);
    for (const unit of ch) {
      out.push({ cp: unit.codePointAt(0) ?? 0, separatorClass: SEPARATOR_CLASS.test(unit) });
    }
  }
  return out;
}

// The fold of a code point never depends on the rule set, so one lazily filled table serves
// every compiled rule set: 0 = not computed yet, -1 = several units (see multiUnitFolds),
// otherwise (cp << 1 | separatorClass) + 1.
const bmpFolds = new Int32Array(0x10000);
const multiUnitFolds = new Map<number, FoldedUnit[]>();
const astralFolds = new Map<number, FoldedUnit[]>();
// chat can carry any code point; past this many distinct astral ones we stop remembering them
const ASTRAL_CACHE_LIMIT = 8192;

function lookupBmp(cp: number): number {
  let v = bmpFolds[cp] ?? 0;
  if (v !== 0) return v;
  const units = foldCodePointSlow(cp);
  const only = units[0];
  if (units.length === 1 && only !== undefined) {
    v = ((only.cp << 1) | (only.separatorClass ? 1 : 0)) + 1;
  } else {
    multiUnitFolds.set(cp, units);
    v = -1;
  }
  bmpFolds[cp] = v;
  return v;
}

function foldAstral(cp: number): FoldedUnit[] {
  let units = astralFolds.get(cp);
  if (units === undefined) {
    units = foldCodePointSlow(cp);
    if (astralFolds.size < ASTRAL_CACHE_LIMIT) astralFolds.set(cp, units);
  }
  return units;
}

/** Symbols in a term that should be matched literally rather than skipped. */
export function significantSymbolsOf(term: string): string[] {
  const found: string[] = [];
  for (const ch of term) {
    for (const unit of foldCodePointSlow(ch.codePointAt(0) ?? 0)) {
      const folded = String.fromCodePoint(unit.cp);
      if (unit.separatorClass && SIGNIFICANT_CAPABLE.test(folded)) found.push(folded);
    }
  }
  return found;
}

// decoding the unit buffer in one call is about three times faster than fromCharCode; it reads
// bytes, so it only applies where Uint16Array is little-endian (every platform Node ships for)
const utf16Decoder =
  new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? new TextDecoder('utf-16le') : undefined;

/** Growable output of one fold: UTF-16 units and, for each, its span in the original text. */
class FoldBuffer {
  units: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  length = 0;
  private lastWasMarker = false;

  constructor(
    capacity: number,
    private readonly significant: ReadonlySet<number>,
  ) {
    this.units = new Uint16Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.units.length) return;
    const capacity = Math.max(this.units.length * 2, this.length + extra);
    const units = new Uint16Array(capacity);
    const starts = new Int32Array(capacity);
    const ends = new Int32Array(capacity);
    units.set(this.units);
    starts.set(this.starts);
    ends.set(this.ends);
    this.units = units;
    this.starts = starts;
    this.ends = ends;
  }

  push(cp: number, separatorClass: boolean, start: number, end: number): void {
    if (separatorClass && !this.significant.has(cp)) {
      if (this.lastWasMarker) {
        this.ends[this.length - 1] = end;
        return;
      }
      this.lastWasMarker = true;
      this.append(0x20, start, end);
      return;
    }
    this.lastWasMarker = false;
    if (cp < 0x10000) {
      this.append(cp, start, end);
    } else {
      const v = cp - 0x10000;
      this.append(0xd800 + (v >> 10), start, end);
      this.append(0xdc00 + (v & 0x3ff), start, end);
    }
  }

  private append(unit: number, start: number, end: number): void {
    this.reserve(1);
    const at = this.length;
    this.units[at] = unit;
    this.starts[at] = start;
    this.ends[at] = end;
    this.length = at + 1;
  }

  build(): FoldedText {
    const units = this.units.subarray(0, this.length);
    let text = '';
    if (utf16Decoder !== undefined) {
      text = utf16Decoder.decode(units);
    } else {
      // fromCharCode takes its units as arguments, so long texts go through in slices
      for (let i = 0; i < units.length; i += 4096) {
        text += String.fromCharCode.apply(null, units.subarray(i, i + 4096) as unknown as number[]);
      }
    }
    return { text, starts: this.starts.subarray(0, this.length), ends: this.ends.subarray(0, this.length) };
  }
}

function foldInto(buffer: FoldBuffer, text: string): void {
  const length = text.length;
  let i = 0;
  while (i < length) {
    let cp = text.charCodeAt(i);
    let width = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        width = 2;
      }
    }
    const end = i + width;
    if (cp < 0x10000) {
      const v = lookupBmp(cp);
      if (v > 0) {
        buffer.push((v - 1) >> 1, ((v - 1) & 1) === 1, i, end);
      } else {
        for (const unit of multiUnitFolds.get(cp) ?? []) buffer.push(unit.cp, unit.separatorClass, i, end);
      }
    } else {
      for (const unit of foldAstral(cp)) buffer.push(unit.cp, unit.separatorClass, i, end);
    }
    i = end;
  }
}

export function createClaimTextFolder(options: ClaimTextFolderOptions = {}): ClaimTextFolder {
  const significant = new Set<number>();
  for (const symbol of options.significantSymbols ?? []) {
    for (const ch of symbol) significant.add(ch.codePointAt(0) ?? 0);
  }
  return {
    fold(text: string): FoldedText {
      const buffer = new FoldBuffer(text.length + 16, significant);
      foldInto(buffer, text);
      return buffer.build();
    },
    foldTerm(term: string): string {
      const buffer = new FoldBuffer(term.length + 16, significant);
      foldInto(buffer, term);
      return buffer.build().text.replaceAll(SEPARATOR_MARKER, '');
    },
  };
}
