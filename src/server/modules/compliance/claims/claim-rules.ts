export type CertificateKind = 'organic' | 'green_food' | 'geo_indication' | 'sc_licence' | 'compliance_cert';

export type ClaimKind = 'absolute' | 'medical' | 'certified';

export const certificateKinds: readonly CertificateKind[] = [
  'organic',
  'green_food',
  'geo_indication',
  'sc_licence',
  'compliance_cert',
];

export const claimKinds: readonly ClaimKind[] = ['absolute', 'medical', 'certified'];

export interface LocalizedText {
  zh: string;
  en: string;
}

/**
 * One rule as plain JSON, so an admin can edit it and the database can keep its versions.
 *
 * Matching: text and terms are folded the same way (full-width → half-width, case, traditional →
 * simplified Chinese) and separators between a term's characters are skipped. A term whose first
 * (last) character is a Latin letter or digit only matches where the text has no Latin letter or
 * digit just before (after) it, so "best" does not match "bestow"; Chinese terms match anywhere.
 * An exception is an everyday phrase: a term occurrence lying wholly inside an exception
 * occurrence (of any rule) is ordinary wording, not a claim.
 */
export interface ClaimRule {
  id: string;
  kind: ClaimKind;
  terms: string[];
  exceptions?: string[];
  /** required for `certified` rules: the claim is allowed when the seller holds this kind */
  certificateKind?: CertificateKind;
  reason: LocalizedText;
  suggestion: LocalizedText;
  /** what an automatic rewrite puts in place of a match; '' deletes it; absent leaves it to a person */
  replacement?: string;
  /** per-term overrides of `replacement`, keyed by the term exactly as written in `terms` */
  termReplacements?: Record<string, string>;
}

export interface ClaimRuleSet {
  version: number;
  rules: ClaimRule[];
}

const ADVERTISING_LAW_ART_9: LocalizedText = {
  zh: '《广告法》第九条禁止使用“国家级”“最高级”“最佳”等绝对化用语',
  en: 'Advertising Law art. 9 forbids absolute terms such as "national-level", "highest grade" or "best"',
};

const NO_MEDICAL_CLAIMS: LocalizedText = {
  zh: '普通食品不得宣称疾病预防、治疗功能，也不得使用医疗用语（《广告法》第十七条、《食品安全法》第七十三条）',
  en: 'Ordinary food must not claim to prevent or treat disease nor use medical wording (Advertising Law art. 17, Food Safety Law art. 73)',
};

const MEDICAL_SUGGESTION: LocalizedText = {
  zh: '删去功效说法，改讲产地、品种、采摘和口感，例如“高山云雾茶，回甘明显”',
  en: 'Drop the health claim; talk about origin, variety, harvest and taste instead, e.g. "high-mountain tea with a sweet aftertaste"',
};

export const defaultClaimRuleSet: ClaimRuleSet = {
  version: 1,
  rules: [
    {
      id: 'absolute.superlative',
      kind: 'absolute',
      terms: [
        '最', '最好', '最佳', '最优', '最强', '最棒', '最高级', '最正宗', '最受欢迎', '史上最',
        'best', 'finest', 'greatest', 'purest', 'tastiest', 'bestseller', 'bestselling',
      ],
      // "最" alone is banned, but farmers use it daily for time, quantity, storage advice and
      // taste in their own voice; these phrases make no comparison with other products
      exceptions: [
        '最近', '最后', '最初', '最终', '最早', '最晚', '最迟', '最少', '最多',
        '最快明天', '最快今天', '最快当天', '最快次日', '最快隔天', '最快隔日',
        '最新一批', '最新到货', '最新消息', '最新动态', '最新款',
        '最好冷藏', '最好冷冻', '最好放冰箱', '最好放在', '最好在', '最好尽快', '最好当天', '最好别', '最好不要',
        '最佳赏味期', '最佳食用期', '最佳饮用期', '最佳品尝期', '最佳采摘期', '最佳冲泡', '最佳食用时间',
        '最高气温', '最低气温', '最高温度', '最低温度',
        '最爱', '最喜欢',
        'best before', 'best by', 'best if used', 'best served', 'best enjoyed', 'best consumed',
        'best kept', 'best stored', 'for best', 'all the best', 'best wishes', 'best regards',
        'do our best', 'try our best', 'doing our best', 'do my best', 'try my best',
      ],
      reason: ADVERTISING_LAW_ART_9,
      suggestion: {
        zh: '改用具体、可核实的描述，例如“很甜”“今年头茬”“当天现摘”',
        en: 'Use concrete, checkable wording, e.g. "very sweet", "first picking of the year", "picked today"',
      },
      replacement: '很',
      termReplacements: {
        最好: '很好', 最佳: '优质', 最优: '优质', 最强: '很强', 最棒: '很棒', 最高级: '高品质',
        最正宗: '正宗', 最受欢迎: '很受欢迎',
        best: 'great', finest: 'fine', greatest: 'great', purest: 'pure', tastiest: 'tasty',
        bestseller: 'popular choice', bestselling: 'popular',
      },
    },
    {
      id: 'absolute.price',
      kind: 'absolute',
      terms: [
        '全网最低', '全网最低价', '全网最便宜', '史上最低', '史上最低价', '最低价', '最便宜', '价格最低',
        'lowest price', 'cheapest',
      ],
      reason: ADVERTISING_LAW_ART_9,
      suggestion: {
        zh: '写明实际价格或优惠，例如“直播间优惠价 39 元”',
        en: 'State the actual price or discount, e.g. "live price ¥39"',
      },
      replacement: '优惠价',
      termReplacements: {
        全网最低: '实惠', 全网最便宜: '实惠', 史上最低: '实惠', 最便宜: '实惠', 价格最低: '价格实惠',
        'lowest price': 'great price', cheapest: 'affordable',
      },
    },
    {
      id: 'absolute.rank',
      kind: 'absolute',
      terms: [
        '第一', '第1名', '排名第1', '唯一', '首个', '首家', '首选', '首创', '销量冠军', '销冠',
        'No.1', 'No 1', '#1', 'number one', 'top 1', 'the only',
      ],
      // ordinal "第一" is how sellers count batches, pickings, infusions and orders
      exceptions: [
        '第一批', '第一次', '第一天', '第一时间', '第一步', '第一口', '第一眼', '第一茬', '第一波',
        '第一单', '第一件', '第一箱', '第一包', '第一期', '第一站', '第一轮', '第一季', '第一年',
        '第一周', '第一场', '第一条', '第一个', '第一锅', '第一道', '第一泡', '第一遍', '第一印象',
        '第一手', '第一线', '第一产业',
        // the village's "first secretary" is an official post, and often the one hosting the live
        '第一书记',
        'not the only',
      ],
      reason: ADVERTISING_LAW_ART_9,
      suggestion: {
        zh: '不用排名和“唯一”，改讲事实，例如“本村合作社自产”',
        en: 'Avoid rankings and "the only"; state facts, e.g. "grown by our village co-op"',
      },
      termReplacements: { 首选: '推荐' },
    },
    {
      id: 'absolute.grade',
      kind: 'absolute',
      // "特级" is deliberately absent: it is a real tea grade in national standards
      terms: [
        '国家级', '世界级', '顶级', '顶尖', '极品', '极致', '至尊', '王牌',
        'top-grade', 'top quality', 'world-class', 'first-rate',
      ],
      // a county's former poverty designation is a fact sellers tell, not a quality claim
      exceptions: ['国家级贫困'],
      reason: ADVERTISING_LAW_ART_9,
      suggestion: {
        zh: '写明真实等级或标准，例如“特级（GB/T 18650）”“一级”',
        en: 'Give the real grade or standard, e.g. "special grade (GB/T 18650)", "grade 1"',
      },
      replacement: '优质',
      termReplacements: {
        极致: '出色',
        'top-grade': 'quality', 'top quality': 'good quality', 'world-class': 'quality', 'first-rate': 'quality',
      },
    },
    {
      id: 'absolute.certainty',
      kind: 'absolute',
      terms: ['100%', '百分百', '百分之百', '绝对', '万能', '史无前例', '100% pure'],
      reason: ADVERTISING_LAW_ART_9,
      suggestion: {
        zh: '删去“百分百”“绝对”，用检测结果说话，例如“附农残检测报告”',
        en: 'Drop "100%" and "absolutely"; show evidence instead, e.g. "pesticide residue report attached"',
      },
      replacement: '',
      termReplacements: { '100% pure': 'pure' },
    },
    {
      id: 'medical.treatment',
      kind: 'medical',
      terms: [
        '治疗', '治愈', '根治', '治病', '疗效', '药效', '药到病除', '包治', '包治百病', '神药', '特效药',
        '替代药物', '代替药物', '无副作用',
        'cure', 'cures', 'cured', 'cure-all', 'miracle cure', 'heals',
      ],
      // curing is how ham, bacon and sun-dried tea are made; 治病虫 is pest control
      exceptions: [
        '治病虫', '防治病虫',
        'cured ham', 'cured meat', 'cured meats', 'cured pork', 'cured bacon', 'cured sausage',
        'cured fish', 'cured egg', 'cured eggs', 'dry-cured', 'dry cured', 'salt-cured', 'sun-cured',
        'air-cured', 'smoke-cured', 'sugar-cured', 'cured tea', 'cured leaves',
      ],
      reason: NO_MEDICAL_CLAIMS,
      suggestion: MEDICAL_SUGGESTION,
    },
    {
      id: 'medical.disease',
      kind: 'medical',
      terms: [
        '抗癌', '防癌', '治癌', '降血压', '降压', '降血糖', '降糖', '降血脂', '降脂', '降三高',
        '消炎', '抗炎', '抗病毒', '杀菌消炎', '预防疾病', '防治', '清热解毒', '清肝明目',
        '壮阳', '补肾壮阳', '增强免疫力', '提高免疫力', '增强抵抗力', '延年益寿', '软化血管',
        '润肠通便', '止咳', '护肝', '保肝', '养胃', '治失眠', '改善睡眠',
        'anti-cancer', 'prevents cancer', 'prevent cancer', 'fights cancer', 'cancer-fighting',
        'lowers blood pressure', 'lower blood pressure', 'reduces blood pressure',
        'lowers blood sugar', 'lower blood sugar', 'lowers cholesterol', 'lower cholesterol',
        'treat diabetes', 'treats diabetes', 'anti-inflammatory', 'antiviral',
        'boosts immunity', 'boost immunity', 'aphrodisiac',
      ],
      // pest control is farming, and naming a medicine in a warning ("服用降压药者慎用") claims nothing
      exceptions: ['病虫害防治', '虫害防治', '防治病虫', '防治虫害', '降压药', '降糖药'],
      reason: NO_MEDICAL_CLAIMS,
      suggestion: MEDICAL_SUGGESTION,
    },
    {
      id: 'medical.weight-loss',
      kind: 'medical',
      terms: [
        '减肥', '瘦身', '减脂', '燃脂', '消脂', '刮油', '排毒', '排毒养颜',
        'weight loss', 'lose weight', 'fat burning', 'burns fat', 'detox', 'slimming',
      ],
      // saying a food can be eaten while dieting makes no curative promise
      exceptions: ['减肥期间', '减肥期'],
      reason: NO_MEDICAL_CLAIMS,
      suggestion: {
        zh: '不宣称减肥、排毒功效，可写热量、膳食纤维等营养成分',
        en: 'Make no weight-loss or detox claim; you may state calories or fibre content',
      },
    },
    {
      id: 'certified.organic',
      kind: 'certified',
      certificateKind: 'organic',
      terms: ['有机', '有机食品', '有机产品', 'organic', 'organically', 'certified organic'],
      // organic fertiliser and soil organic matter describe farming; 有机会/有机器… are 有 + a noun
      exceptions: [
        '有机肥', '有机质', '有机物', '有机酸', '有机硒', '有机磷', '有机氯', '有机碳', '有机氮',
        '有机化学', '有机溶剂', '有机玻璃', '有机硅', '有机体',
        '有机会', '有机器', '有机械', '有机构', '有机动', '有机场', '有机遇', '有机制', '有机关', '有机票',
        'organic fertilizer', 'organic fertiliser', 'organic fertilizers', 'organic fertilisers',
        'organic manure', 'organic compost', 'organic matter', 'organic acid', 'organic acids',
        'organic selenium',
      ],
      reason: {
        zh: '未获得有机产品认证，不得标注或宣称“有机”（《有机产品认证管理办法》）',
        en: 'Only products with a valid organic certificate may be called organic (Organic Product Certification Measures)',
      },
      suggestion: {
        zh: '上传有效的有机产品认证证书，或删去“有机”字样',
        en: 'Upload a valid organic certificate, or remove the word "organic"',
      },
      replacement: '',
      termReplacements: { 有机食品: '农产品', 有机产品: '农产品' },
    },
    {
      id: 'certified.green-food',
      kind: 'certified',
      certificateKind: 'green_food',
      terms: ['绿色食品', '绿色食品认证', 'green food', 'green food certified'],
      exceptions: ['green food coloring', 'green food colouring'],
      reason: {
        zh: '“绿色食品”是认证标志，未获绿色食品标志使用许可不得使用（《绿色食品标志管理办法》）',
        en: '"Green food" is a certification mark; it needs a valid green food licence (Green Food Mark Measures)',
      },
      suggestion: {
        zh: '上传有效的绿色食品证书，或改写为“农产品”',
        en: 'Upload a valid green food certificate, or just say "farm produce"',
      },
      replacement: '农产品',
      termReplacements: { 'green food': 'farm produce', 'green food certified': 'farm produce' },
    },
    {
      id: 'certified.geo-indication',
      kind: 'certified',
      certificateKind: 'geo_indication',
      terms: [
        '地理标志', '地理标志产品', '国家地理标志', '国家地理标志产品', '农产品地理标志', '地理标志保护产品',
        '地标产品', 'geographical indication', 'geographic indication',
      ],
      reason: {
        zh: '地理标志产品须经登记或核准使用，未获授权不得宣称（《地理标志产品保护办法》）',
        en: 'Only authorised producers may claim a geographical indication (GI Product Protection Measures)',
      },
      suggestion: {
        zh: '上传地理标志使用授权，或只写真实产地，例如“湖北恩施产”',
        en: 'Upload the GI authorisation, or just state the real origin, e.g. "grown in Enshi, Hubei"',
      },
      replacement: '原产地',
      termReplacements: {
        地理标志产品: '原产地产品', 国家地理标志产品: '原产地产品', 地理标志保护产品: '原产地产品', 地标产品: '原产地产品',
        'geographical indication': 'origin', 'geographic indication': 'origin',
      },
    },
    {
      id: 'certified.sc-licence',
      kind: 'certified',
      certificateKind: 'sc_licence',
      terms: [
        'SC认证', 'SC生产许可', 'SC编号', '食品生产许可', '食品生产许可证',
        'SC certified', 'SC licence', 'SC license', 'food production licence', 'food production license',
      ],
      reason: {
        zh: '宣称持有食品生产许可（SC）须有有效许可证（《食品生产许可管理办法》）',
        en: 'Claiming a food production licence (SC) requires a valid licence (Food Production Licensing Measures)',
      },
      suggestion: {
        zh: '上传有效的食品生产许可证，或删去相关说法',
        en: 'Upload a valid food production licence, or remove the claim',
      },
    },
    {
      id: 'certified.compliance-cert',
      kind: 'certified',
      certificateKind: 'compliance_cert',
      terms: ['承诺达标合格证', '达标合格证', '食用农产品合格证', '合格证', 'compliance certificate'],
      exceptions: ['合格证明'],
      reason: {
        zh: '宣称附有承诺达标合格证，须已登记并开具合格证',
        en: 'Claiming a compliance certificate requires one to be registered and issued',
      },
      suggestion: {
        zh: '上传承诺达标合格证，或删去相关说法',
        en: 'Upload the compliance certificate, or remove the claim',
      },
    },
  ],
};
