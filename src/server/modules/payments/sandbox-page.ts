import QRCode from 'qrcode';
import type { Locale } from '../../../contracts/errors';
import type { SandboxChargePage } from './sandbox-provider';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const e = (value: string | number) => String(value).replace(/[&<>"']/g, (ch) => entities[ch]!);

const zh = {
  htmlLang: 'zh-CN',
  brand: '田头支付 · 沙箱',
  other: { label: 'English', lang: 'en' },
  sandbox: '这是支付沙箱，不会真实扣款。',
  amount: '支付金额',
  subject: '商品',
  scan: '用手机扫码，在手机上完成支付',
  payBefore: (at: string) => `请在 ${at} 前完成支付`,
  pay: '支付',
  cancel: '取消',
  paid: '支付成功',
  paidText: '商户会收到支付结果通知，订单状态稍后更新。',
  closed: '交易已关闭',
  closedText: '这笔支付已取消，不能再支付。可回到订单重新发起支付。',
  expired: '交易已超时',
  expiredText: '已超过支付时限，这笔支付不能再支付。',
  back: '返回商户',
  notFound: '找不到这笔交易',
  notFoundText: '链接可能有误，或交易不存在。',
};
type Texts = typeof zh;
const en: Texts = {
  htmlLang: 'en',
  brand: 'Tiantou Pay · sandbox',
  other: { label: '中文', lang: 'zh' },
  sandbox: 'This is a payment sandbox: no real money moves.',
  amount: 'Amount',
  subject: 'For',
  scan: 'Scan with your phone to pay there',
  payBefore: (at) => `Pay before ${at}`,
  pay: 'Pay',
  cancel: 'Cancel',
  paid: 'Payment complete',
  paidText: 'The shop is being notified; the order updates in a moment.',
  closed: 'Payment closed',
  closedText: 'This payment was cancelled and can no longer be paid. Start a new payment from the order.',
  expired: 'Payment expired',
  expiredText: 'The time to pay has passed; this payment can no longer be paid.',
  back: 'Back to the shop',
  notFound: 'No such payment',
  notFoundText: 'The link may be wrong, or the payment does not exist.',
};
const texts = (locale: Locale): Texts => (locale === 'en' ? en : zh);

const styles = `
*{box-sizing:border-box}
body{margin:0;background:#f2f4f3;color:#1f2a24;font:15px/1.6 -apple-system,BlinkMacSystemFont,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",Roboto,sans-serif}
.top{display:flex;justify-content:space-between;align-items:center;padding:10px 16px;background:#1f7a4d;color:#fff}
.top a{color:#fff;text-decoration:none;font-size:13px;border:1px solid rgba(255,255,255,.6);border-radius:12px;padding:1px 10px}
main{max-width:420px;margin:0 auto;padding:16px 12px}
.card{background:#fff;border-radius:12px;padding:20px 16px;text-align:center;box-shadow:0 1px 2px rgba(0,0,0,.06)}
.note{font-size:12px;color:#8a5a00;background:#fff6e0;border-radius:6px;padding:4px 8px;margin:0 0 12px}
.label{color:#66706a;font-size:13px;margin:0}
.amount{font-size:36px;font-weight:600;margin:2px 0 8px}
.subject{margin:0 0 12px;overflow-wrap:anywhere}
.qr{width:180px;height:180px;margin:0 auto}
.qr svg{width:100%;height:100%}
.hint{color:#66706a;font-size:13px;margin:4px 0 16px}
form{margin:0}
button{display:block;width:100%;font:inherit;font-size:17px;border:0;border-radius:8px;padding:12px;margin-top:10px;cursor:pointer}
.pay{background:#1f7a4d;color:#fff}
.cancel{background:#eef1ef;color:#1f2a24}
h1{font-size:20px;margin:4px 0 8px}
.back{display:inline-block;margin-top:16px;color:#1f7a4d}
`
  .replace(/\n/g, '')
  .trim();

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;
const zone = 'Asia/Shanghai';
const times = {
  'zh-CN': new Intl.DateTimeFormat('zh-CN', { timeZone: zone, hour: '2-digit', minute: '2-digit', month: 'long', day: 'numeric', hourCycle: 'h23' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', month: 'short', day: 'numeric', hourCycle: 'h23' }),
};

function frame(t: Texts, title: string, switchHref: string, body: string) {
  return `<!doctype html>
<html lang="${t.htmlLang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${e(title)} · ${e(t.brand)}</title><link rel="icon" href="data:,"><style>${styles}</style></head>
<body><header class="top"><strong>${e(t.brand)}</strong><a href="${e(switchHref)}" hreflang="${t.other.lang}">${e(t.other.label)}</a></header>
<main><div class="card"><p class="note">${e(t.sandbox)}</p>${body}</div></main></body></html>
`;
}

/**
 * The provider's pay page: plain HTML with two forms, so it works in any phone browser without
 * script. On a computer the QR code carries the same page to the phone, as a cashier's QR would.
 */
export async function renderSandboxPage(charge: SandboxChargePage, locale: Locale): Promise<string> {
  const t = texts(locale);
  const lang = locale === 'en' ? 'en' : 'zh';
  const self = `/sandbox/pay/${encodeURIComponent(charge.ref)}`;
  const summary = `<p class="label">${e(t.amount)}</p><p class="amount">${e(yuan(charge.amountFen))}</p><p class="subject"><span class="label">${e(t.subject)}</span> ${e(charge.subject)}</p>`;
  const back = `<a class="back" href="${e(charge.returnUrl)}">${e(t.back)}</a>`;
  let body: string;
  let title: string;
  if (charge.status === 'pending') {
    title = t.pay;
    const qr = await QRCode.toString(`${charge.payUrl}?lang=${lang}`, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 });
    body = `${summary}<div class="qr" role="img" aria-label="${e(t.scan)}">${qr}</div><p class="hint">${e(t.scan)}<br>${e(t.payBefore(times[locale].format(charge.expiresAt)))}</p>
<form method="post" action="${self}/pay?lang=${lang}"><button class="pay" type="submit">${e(t.pay)}</button></form>
<form method="post" action="${self}/cancel?lang=${lang}"><button class="cancel" type="submit">${e(t.cancel)}</button></form>`;
  } else {
    const [heading, text] =
      charge.status === 'paid' ? [t.paid, t.paidText] : charge.status === 'expired' ? [t.expired, t.expiredText] : [t.closed, t.closedText];
    title = heading;
    body = `<h1>${e(heading)}</h1>${summary}<p class="hint">${e(text)}</p>${back}`;
  }
  return frame(t, title, `${self}?lang=${t.other.lang}`, body);
}

export function renderSandboxNotFound(ref: string, locale: Locale): string {
  const t = texts(locale);
  const self = `/sandbox/pay/${encodeURIComponent(ref)}`;
  return frame(t, t.notFound, `${self}?lang=${t.other.lang}`, `<h1>${e(t.notFound)}</h1><p class="hint">${e(t.notFoundText)}</p>`);
}
