import type { Locale } from '../../../contracts/errors';

const certificateNames: Record<string, { zh: string; en: string }> = {
  organic: { zh: '有机产品认证', en: 'organic certification' },
  green_food: { zh: '绿色食品证书', en: 'green food certificate' },
  geo_indication: { zh: '地理标志证明', en: 'geographical indication' },
  sc_licence: { zh: 'SC 食品生产许可证', en: 'SC food production licence' },
  compliance_cert: { zh: '承诺达标合格证', en: 'producer compliance certificate' },
};

type Text = (data: Record<string, unknown>, locale: Locale) => string;
const pick = (locale: Locale, zh: string, en: string) => (locale === 'en' ? en : zh);
const cert = (data: Record<string, unknown>, locale: Locale) => {
  const name = certificateNames[String(data.kind)];
  return name ? pick(locale, name.zh, name.en) : String(data.kind);
};

/** What a person reads for each kind of notification. */
export const notificationTexts: Record<string, Text> = {
  'certificate.expired': (d, l) =>
    pick(
      l,
      `您的${cert(d, l)}（${String(d.number)}）已于 ${String(d.validUntil)} 到期，商品页上依赖它的宣称已自动隐藏。请上传新证书。`,
      `Your ${cert(d, l)} (${String(d.number)}) expired on ${String(d.validUntil)}; claims that relied on it are hidden from buyers. Please upload a new one.`,
    ),
  'certificate.approved': (d, l) => pick(l, `您的${cert(d, l)}已审核通过。`, `Your ${cert(d, l)} was approved.`),
  'certificate.rejected': (d, l) =>
    pick(l, `您的${cert(d, l)}未通过审核：${String(d.reason ?? '')}`, `Your ${cert(d, l)} was rejected: ${String(d.reason ?? '')}`),
  'product.removed': (d, l) =>
    pick(
      l,
      `您的商品“${String(d.title)}”已被平台下架，原因：${String(d.reason)}。如有异议请联系平台。`,
      `The platform removed your product “${String(d.title)}”: ${String(d.reason)}. Contact the platform if you disagree.`,
    ),
  'verification.approved': (_d, l) => pick(l, '您的实名认证已通过，可以开始经营了。', 'Your verification was approved; you can start selling.'),
  'verification.rejected': (_d, l) => pick(l, '您的实名认证未通过，请查看原因后重新提交。', 'Your verification was rejected; see the reason and apply again.'),
  // Co-op events name the person to tell as `userId`: the invitee, the co-op, or the member who was removed.
  'coop.member_invited': (d, l) =>
    pick(l, `“${String(d.coopName)}”邀请您加入合作社，可在“我的”页面接受或拒绝。`, `“${String(d.coopName)}” invited you to join the co-op; accept or decline on your “Me” page.`),
  'coop.member_joined': (d, l) => pick(l, `${String(d.memberName)} 已加入合作社。`, `${String(d.memberName)} joined the co-op.`),
  'coop.member_left': (d, l) =>
    d.by === 'coop'
      ? pick(l, `您已被移出“${String(d.coopName)}”。`, `“${String(d.coopName)}” removed you from the co-op.`)
      : pick(l, `${String(d.memberName)} 已退出合作社。`, `${String(d.memberName)} left the co-op.`),
};
