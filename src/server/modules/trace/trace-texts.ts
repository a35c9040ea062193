import type { CertificateKind } from '../../../contracts/compliance';
import type { Locale } from '../../../contracts/errors';

/** Same names as the notifications use, so a seller meets one name per certificate everywhere. */
export const certificateNames: Record<CertificateKind, { zh: string; en: string }> = {
  organic: { zh: '有机产品认证', en: 'Organic certification' },
  green_food: { zh: '绿色食品证书', en: 'Green food certificate' },
  geo_indication: { zh: '地理标志证明', en: 'Geographical indication' },
  sc_licence: { zh: 'SC 食品生产许可证', en: 'SC food production licence' },
  compliance_cert: { zh: '承诺达标合格证', en: 'Producer compliance certificate' },
};

const zh = {
  htmlLang: 'zh-CN',
  colon: '：',
  brand: '田头溯源',
  pageTitle: (title: string, code: string) => `${title} · 批次 ${code} 溯源`,
  description: (title: string, village: string, shop: string, harvest: string) =>
    `${title}，产自${village}，${shop}出品，${harvest}采收。查看这一批次从种植到检测的记录。`,
  otherLanguage: { label: 'English', lang: 'en' },
  lotCode: '批次码',
  harvested: '采收日期',
  quantity: '批次数量',
  shop: '店铺',
  origin: '产地',
  note: '批次说明',
  certificates: '认证证书',
  certNumber: '编号',
  certIssuer: '发证机构',
  certValidUntil: '有效期至',
  noCertificates: '该商品暂未关联有效证书。',
  timeline: '生产记录',
  timelineZone: '时间为北京时间',
  noEvents: '卖家还没有填写这一批次的生产记录。',
  place: '地点',
  who: '负责人',
  photo: (kind: string, n: number) => `${kind}照片 ${n}`,
  report: (n: number, pdf: boolean) => `检测报告 ${n}${pdf ? '（PDF）' : '（图片）'}`,
  disclaimer: '以上信息由卖家填写并对其真实性负责；证书经平台审核，过期的证书不会显示。',
  home: '田头 · 乡村直播电商',
  notFoundTitle: '没有找到这个批次',
  notFoundText: (code: string) => `批次码“${code}”不存在。请核对包装上的批次码，注意数字 0 和字母 O、数字 1 和字母 I 的区别。`,
  notFoundBack: '去田头逛逛',
  labels: {
    pageTitle: (code: string) => `批次 ${code} 标签`,
    print: '打印',
    summary: (count: number, pages: number) => `共 ${count} 枚标签，${pages} 张 A4 纸（每张 3 × 8 枚，70 × 36 mm）。打印时请选择“实际大小 / 100%”，不要缩放。`,
    harvested: '采收',
    origin: '产地',
    scan: '扫码查看溯源',
  },
};

const en: typeof zh = {
  htmlLang: 'en',
  colon: ': ',
  brand: 'Tiantou trace',
  pageTitle: (title, code) => `${title} · Lot ${code} trace`,
  description: (title, village, shop, harvest) =>
    `${title} from ${village} by ${shop}, harvested ${harvest}. See this lot's record from planting to inspection.`,
  otherLanguage: { label: '中文', lang: 'zh' },
  lotCode: 'Lot code',
  harvested: 'Harvested',
  quantity: 'Lot size',
  shop: 'Shop',
  origin: 'Origin',
  note: 'About this lot',
  certificates: 'Certificates',
  certNumber: 'No.',
  certIssuer: 'Issued by',
  certValidUntil: 'Valid until',
  noCertificates: 'No valid certificate is linked to this product.',
  timeline: 'Timeline',
  timelineZone: 'Times are China Standard Time',
  noEvents: 'The seller has not recorded anything for this lot yet.',
  place: 'Place',
  who: 'By',
  photo: (kind, n) => `${kind} photo ${n}`,
  report: (n, pdf) => `Inspection report ${n}${pdf ? ' (PDF)' : ' (image)'}`,
  disclaimer: 'The seller wrote this record and answers for it; certificates are checked by the platform, and lapsed ones are not shown.',
  home: 'Tiantou · live commerce from the countryside',
  notFoundTitle: 'Lot not found',
  notFoundText: (code) => `There is no lot “${code}”. Check the code on the package; 0 and O, 1 and I are easy to mix up.`,
  notFoundBack: 'Visit Tiantou',
  labels: {
    pageTitle: (code) => `Labels for lot ${code}`,
    print: 'Print',
    summary: (count, pages) =>
      `${count} labels on ${pages} A4 page${pages > 1 ? 's' : ''} (3 × 8 per page, 70 × 36 mm). Print at actual size (100 %), without scaling.`,
    harvested: 'Harvested',
    origin: 'Origin',
    scan: 'Scan to trace',
  },
};

export type TraceTexts = typeof zh;
export const traceTexts = (locale: Locale): TraceTexts => (locale === 'en' ? en : zh);
export const localized = (names: { zh: string; en: string }, locale: Locale) => (locale === 'en' ? names.en : names.zh);
