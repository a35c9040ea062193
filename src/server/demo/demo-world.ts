import type { AddressBody, Role, VerifiableRole } from '../../contracts/accounts';

/** Every demo account shares one published password; it only works while the node runs in demo mode. */
export const demoPassword = 'tiantou2026';

export interface DemoPerson {
  phone: string;
  displayName: string;
  roles: Role[];
  description: { zh: string; en: string };
  /** Real-name applications, approved by the demo admin unless marked pending. */
  verifications?: Array<{
    role: VerifiableRole;
    organizationName: string;
    legalName: string;
    /** First 17 digits of a fictional ID number; the check character is computed. */
    idBase: string;
    businessLicenceNo?: string;
    pending?: boolean;
  }>;
  addresses?: AddressBody[];
  /** Phone of the demo co-op this seller is an active member of (invited and accepted at seeding). */
  coopMemberOf?: string;
}

// Fictional people and shops in real producing regions: Xinyang Maojian tea (Henan), gardenia
// tea from Yueyang (Hunan), and an MCN agency for farmer creators in Qingxin (Guangdong).
export const demoPeople: DemoPerson[] = [
  {
    phone: '13900000001',
    displayName: '平台管理员',
    roles: ['admin'],
    description: { zh: '平台管理员：审核卖家实名和资质', en: 'Platform admin: reviews sellers and certificates' },
  },
  {
    phone: '13900000002',
    displayName: '县市场监管局·宋敏',
    roles: ['regulator'],
    description: { zh: '市场监管：查看投诉、假货举报和卖家信用', en: 'Regulator: complaints, fake-goods reports, seller credit' },
  },
  {
    phone: '13900000011',
    displayName: '程雨桐',
    roles: ['buyer'],
    description: { zh: '信阳毛尖茶农，雨桐茶园主播', en: 'Xinyang Maojian tea farmer and anchor of Yutong Tea Garden' },
    verifications: [
      {
        role: 'seller',
        organizationName: '雨桐茶园',
        legalName: '程雨桐',
        idBase: '41150219860315432',
        businessLicenceNo: '92411502MA9F3K7L2X',
      },
    ],
    addresses: [
      {
        receiverName: '程雨桐',
        receiverPhone: '13900000011',
        province: '河南省',
        city: '信阳市',
        county: '浉河区',
        township: '董家河镇',
        village: '云雾岭村',
        detail: '茶园路 8 号',
        isDefault: true,
      },
    ],
  },
  {
    phone: '13900000021',
    displayName: '罗秀英',
    roles: ['buyer'],
    description: { zh: '栀香湾栀子花茶专业合作社理事长', en: 'Chair of the Zhixiangwan gardenia-tea co-operative' },
    verifications: [
      {
        role: 'coop',
        organizationName: '岳阳县栀香湾栀子花茶专业合作社',
        legalName: '罗秀英',
        idBase: '43062119720908562',
        businessLicenceNo: '93430621MA4R8N2P5K',
      },
      {
        role: 'seller',
        organizationName: '栀香湾合作社旗舰店',
        legalName: '罗秀英',
        idBase: '43062119720908562',
      },
    ],
    addresses: [
      {
        receiverName: '罗秀英',
        receiverPhone: '13900000021',
        province: '湖南省',
        city: '岳阳市',
        county: '岳阳县',
        township: '月田镇',
        village: '栀香湾村',
        detail: '合作社仓库',
        isDefault: true,
      },
    ],
  },
  {
    phone: '13900000022',
    displayName: '彭桂花',
    roles: ['buyer'],
    description: { zh: '合作社社员，种栀子花十五年', en: 'Co-op member who has grown gardenia for fifteen years' },
    verifications: [
      { role: 'seller', organizationName: '桂花姐的栀子园', legalName: '彭桂花', idBase: '43062119800412662' },
    ],
    coopMemberOf: '13900000021',
  },
  {
    phone: '13900000031',
    displayName: '林晓峰',
    roles: ['buyer'],
    description: { zh: '清新田野传媒 MCN 负责人，签约农民主播', en: 'Runs the Qingxin Tianye MCN agency for farmer creators' },
    verifications: [
      {
        role: 'mcn',
        organizationName: '清远市清新区田野传媒有限公司',
        legalName: '林晓峰',
        idBase: '44180319880721241',
        businessLicenceNo: '91441803MA55TQ8H3W',
      },
    ],
  },
  {
    phone: '13900000032',
    displayName: '黄阿妹',
    roles: ['buyer'],
    description: { zh: '签约农民主播，卖清新砂糖桔和走地鸡', en: 'Farmer creator selling Qingxin mandarins and free-range chicken' },
    verifications: [
      { role: 'seller', organizationName: '阿妹的果园', legalName: '黄阿妹', idBase: '44180319950203382' },
    ],
  },
  {
    phone: '13900000041',
    displayName: '周建国',
    roles: ['buyer'],
    description: { zh: '刚申请开店的果农（待审核）', en: 'Fruit grower whose shop application awaits review' },
    verifications: [
      { role: 'seller', organizationName: '建国猕猴桃', legalName: '周建国', idBase: '61032319790611251', pending: true },
    ],
  },
  {
    phone: '13900000101',
    displayName: '王小满',
    roles: ['buyer'],
    description: { zh: '买家：上海的上班族，爱喝绿茶', en: 'Buyer: office worker in Shanghai who loves green tea' },
    addresses: [
      {
        receiverName: '王小满',
        receiverPhone: '13900000101',
        province: '上海市',
        city: '上海市',
        county: '浦东新区',
        township: '张江镇',
        detail: '碧波路 690 号 3 号楼 1201',
        isDefault: true,
      },
    ],
  },
  {
    phone: '13900000102',
    displayName: '李婷',
    roles: ['buyer'],
    description: { zh: '买家：广州宝妈，常在直播间抢购', en: 'Buyer: Guangzhou mother who shops in flash sales' },
    addresses: [
      {
        receiverName: '李婷',
        receiverPhone: '13900000102',
        province: '广东省',
        city: '广州市',
        county: '天河区',
        township: '石牌街道',
        detail: '华师附近 龙口西路 5 号 602',
        isDefault: true,
      },
    ],
  },
  {
    phone: '13900000103',
    displayName: '陈默',
    roles: ['buyer'],
    description: { zh: '买家：成都郊区，给老家父母买茶', en: 'Buyer near Chengdu who buys tea for his parents' },
    addresses: [
      {
        receiverName: '陈建华',
        receiverPhone: '13900000103',
        province: '四川省',
        city: '成都市',
        county: '郫都区',
        township: '唐昌街道',
        village: '战旗村',
        detail: '3 组 17 号',
        isDefault: true,
      },
    ],
  },
];
