import type { Origin, ProductCategory, SkuBody } from '../../contracts/catalog';
import type { CertificateKind } from '../../contracts/compliance';
import type { LotEventKind, LotUnit } from '../../contracts/trace';
import type { DemoMotif } from './demo-images';

export interface DemoCertificate {
  key: string;
  kind: CertificateKind;
  number: string;
  issuer: string;
  validFrom: string;
  validUntil: string;
}

export interface DemoLotEvent {
  kind: LotEventKind;
  daysAgo: number;
  place: string;
  who: string;
  notes: string;
  photo?: DemoMotif;
}

/** Dates count back from the day the demo is seeded, so the timeline always ends recently. */
export interface DemoLot {
  prefix: string;
  harvestDaysAgo: number;
  quantity: number;
  unit: LotUnit;
  note?: string;
  events: DemoLotEvent[];
}

export interface DemoProduct {
  title: string;
  description: string;
  category: ProductCategory;
  motif: DemoMotif;
  origin: Origin;
  shelfLifeDays: number;
  storage: string;
  perishable: boolean;
  weightGrams: number;
  skus: Omit<SkuBody, 'id'>[];
  /** Keys of the seller's demo certificates that cover this product. */
  certificates?: string[];
  salesHint?: number;
  lot: DemoLot;
}

export interface DemoShop {
  /** The seller's demo phone number (see demo-world.ts). */
  sellerPhone: string;
  certificates: DemoCertificate[];
  products: DemoProduct[];
}

const yunwuling: Origin = { province: '河南省', city: '信阳市', county: '浉河区', township: '董家河镇', village: '云雾岭村', latitude: 32.06, longitude: 113.93 };
const zhixiangwan: Origin = { province: '湖南省', city: '岳阳市', county: '岳阳县', township: '月田镇', village: '栀香湾村', latitude: 29.12, longitude: 113.42 };
const qingxin: Origin = { province: '广东省', city: '清远市', county: '清新区', township: '太平镇', village: '秦皇村', latitude: 23.73, longitude: 112.98 };


function teaLot(harvestDaysAgo: number, quantity: number, grade: string, photo: DemoMotif = 'green_tea'): DemoLot {
  return {
    prefix: 'XY',
    harvestDaysAgo,
    quantity,
    unit: 'kg',
    note: grade,
    events: [
      { kind: 'planting', daysAgo: harvestDaysAgo + 150, place: '云雾岭村 3 号茶园', who: '程雨桐', notes: '冬季修剪，施菜籽饼有机肥', photo: 'green_tea' },
      { kind: 'picking', daysAgo: harvestDaysAgo, place: '云雾岭村 3 号茶园', who: '云雾岭村采茶队 12 人', notes: `${grade}，清晨带露采摘`, photo },
      { kind: 'processing', daysAgo: harvestDaysAgo, place: '雨桐茶园加工坊', who: '程师傅', notes: '摊青 4 小时，杀青、揉捻、理条、烘干' },
      { kind: 'inspection', daysAgo: harvestDaysAgo - 5, place: '信阳市农产品质量检测站（示例）', who: '检测员 王工', notes: '农药残留 42 项未检出（示例数据）' },
      { kind: 'packing', daysAgo: harvestDaysAgo - 7, place: '雨桐茶园', who: '程雨桐', notes: '充氮罐装，2℃ 冷库储存' },
    ],
  };
}

function gardeniaLot(prefix: string, harvestDaysAgo: number, quantity: number, unit: LotUnit, grower: string, packing: string): DemoLot {
  return {
    prefix,
    harvestDaysAgo,
    quantity,
    unit,
    events: [
      { kind: 'picking', daysAgo: harvestDaysAgo, place: '栀香湾村栀子园', who: grower, notes: '花苞半开时采摘', photo: 'gardenia' },
      { kind: 'processing', daysAgo: harvestDaysAgo, place: '合作社烘干房', who: '合作社加工组', notes: '低温烘干 12 小时，保留花香' },
      { kind: 'inspection', daysAgo: harvestDaysAgo - 3, place: '岳阳县农产品检测中心（示例）', who: '检测员 刘工', notes: '二氧化硫、农药残留未检出（示例数据）' },
      { kind: 'packing', daysAgo: harvestDaysAgo - 4, place: '合作社仓库', who: '罗秀英', notes: packing },
    ],
  };
}

// Fictional shops; certificate numbers are made up and follow no real registry.
export const demoShops: DemoShop[] = [
  {
    sellerPhone: '13900000011',
    certificates: [
      { key: 'gi', kind: 'geo_indication', number: 'AGI-2026-XYMJ-0417', issuer: '信阳市农业农村局（示例）', validFrom: '2025-03-01', validUntil: '2029-02-28' },
      { key: 'sc', kind: 'sc_licence', number: 'SC11441150200417', issuer: '信阳市浉河区市场监督管理局（示例）', validFrom: '2024-06-01', validUntil: '2029-05-31' },
      { key: 'organic', kind: 'organic', number: 'OC-2026-YT-00871', issuer: '中绿华夏有机产品认证中心（示例）', validFrom: '2026-01-01', validUntil: '2027-12-31' },
    ],
    products: [
      {
        title: '信阳毛尖 地理标志产品 明前特级',
        description: '云雾岭村海拔六百米的茶园，清明前手工采摘一芽一叶初展，当天炒制。汤色嫩绿，栗香持久。',
        category: 'tea',
        motif: 'green_tea',
        origin: yunwuling,
        shelfLifeDays: 540,
        storage: '密封、避光、防潮，冷藏更佳',
        perishable: false,
        weightGrams: 450,
        skus: [
          { name: '250g 罐装', priceFen: 16800, stock: 200 },
          { name: '500g 礼盒', priceFen: 32800, stock: 60 },
        ],
        certificates: ['gi', 'sc'],
        salesHint: 1260,
        lot: teaLot(235, 320, '明前特级 一芽一叶初展'),
      },
      {
        title: '雨前信阳毛尖 一级 口粮茶',
        description: '谷雨前采摘，条索紧细，耐泡，适合日常喝。',
        category: 'tea',
        motif: 'green_tea',
        origin: yunwuling,
        shelfLifeDays: 540,
        storage: '密封、避光、防潮',
        perishable: false,
        weightGrams: 300,
        skus: [{ name: '250g 袋装', priceFen: 8800, stock: 500 }],
        certificates: ['sc'],
        salesHint: 3420,
        lot: teaLot(215, 860, '雨前一级'),
      },
      {
        title: '有机信阳红茶 工夫红茶',
        description: '有机茶园夏茶制作，蜜香甜润，冷热皆宜。',
        category: 'tea',
        motif: 'black_tea',
        origin: yunwuling,
        shelfLifeDays: 720,
        storage: '密封、常温避光',
        perishable: false,
        weightGrams: 350,
        skus: [
          { name: '200g 罐装', priceFen: 12800, stock: 150 },
          { name: '400g 双罐礼盒', priceFen: 23800, stock: 40 },
        ],
        certificates: ['organic', 'sc'],
        salesHint: 540,
        lot: teaLot(150, 210, '夏茶 工夫红茶', 'black_tea'),
      },
    ],
  },
  {
    sellerPhone: '13900000021',
    certificates: [
      { key: 'green', kind: 'green_food', number: 'LB-18-2606120345A', issuer: '中国绿色食品发展中心（示例）', validFrom: '2026-06-01', validUntil: '2029-05-31' },
      { key: 'promise', kind: 'compliance_cert', number: 'HGZ-430621-2026-0092', issuer: '岳阳县栀香湾栀子花茶专业合作社', validFrom: '2026-05-01', validUntil: '2027-04-30' },
    ],
    products: [
      {
        title: '绿色食品 栀子花茶 合作社统一品牌',
        description: '栀香湾村五月初开的栀子花，当天采摘、低温烘干。花香清甜，可单泡，也可配绿茶。',
        category: 'flower_tea',
        motif: 'gardenia',
        origin: zhixiangwan,
        shelfLifeDays: 365,
        storage: '密封、避光、防潮',
        perishable: false,
        weightGrams: 200,
        skus: [
          { name: '50g 罐装', priceFen: 4500, stock: 400 },
          { name: '50g×2 罐', priceFen: 8500, stock: 200 },
        ],
        certificates: ['green', 'promise'],
        salesHint: 2180,
        lot: gardeniaLot('ZX', 190, 480, 'kg', '罗秀英', '50g 铁罐，防潮纸箱'),
      },
      {
        title: '鲜栀子花 带叶花枝 10 枝',
        description: '清晨剪下的花苞，顺丰冷链发出，到家一两天内开放。鲜花不支持七天无理由退货。',
        category: 'specialty',
        motif: 'gardenia',
        origin: zhixiangwan,
        shelfLifeDays: 5,
        storage: '插水养护，避免阳光直射',
        perishable: true,
        weightGrams: 800,
        skus: [{ name: '10 枝', priceFen: 2990, stock: 300 }],
        certificates: ['promise'],
        salesHint: 860,
        lot: {
          prefix: 'ZX',
          harvestDaysAgo: 1,
          quantity: 300,
          unit: 'bag',
          events: [
            { kind: 'picking', daysAgo: 1, place: '栀香湾村栀子园', who: '彭桂花', notes: '清晨剪下带叶花枝', photo: 'gardenia' },
            { kind: 'packing', daysAgo: 1, place: '合作社冷库', who: '合作社包装组', notes: '保湿棉包根，冷链泡沫箱' },
          ],
        },
      },
    ],
  },
  {
    sellerPhone: '13900000022',
    certificates: [],
    products: [
      {
        title: '农家晒干栀子果 黄栀子',
        description: '桂花姐自家栀子园秋天采的果子，太阳晒干。可泡水，也可做天然黄色染料。',
        category: 'nuts_dried',
        motif: 'gardenia_fruit',
        origin: { ...zhixiangwan, village: '栀香湾村三组' },
        shelfLifeDays: 540,
        storage: '阴凉干燥处',
        perishable: false,
        weightGrams: 600,
        skus: [{ name: '500g', priceFen: 3600, stock: 120 }],
        salesHint: 210,
        lot: {
          prefix: 'ZX',
          harvestDaysAgo: 40,
          quantity: 150,
          unit: 'jin',
          events: [
            { kind: 'picking', daysAgo: 40, place: '栀香湾村三组', who: '彭桂花', notes: '果皮转红后采摘', photo: 'gardenia_fruit' },
            { kind: 'processing', daysAgo: 38, place: '自家晒场', who: '彭桂花', notes: '日晒十天，翻晒两次' },
            { kind: 'packing', daysAgo: 27, place: '合作社仓库', who: '合作社包装组', notes: '500g 牛皮纸袋' },
          ],
        },
      },
    ],
  },
  {
    sellerPhone: '13900000032',
    certificates: [],
    products: [
      {
        title: '清新砂糖桔 现摘现发',
        description: '秦皇村山坡果园，果皮薄，一剥就开，甜度高。生鲜水果不支持七天无理由退货，坏果包赔。',
        category: 'fruit',
        motif: 'mandarin',
        origin: qingxin,
        shelfLifeDays: 15,
        storage: '阴凉通风处，勿挤压',
        perishable: true,
        weightGrams: 2800,
        skus: [
          { name: '5 斤装', priceFen: 3990, stock: 800 },
          { name: '10 斤装', priceFen: 6990, stock: 300 },
        ],
        salesHint: 5210,
        lot: {
          prefix: 'QX',
          harvestDaysAgo: 2,
          quantity: 1200,
          unit: 'jin',
          events: [
            { kind: 'planting', daysAgo: 200, place: '秦皇村后山果园', who: '黄阿妹', notes: '春季疏花，施农家肥', photo: 'mandarin' },
            { kind: 'picking', daysAgo: 2, place: '秦皇村后山果园', who: '黄阿妹和邻居', notes: '果面全黄后采摘，剪刀齐蒂剪下', photo: 'mandarin' },
            { kind: 'packing', daysAgo: 1, place: '秦皇村快递点', who: '黄阿妹', notes: '网袋分装，坏果挑出' },
          ],
        },
      },
      {
        title: '清远走地鸡 整只 约 3 斤',
        description: '山林散养 180 天以上，吃谷物和虫子长大。宰杀后急冻，冷链发货。',
        category: 'meat_eggs',
        motif: 'chicken',
        origin: qingxin,
        shelfLifeDays: 90,
        storage: '-18℃ 冷冻保存',
        perishable: true,
        weightGrams: 2200,
        skus: [{ name: '整只 约 1.5kg', priceFen: 15800, stock: 60 }],
        salesHint: 380,
        lot: {
          prefix: 'QX',
          harvestDaysAgo: 10,
          quantity: 60,
          unit: 'piece',
          events: [
            { kind: 'planting', daysAgo: 200, place: '秦皇村山林', who: '黄阿妹', notes: '鸡苗入林散养', photo: 'chicken' },
            { kind: 'inspection', daysAgo: 11, place: '清新区动物卫生监督所（示例）', who: '兽医 陈工', notes: '检疫合格（示例数据）' },
            { kind: 'processing', daysAgo: 10, place: '定点屠宰场', who: '屠宰场', notes: '宰杀后 -35℃ 急冻' },
            { kind: 'packing', daysAgo: 10, place: '冷库', who: '黄阿妹', notes: '真空包装，冰袋泡沫箱' },
          ],
        },
      },
    ],
  },
];
