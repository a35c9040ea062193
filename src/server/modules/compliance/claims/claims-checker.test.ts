import { describe, expect, it } from 'vitest';
import {
  checkClaims,
  compileClaimRules,
  defaultClaimRuleSet,
  InvalidClaimRuleSetError,
  maskClaims,
  suggestRewrite,
  validateClaimRuleSet,
  type CertificateKind,
  type ClaimRule,
  type ClaimRuleSet,
} from './index';

const compiled = compileClaimRules(defaultClaimRuleSet);
const noCertificates: ReadonlySet<CertificateKind> = new Set();

const check = (text: string, held: readonly CertificateKind[] = []) =>
  checkClaims(text, compiled, { certificateKinds: new Set(held) });

const ruleIdsOf = (text: string, held: readonly CertificateKind[] = []) => check(text, held).map((v) => v.ruleId);

const SUPERLATIVE = 'absolute.superlative';
const PRICE = 'absolute.price';
const RANK = 'absolute.rank';
const GRADE = 'absolute.grade';
const CERTAINTY = 'absolute.certainty';
const TREATMENT = 'medical.treatment';
const DISEASE = 'medical.disease';
const WEIGHT = 'medical.weight-loss';
const ORGANIC = 'certified.organic';
const GREEN = 'certified.green-food';
const GEO = 'certified.geo-indication';
const SC = 'certified.sc-licence';
const COMPLIANCE = 'certified.compliance-cert';

interface PhraseCase {
  name: string;
  text: string;
  rules: string[];
  held: CertificateKind[];
}

const flagged = (text: string, ...rules: string[]): PhraseCase => ({
  name: `${JSON.stringify(text)} → ${rules.join(' + ')}`,
  text,
  rules,
  held: [],
});

const clean = (text: string, why: string): PhraseCase => ({
  name: `${JSON.stringify(text)} is clean (${why})`,
  text,
  rules: [],
  held: [],
});

const withCertificates = (held: CertificateKind[], text: string, ...rules: string[]): PhraseCase => ({
  name: `${JSON.stringify(text)} holding [${held.join(', ')}] → ${rules.length > 0 ? rules.join(' + ') : 'clean'}`,
  text,
  rules,
  held,
});

const absoluteCases: PhraseCase[] = [
  flagged('这是最好的红茶', SUPERLATIVE),
  flagged('口感最佳', SUPERLATIVE),
  flagged('品质最优', SUPERLATIVE),
  flagged('全村最强的茶', SUPERLATIVE),
  flagged('最甜的脐橙', SUPERLATIVE),
  flagged('史上最好喝', SUPERLATIVE),
  flagged('最受欢迎的栀子花茶', SUPERLATIVE),
  flagged('最新鲜的橙子', SUPERLATIVE),
  flagged('我们的茶最正宗', SUPERLATIVE),
  flagged('海拔最高的茶园', SUPERLATIVE),
  flagged('The best tea in Hubei', SUPERLATIVE),
  flagged('BEST tea', SUPERLATIVE),
  flagged('finest gardenia tea', SUPERLATIVE),
  flagged('our bestseller', SUPERLATIVE),
  flagged('这款是bestseller', SUPERLATIVE),
  flagged('Best-selling oranges', SUPERLATIVE),
  flagged('the tastiest honey', SUPERLATIVE),
  flagged('全网最低价', PRICE),
  flagged('史上最低价，手慢无', PRICE),
  flagged('价格最低', PRICE),
  flagged('全网最便宜', PRICE),
  flagged('lowest price ever', PRICE),
  flagged('cheapest oranges', PRICE),
  flagged('销量第一', RANK),
  flagged('全国第一名', RANK),
  flagged('排名第1', RANK),
  flagged('唯一指定产地', RANK),
  flagged('首家有机茶园', RANK, ORGANIC),
  flagged('送礼首选', RANK),
  flagged('销量冠军', RANK),
  flagged('No.1 tea', RANK),
  flagged('no 1 quality', RANK),
  flagged('NO1 brand', RANK),
  flagged('#1 seller on the platform', RANK),
  flagged('the number one orange', RANK),
  flagged('the only farm that grows it', RANK),
  flagged('国家级品质', GRADE),
  flagged('世界级口感', GRADE),
  flagged('顶级大红袍', GRADE),
  flagged('极品铁观音', GRADE),
  flagged('极致口感', GRADE),
  flagged('至尊礼盒', GRADE),
  flagged('top-grade tea', GRADE),
  flagged('top grade tea', GRADE),
  flagged('world class oranges', GRADE),
  flagged('100%纯天然', CERTAINTY),
  flagged('百分百手工', CERTAINTY),
  flagged('百分之百原产地', CERTAINTY),
  flagged('绝对好喝', CERTAINTY),
  flagged('万能茶', CERTAINTY),
  flagged('史无前例的优惠', CERTAINTY),
  flagged('100% pure honey', CERTAINTY),
];

const medicalCases: PhraseCase[] = [
  flagged('能治疗失眠', TREATMENT),
  flagged('治愈胃病', TREATMENT),
  flagged('根治老胃病', TREATMENT),
  flagged('包治百病', TREATMENT),
  flagged('药到病除', TREATMENT),
  flagged('纯天然无副作用', TREATMENT),
  flagged('疗效显著', TREATMENT),
  flagged('抗癌防癌', DISEASE, DISEASE),
  flagged('喝了降血压', DISEASE),
  flagged('降血糖降血脂', DISEASE, DISEASE),
  flagged('降三高', DISEASE),
  flagged('消炎止痛', DISEASE),
  flagged('栀子花茶清热解毒', DISEASE),
  flagged('清肝明目的菊花茶', DISEASE),
  flagged('补肾壮阳', DISEASE),
  flagged('增强免疫力', DISEASE),
  flagged('小米养胃', DISEASE),
  flagged('润肠通便', DISEASE),
  flagged('预防疾病', DISEASE),
  flagged('It cures insomnia', TREATMENT),
  flagged('cure-all tea', TREATMENT),
  flagged('a miracle cure for coughs', TREATMENT),
  flagged('this tea is anti-cancer', DISEASE),
  flagged('Anticancer herbs', DISEASE),
  flagged('lowers blood pressure naturally', DISEASE),
  flagged('Treats diabetes', DISEASE),
  flagged('boosts immunity', DISEASE),
  flagged('减肥茶', WEIGHT),
  flagged('瘦身必备', WEIGHT),
  flagged('刮油解腻', WEIGHT),
  flagged('排毒养颜', WEIGHT),
  flagged('detox tea', WEIGHT),
  flagged('helps you lose weight', WEIGHT),
  flagged('weight-loss tea', WEIGHT),
];

const certifiedCases: PhraseCase[] = [
  flagged('有机大米', ORGANIC),
  flagged('有机绿茶', ORGANIC),
  flagged('organic oranges', ORGANIC),
  flagged('Certified Organic tea', ORGANIC),
  flagged('organically grown', ORGANIC),
  flagged('绿色食品认证', GREEN),
  flagged('green food', GREEN),
  flagged('国家地理标志产品', GEO),
  flagged('地标产品', GEO),
  flagged('geographical indication product', GEO),
  flagged('有SC认证', SC),
  flagged('食品生产许可证齐全', SC),
  flagged('附承诺达标合格证', COMPLIANCE),
  flagged('每箱都有合格证', COMPLIANCE),
  withCertificates(['organic'], '有机大米'),
  withCertificates(['green_food'], '有机大米', ORGANIC),
  withCertificates(['organic'], 'organic oranges'),
  withCertificates(['organic'], '有機茶'),
  withCertificates(['green_food'], '绿色食品'),
  withCertificates(['geo_indication'], '国家地理标志产品'),
  withCertificates(['sc_licence'], '有SC认证'),
  withCertificates(['compliance_cert'], '附承诺达标合格证'),
  withCertificates(['organic'], '最好的有机茶', SUPERLATIVE),
  withCertificates(['organic', 'green_food', 'geo_indication'], '有机绿色食品，地理标志产品'),
  withCertificates(['organic', 'green_food', 'geo_indication', 'sc_licence', 'compliance_cert'], '有机茶，能抗癌', DISEASE),
];

const evasionCases: PhraseCase[] = [
  flagged('最 好', SUPERLATIVE),
  flagged('最*好', SUPERLATIVE),
  flagged('最😀好', SUPERLATIVE),
  flagged('最\u200b好', SUPERLATIVE),
  flagged('最，好', SUPERLATIVE),
  flagged('最～好', SUPERLATIVE),
  flagged('ｂｅｓｔ', SUPERLATIVE),
  flagged('ＢＥＳＴ\u3000ｑｕａｌｉｔｙ', SUPERLATIVE),
  flagged('b e s t', SUPERLATIVE),
  flagged('B.E.S.T', SUPERLATIVE),
  flagged('bEsT tea', SUPERLATIVE),
  flagged('b\u0435st tea (Cyrillic e)', SUPERLATIVE),
  flagged('b\u0336e\u0336s\u0336t\u0336 tea', SUPERLATIVE),
  flagged('頂級', GRADE),
  flagged('極品烏龍', GRADE),
  flagged('國家級', GRADE),
  flagged('有 機', ORGANIC),
  flagged('有機茶', ORGANIC),
  flagged('O R G A N I C', ORGANIC),
  flagged('N o . 1', RANK),
  flagged('Ｎｏ．１', RANK),
  flagged('＃１', RANK),
  flagged('第 一 名', RANK),
  flagged('１００％純天然', CERTAINTY),
  flagged('100 %', CERTAINTY),
  flagged('絕對', CERTAINTY),
  flagged('降 血 压', DISEASE),
  flagged('降血壓', DISEASE),
  flagged('減肥', WEIGHT),
  flagged('治😊疗', TREATMENT),
  flagged('全 网 最 低 价', PRICE),
  flagged('c-u-r-e-s cancer', TREATMENT),
];

const everydayCases: PhraseCase[] = [
  clean('最近刚采的第一批春茶', 'recent, first batch'),
  clean('活动最后一天', 'last day'),
  clean('最初是爷爷种下的茶树', 'at first'),
  clean('每人最多拍三单', 'quantity limit'),
  clean('最少买两斤', 'minimum quantity'),
  clean('最快明天发货', 'shipping estimate'),
  clean('最迟48小时发货', 'shipping deadline'),
  clean('最新一批到货了', 'newest batch'),
  clean('开封后最好冷藏', 'storage advice'),
  clean('最好在三天内吃完', 'storage advice'),
  clean('最佳赏味期12个月', 'label wording'),
  clean('现在是最佳采摘期', 'harvest timing'),
  clean('今天最高气温28度', 'weather'),
  clean('我最喜欢喝这个茶', 'personal taste'),
  clean('最爱这口甜', 'personal taste'),
  clean('第一次直播，大家多多关照', 'first time'),
  clean('新品第一天上架', 'first day'),
  clean('第一时间发货', 'immediately'),
  clean('第一茬头采', 'first picking'),
  clean('第一泡洗茶', 'first infusion'),
  clean('第一个下单的送茶杯', 'first buyer'),
  clean('我们村第一书记来带货', 'official title'),
  clean('第一印象很好', 'first impression'),
  clean('施用有机肥种植', 'organic fertiliser'),
  clean('全部用有机肥料', 'organic fertiliser'),
  clean('土壤有机质丰富', 'soil organic matter'),
  clean('富含有机酸', 'organic acids'),
  clean('恩施富含有机硒', 'organic selenium'),
  clean('大家有机会来村里玩', '有 + 机会'),
  clean('没有机会买到的快下单', '有 + 机会'),
  clean('我们有机器分拣', '有 + 机器'),
  clean('有机构检测过', '有 + 机构'),
  clean('附近有机场', '有 + 机场'),
  clean('曾是国家级贫困县', 'former poverty designation'),
  clean('特级龙井', 'real tea grade'),
  clean('一级红茶', 'real tea grade'),
  clean('病虫害防治按标准执行', 'pest control'),
  clean('服用降压药者请先咨询医生', 'medicine named in a warning'),
  clean('减肥期间也可以放心吃', 'eating while dieting'),
  clean('巴氏杀菌', 'pasteurised'),
  clean('合格证明文件齐全', 'a different document'),
  clean('绿色健康', 'no certification named'),
  clean('城市地标建筑', 'landmark, not GI'),
  clean('5斤装脐橙，坏果包赔', '包赔 is not 包治'),
  clean('首先感谢大家', '首先 is not 首个'),
  clean('原价100元', 'plain number'),
  clean('含量100克', 'plain number'),
  clean('高山云雾茶，回甘明显', 'plain description'),
  clean('纯天然，无添加', 'plain description'),
  clean('bestow', 'best inside a word'),
  clean('best before 2025-06-01', 'date label'),
  clean('Best before: see package', 'date label'),
  clean('For best results, brew at 85°C', 'brewing advice'),
  clean('Best served chilled', 'serving advice'),
  clean('We do our best to ship fast', 'effort, not comparison'),
  clean('Best wishes from our village', 'greeting'),
  clean('cured ham', 'food process'),
  clean('dry-cured bacon', 'food process'),
  clean('sun-cured tea leaves', 'tea process'),
  clean('secure packaging', 'cure inside a word'),
  clean('procured from local farms', 'cured inside a word'),
  clean('organic fertilizer only', 'fertiliser'),
  clean('rich in organic matter', 'soil'),
  clean('we are not the only farm here', 'negated'),
  clean('a sweet treat for kids', 'treat alone is fine'),
  clean('Top 10 tips for brewing', 'top 10 is not top 1'),
  clean('piano 1 lesson', 'no 1 inside a word'),
  clean('Fresh tea, picked by hand', 'plain description'),
  clean('', 'empty'),
  clean('😀😀😀', 'only emoji'),
  clean('   \n\t ', 'only whitespace'),
  clean('💯好评', 'emoji is not a default term'),
];

const allCases = [...absoluteCases, ...medicalCases, ...certifiedCases, ...evasionCases, ...everydayCases];

describe('checkClaims phrase table', () => {
  it('covers at least 150 phrases', () => {
    expect(allCases.length).toBeGreaterThanOrEqual(150);
    expect(new Set(allCases.map((c) => c.name)).size).toBe(allCases.length);
  });

  describe.each([
    ['absolute terms', absoluteCases],
    ['medical claims', medicalCases],
    ['certified claims', certifiedCases],
    ['evasions', evasionCases],
    ['everyday wording', everydayCases],
  ] as const)('%s', (_group, cases) => {
    it.each(cases)('$name', ({ text, rules, held }) => {
      expect(ruleIdsOf(text, held)).toEqual(rules);
    });
  });
});

describe('checkClaims spans', () => {
  it('maps a match with a separator inside back to the original indexes', () => {
    const text = '家人们，这是最 好的茶';
    const [violation] = check(text);
    expect(violation).toMatchObject({ ruleId: SUPERLATIVE, kind: 'absolute', start: 6, end: 9, text: '最 好' });
  });

  it('counts UTF-16 units, so emoji before a match shift it by two', () => {
    const text = '🍊🍊最好的脐橙';
    const [violation] = check(text);
    expect(violation).toMatchObject({ start: 4, end: 6, text: '最好' });
  });

  it('spans an emoji inside the term', () => {
    expect(check('来点最😀好的')).toMatchObject([{ start: 2, end: 6, text: '最😀好' }]);
  });

  it('reports traditional characters as written', () => {
    expect(check('我们的有機茶')).toMatchObject([
      { ruleId: ORGANIC, kind: 'certified', certificateKind: 'organic', start: 3, end: 5, text: '有機' },
    ]);
  });

  it('reports full-width English as written', () => {
    expect(check('Our ＢＥＳＴ tea')).toMatchObject([{ start: 4, end: 8, text: 'ＢＥＳＴ' }]);
  });

  it('covers every letter of a spaced-out term', () => {
    expect(check('N o . 1')).toMatchObject([{ ruleId: RANK, start: 0, end: 7, text: 'N o . 1' }]);
  });

  it('reports several claims in order, without overlaps', () => {
    const violations = check('全网最低价，最好的茶，100%有机');
    expect(violations.map(({ ruleId, start, end, text }) => ({ ruleId, start, end, text }))).toEqual([
      { ruleId: PRICE, start: 0, end: 5, text: '全网最低价' },
      { ruleId: SUPERLATIVE, start: 6, end: 8, text: '最好' },
      { ruleId: CERTAINTY, start: 11, end: 15, text: '100%' },
      { ruleId: ORGANIC, start: 15, end: 17, text: '有机' },
    ]);
  });

  it('keeps only the longest of overlapping matches', () => {
    expect(check('史上最低价')).toMatchObject([{ ruleId: PRICE, start: 0, end: 5 }]);
    expect(check('国家地理标志产品')).toMatchObject([{ ruleId: GEO, start: 0, end: 8 }]);
    expect(check('100% pure honey')).toMatchObject([{ ruleId: CERTAINTY, start: 0, end: 9, text: '100% pure' }]);
  });

  it('finds a claim right next to an everyday phrase', () => {
    expect(check('最近最好的一批')).toMatchObject([{ ruleId: SUPERLATIVE, start: 2, end: 4 }]);
    expect(check('有机肥种的有机茶')).toMatchObject([{ ruleId: ORGANIC, start: 5, end: 7 }]);
  });

  it('carries reason, suggestion and replacement in both languages', () => {
    const [violation] = check('这是最好的茶');
    expect(violation?.reason.zh).toContain('广告法');
    expect(violation?.reason.en).toContain('Advertising Law');
    expect(violation?.suggestion.zh).not.toBe('');
    expect(violation?.replacement).toBe('很好');
    expect(check('能降血压')[0]?.replacement).toBeUndefined();
    expect(check('能降血压')[0]?.certificateKind).toBeUndefined();
  });

  it('gives the same answer for the same input whatever was checked before', () => {
    const text = '最好的有机茶，能降血压';
    const first = checkClaims(text, compiled, { certificateKinds: noCertificates });
    check('有机大米', ['organic']);
    check('完全不同的一段话 best');
    expect(checkClaims(text, compiled, { certificateKinds: noCertificates })).toEqual(first);
  });

  it('returns consistent, ordered, disjoint spans on arbitrary input', () => {
    // deterministic pseudo-random texts mixing terms, separators, emoji, marks and lone surrogates
    const alphabet = [
      '最', '好', '有', '机', '機', '第', '一', '批', 'b', 'E', 's', 't', 'o', 'N', '1', '0', '%', '#',
      ' ', '.', '，', '\u200b', '\u0336', '😀', '🍊', '\ud800', '\udc00', 'ｂ', '１', '治', '疗', '降', '血', '压',
    ];
    let seed = 42;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 300; round += 1) {
      let text = '';
      const length = Math.floor(next() * 40);
      for (let i = 0; i < length; i += 1) text += alphabet[Math.floor(next() * alphabet.length)];
      const violations = check(text);
      let reached = 0;
      for (const v of violations) {
        expect(v.start).toBeGreaterThanOrEqual(reached);
        expect(v.end).toBeGreaterThan(v.start);
        expect(v.end).toBeLessThanOrEqual(text.length);
        expect(v.text).toBe(text.slice(v.start, v.end));
        reached = v.end;
      }
    }
  });

  it('handles long texts', () => {
    const text = '高山云雾茶，回甘明显。'.repeat(2000) + '最好';
    expect(check(text)).toMatchObject([{ start: text.length - 2, end: text.length }]);
  });
});

describe('maskClaims', () => {
  it('masks each character of a claim', () => {
    const text = '这是最好的茶';
    expect(maskClaims(text, check(text))).toBe('这是**的茶');
  });

  it('masks separators and emoji inside an evasion, one mask per character', () => {
    const text = '来点最😀好的';
    expect(maskClaims(text, check(text))).toBe('来点***的');
  });

  it('takes a custom mask', () => {
    const text = '能降血压，100%有效';
    expect(maskClaims(text, check(text), '□')).toBe('能□□□，□□□□有效');
  });

  it('leaves clean text untouched', () => {
    expect(maskClaims('第一批春茶', check('第一批春茶'))).toBe('第一批春茶');
  });
});

describe('suggestRewrite', () => {
  const rewrite = (text: string, held: readonly CertificateKind[] = []) => suggestRewrite(text, check(text, held));

  it('softens superlatives', () => {
    expect(rewrite('这是最好的茶')).toBe('这是很好的茶');
    expect(rewrite('最甜的脐橙')).toBe('很甜的脐橙');
    expect(rewrite('口感最佳')).toBe('口感优质');
  });

  it('deletes certainty words and uncertified claims', () => {
    expect(rewrite('100%纯天然有机大米')).toBe('纯天然大米');
    expect(rewrite('绝对好喝')).toBe('好喝');
  });

  it('replaces price and certification claims with plain words', () => {
    expect(rewrite('全网最低价！')).toBe('优惠价！');
    expect(rewrite('国家地理标志产品')).toBe('原产地产品');
    expect(rewrite('这是绿色食品')).toBe('这是农产品');
  });

  it('keeps English readable', () => {
    expect(rewrite('Best tea, 100% pure')).toBe('Great tea, pure');
    expect(rewrite('Buy organic tea')).toBe('Buy tea');
  });

  it('leaves medical claims for a person to rewrite', () => {
    expect(rewrite('喝了能降血压')).toBe('喝了能降血压');
  });

  it('keeps claims the seller is certified for', () => {
    expect(rewrite('最好的有机茶', ['organic'])).toBe('很好的有机茶');
  });

  it('leaves only claims without a replacement', () => {
    const text = '全网最低价，最好的有机茶，顶级品质，能降血压，销量第一';
    const rewritten = rewrite(text);
    expect(check(rewritten).every((v) => v.replacement === undefined)).toBe(true);
    expect(ruleIdsOf(rewritten)).toEqual([DISEASE, RANK]);
  });
});

describe('compileClaimRules', () => {
  const cloneDefault = (): ClaimRuleSet => JSON.parse(JSON.stringify(defaultClaimRuleSet)) as ClaimRuleSet;
  const rule = (overrides: Partial<ClaimRule>): ClaimRule => ({
    id: 'custom.rule',
    kind: 'absolute',
    terms: ['神仙茶'],
    reason: { zh: '测试原因', en: 'test reason' },
    suggestion: { zh: '测试建议', en: 'test suggestion' },
    ...overrides,
  });

  it('compiles the default rule set after a JSON round trip', () => {
    const fromJson = compileClaimRules(cloneDefault());
    const text = '最好的有机茶，能降血压，No.1';
    expect(checkClaims(text, fromJson, { certificateKinds: noCertificates })).toEqual(check(text));
  });

  it('picks up a rule an admin adds', () => {
    const ruleSet = cloneDefault();
    ruleSet.version = 2;
    ruleSet.rules.push(rule({ exceptions: ['神仙茶馆'], replacement: '好茶' }));
    const custom = compileClaimRules(ruleSet);
    expect(custom.version).toBe(2);
    const options = { certificateKinds: noCertificates };
    expect(checkClaims('喝了像神 仙 茶', custom, options)).toMatchObject([{ ruleId: 'custom.rule', text: '神 仙 茶' }]);
    expect(checkClaims('村口的神仙茶馆', custom, options)).toEqual([]);
    expect(suggestRewrite('这是神仙茶', checkClaims('这是神仙茶', custom, options))).toBe('这是好茶');
    expect(check('喝了像神仙茶')).toEqual([]);
  });

  it('picks up a term an admin adds to an existing rule', () => {
    const ruleSet = cloneDefault();
    ruleSet.rules.find((r) => r.id === RANK)?.terms.push('天花板');
    const custom = compileClaimRules(ruleSet);
    expect(checkClaims('橙子界的天花板', custom, { certificateKinds: noCertificates })).toMatchObject([
      { ruleId: RANK, text: '天花板' },
    ]);
  });

  it('matches a symbol an admin puts in a term literally', () => {
    const custom = compileClaimRules({ version: 1, rules: [rule({ terms: ['💯'] })] });
    const options = { certificateKinds: noCertificates };
    expect(checkClaims('💯好茶', custom, options)).toMatchObject([{ start: 0, end: 2, text: '💯' }]);
    expect(checkClaims('好茶😀', custom, options)).toEqual([]);
  });

  it('accepts an empty rule set, which finds nothing', () => {
    const empty = compileClaimRules({ version: 0, rules: [] });
    expect(checkClaims('最好的有机茶', empty, { certificateKinds: noCertificates })).toEqual([]);
  });

  it('lets a certified rule use any certificate kind', () => {
    const custom = compileClaimRules({
      version: 1,
      rules: [rule({ kind: 'certified', certificateKind: 'geo_indication', terms: ['恩施玉露'] })],
    });
    expect(checkClaims('正宗恩施玉露', custom, { certificateKinds: noCertificates })).toHaveLength(1);
    expect(checkClaims('正宗恩施玉露', custom, { certificateKinds: new Set(['geo_indication']) })).toEqual([]);
  });

  const invalid: [string, unknown, string][] = [
    ['a non-object', 'rules', 'must be an object'],
    ['missing rules', { version: 1 }, 'rules must be an array'],
    ['a fractional version', { version: 1.5, rules: [] }, 'version must be an integer'],
    ['duplicate ids', { version: 1, rules: [rule({}), rule({ terms: ['仙丹'] })] }, 'used twice'],
    ['an unknown kind', { version: 1, rules: [rule({ kind: 'vague' as never })] }, 'unknown kind'],
    ['empty terms', { version: 1, rules: [rule({ terms: [] })] }, 'terms must be'],
    ['a blank term', { version: 1, rules: [rule({ terms: ['  '] })] }, 'terms must be'],
    ['a certified rule without kind', { version: 1, rules: [rule({ kind: 'certified' })] }, 'certificateKind'],
    [
      'a certificate on a non-certified rule',
      { version: 1, rules: [rule({ certificateKind: 'organic' })] },
      'only certified rules',
    ],
    ['missing reason text', { version: 1, rules: [rule({ reason: { zh: '原因' } as never })] }, 'reason'],
    [
      'a replacement for an unknown term',
      { version: 1, rules: [rule({ termReplacements: { 仙丹: '' } })] },
      'not one of its terms',
    ],
    [
      'the same term in two rules',
      { version: 1, rules: [rule({}), rule({ id: 'other', terms: ['神 仙 茶'] })] },
      'already a term',
    ],
    ['an exception equal to a term', { version: 1, rules: [rule({ exceptions: ['神仙茶'] })] }, 'also a term'],
    ['a term of punctuation only', { version: 1, rules: [rule({ terms: ['。。'] })] }, 'has no letters'],
  ];

  it.each(invalid)('refuses %s', (_name, ruleSet, message) => {
    expect(() => compileClaimRules(ruleSet as ClaimRuleSet)).toThrow(InvalidClaimRuleSetError);
    expect(() => compileClaimRules(ruleSet as ClaimRuleSet)).toThrow(message);
  });

  it('lists every structural problem at once for an admin screen', () => {
    const problems = validateClaimRuleSet({
      version: 'one',
      rules: [rule({ id: '' }), rule({ kind: 'certified' })],
    });
    expect(problems.length).toBeGreaterThanOrEqual(3);
    expect(validateClaimRuleSet(defaultClaimRuleSet)).toEqual([]);
  });

  it('exposes a machine-readable error code', () => {
    try {
      compileClaimRules({ version: 1, rules: [rule({ terms: [] })] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidClaimRuleSetError);
      expect((error as InvalidClaimRuleSetError).code).toBe('INVALID_CLAIM_RULE_SET');
      expect((error as InvalidClaimRuleSetError).problems).toHaveLength(1);
    }
  });
});
