// Claims checker on 500-character listing / live-script texts, against a naive per-term baseline
// run in the same process (absolute times drift on shared machines; the ratio does not).
// Run: npx tsx bench/claims-checker.bench.ts
import {
  checkClaims,
  compileClaimRules,
  defaultClaimRuleSet,
  type CertificateKind,
  type ClaimRuleSet,
  type ClaimViolation,
} from '../src/server/modules/compliance/claims';
import { createClaimTextFolder, SEPARATOR_MARKER, significantSymbolsOf } from '../src/server/modules/compliance/claims/claim-text';

const TEXT_CHARS = 500;
const TEXT_COUNT = 40;
const WARMUP_CALLS = 2_000;
const CHECKER_CALLS = 40_000;
const NAIVE_CALLS = 2_000;

const CLEAN_FRAGMENTS = [
  '家人们晚上好，欢迎来到田头直播间！',
  '今天给大家带来的是我们村合作社自己种的高山云雾茶，',
  '海拔一千二百米，常年云雾缭绕，昼夜温差大。',
  '这是最近刚采的第一批春茶，清明前一芽一叶手工采摘，',
  '当天杀青、揉捻、烘干，第一时间给大家发货。',
  '开封后最好冷藏保存，最佳赏味期十二个月。',
  '冲泡的时候用八十五度的水，第一泡可以快一点出汤。',
  '我们施的是有机肥，土壤有机质含量高，茶汤回甘明显。',
  '每人最多拍三单，最快明天从村里的收货点发出。',
  '有机会的话欢迎大家来我们村看看茶园。',
  '栀子花茶也上新了，花朵完整，香气清雅，适合泡水喝。',
  '赣南脐橙今年雨水足，果肉多汁，酸甜适口，',
  '5斤装一箱，坏果包赔，拍下后四十八小时内发货。',
  'Fresh spring tea from our village co-op, picked by hand. ',
  'For best results, brew at 85°C for two minutes. ',
  'Best before: 12 months after the production date. ',
  '曾经是国家级贫困县，现在靠茶叶和脐橙脱了贫。',
  '支持七天无理由退换，收到货有任何问题找客服。',
  '点点关注不迷路，主播每天晚上八点准时开播。',
  '下单备注家乡，送一小包试喝装。',
  '施肥和病虫害防治都按合作社的标准来做。',
];

const CLAIM_FRAGMENTS = [
  '这是全网最低价，史上最好喝的红茶！',
  '我们的茶是有机茶，国家地理标志产品，',
  '喝了能降血压、降血糖，还能抗癌防癌。',
  '绝对正宗，100%纯天然，顶级品质。',
  '栀子花茶清热解毒，减肥瘦身效果好。',
  'No.1 organic tea, the best in China! ',
  'It cures insomnia and lowers blood pressure. ',
  '最 好 的 茶 就 在 这 里，',
  '頂級極品烏龍，第一名的口感。',
  '有*机*认*证，绿色食品，放心喝。',
  'ＢＥＳＴ ｔｅａ，ｎｏ．１ ｑｕａｌｉｔｙ。',
  '最😀好的脐橙，唯一产地直供。',
  '国家级非遗工艺，世界级口感，极致体验。',
  '已取得SC认证和承诺达标合格证。',
];

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('empty list');
  return item;
}

function buildText(random: () => number, claimShare: number): string {
  let text = '';
  while (text.length < TEXT_CHARS) {
    text += random() < claimShare ? pick(random, CLAIM_FRAGMENTS) : pick(random, CLEAN_FRAGMENTS);
  }
  let cut = TEXT_CHARS;
  // never leave half of a surrogate pair at the end
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return text.slice(0, cut).padEnd(TEXT_CHARS, '。');
}

// --- naive baseline: fold the text, then one regular expression per term, built on every call ---

const WORD_CHARS = 'a-z0-9\\u00c0-\\u024f';
const WORD_CHAR = /^[a-z0-9\u00c0-\u024f]$/;
const REGEXP_SPECIAL = /[\\^$.*+?()[\]{}|/-]/;

function naivePattern(key: string): string {
  const chars = [...key];
  const body = chars.map((ch) => (REGEXP_SPECIAL.test(ch) ? `\\${ch}` : ch)).join(`${SEPARATOR_MARKER}?`);
  const lead = WORD_CHAR.test(chars[0] ?? '') ? `(?<![${WORD_CHARS}])` : '';
  const trail = WORD_CHAR.test(chars.at(-1) ?? '') ? `(?![${WORD_CHARS}])` : '';
  return `${lead}${body}${trail}`;
}

interface NaiveHit {
  ruleIndex: number;
  start: number;
  end: number;
}

function naiveCheck(
  text: string,
  ruleSet: ClaimRuleSet,
  held: ReadonlySet<CertificateKind>,
  significantSymbols: readonly string[],
): NaiveHit[] {
  // the baseline shares the fold tables, so it measures matching strategy, not normalisation
  const folder = createClaimTextFolder({ significantSymbols });
  const folded = folder.fold(text);
  const hits: NaiveHit[] = [];
  const exceptions: { start: number; end: number }[] = [];
  const find = (phrase: string, onHit: (start: number, end: number) => void): void => {
    const pattern = new RegExp(naivePattern(folder.foldTerm(phrase)), 'g');
    for (let m = pattern.exec(folded.text); m !== null; m = pattern.exec(folded.text)) {
      onHit(folded.starts[m.index] ?? 0, folded.ends[m.index + m[0].length - 1] ?? text.length);
      pattern.lastIndex = m.index + 1;
    }
  };
  ruleSet.rules.forEach((rule, ruleIndex) => {
    for (const term of rule.terms) find(term, (start, end) => hits.push({ ruleIndex, start, end }));
    for (const exception of rule.exceptions ?? []) find(exception, (start, end) => exceptions.push({ start, end }));
  });
  const claims = hits.filter((hit) => {
    const rule = ruleSet.rules[hit.ruleIndex];
    if (rule?.certificateKind !== undefined && held.has(rule.certificateKind)) return false;
    return !exceptions.some((e) => e.start <= hit.start && hit.end <= e.end);
  });
  claims.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: NaiveHit[] = [];
  for (const claim of claims) {
    if (kept.every((k) => claim.end <= k.start || k.end <= claim.start)) kept.push(claim);
  }
  return kept.sort((a, b) => a.start - b.start);
}

// --- measurement ---

function measure(label: string, calls: number, texts: readonly string[], run: (text: string) => number): number[] {
  const samples: number[] = new Array<number>(calls);
  let sink = 0;
  for (let i = 0; i < calls; i += 1) {
    const text = texts[i % texts.length] ?? '';
    const begin = performance.now();
    sink += run(text);
    samples[i] = (performance.now() - begin) * 1000;
    if ((i + 1) % Math.ceil(calls / 4) === 0) console.log(`  ${label}: ${i + 1}/${calls} calls`);
  }
  if (sink < 0) console.log('unreachable');
  return samples;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

function main(): void {
  const random = mulberry32(20220518);
  const texts = Array.from({ length: TEXT_COUNT }, (_, i) => buildText(random, i % 4 === 0 ? 0 : i % 4 === 1 ? 0.1 : 0.3));
  const held = new Set<CertificateKind>(['sc_licence']);
  console.log(`claims checker bench: ${texts.length} texts of ${TEXT_CHARS} chars (a quarter with no claims)`);

  const compileBegin = performance.now();
  const compiled = compileClaimRules(defaultClaimRuleSet);
  const compileMs = performance.now() - compileBegin;
  console.log(`compiled ${compiled.ruleCount} rules into ${compiled.patternCount} patterns in ${compileMs.toFixed(1)} ms`);

  const checker = (text: string): number => checkClaims(text, compiled, { certificateKinds: held }).length;
  const symbols = defaultClaimRuleSet.rules.flatMap((rule) =>
    [...rule.terms, ...(rule.exceptions ?? [])].flatMap(significantSymbolsOf),
  );
  const naive = (text: string): number => naiveCheck(text, defaultClaimRuleSet, held, symbols).length;

  let agree = true;
  let violations = 0;
  for (const text of texts) {
    const fast: ClaimViolation[] = checkClaims(text, compiled, { certificateKinds: held });
    const slow = naiveCheck(text, defaultClaimRuleSet, held, symbols);
    violations += fast.length;
    const same = fast.length === slow.length && fast.every((v, i) => v.start === slow[i]?.start && v.end === slow[i]?.end);
    if (!same) {
      agree = false;
      console.log(`  baseline disagrees on a text: checker ${fast.length}, naive ${slow.length}`);
    }
  }
  console.log(`violations per text: ${(violations / texts.length).toFixed(1)} (checker and naive agree: ${agree})`);

  console.log('warming up');
  measure('warm-up checker', WARMUP_CALLS, texts, checker);
  measure('warm-up naive', Math.ceil(WARMUP_CALLS / 10), texts, naive);

  console.log('measuring compiled checker');
  const checkerSamples = measure('checker', CHECKER_CALLS, texts, checker);
  console.log('measuring naive baseline');
  const naiveSamples = measure('naive', NAIVE_CALLS, texts, naive);

  const checkerMean = mean(checkerSamples);
  const naiveMean = mean(naiveSamples);
  console.log(
    `checker: mean ${checkerMean.toFixed(1)} µs, p99 ${percentile(checkerSamples, 99).toFixed(1)} µs; ` +
      `naive: mean ${naiveMean.toFixed(1)} µs, p99 ${percentile(naiveSamples, 99).toFixed(1)} µs`,
  );
  const result = {
    checker_us_mean: round(checkerMean),
    checker_us_p50: round(percentile(checkerSamples, 50)),
    checker_us_p99: round(percentile(checkerSamples, 99)),
    naive_us_mean: round(naiveMean),
    naive_us_p99: round(percentile(naiveSamples, 99)),
    speedup: round(naiveMean / checkerMean, 1),
    text_chars: TEXT_CHARS,
    texts: texts.length,
    checker_calls: CHECKER_CALLS,
    naive_calls: NAIVE_CALLS,
    violations_per_text: round(violations / texts.length, 1),
    results_agree: agree,
    compile_ms: round(compileMs, 1),
    patterns: compiled.patternCount,
  };
  console.log(`RESULT ${JSON.stringify(result)}`);
}

main();
