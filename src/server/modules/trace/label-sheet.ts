import type { ProductView } from '../../../contracts/catalog';
import type { Locale } from '../../../contracts/errors';
import type { LotView } from '../../../contracts/trace';
import { escapeHtml as e, formatDate, html, originText } from './html';
import { traceTexts } from './trace-texts';

/** The common 24-up A4 sheet: 3 columns by 8 rows of 70 × 36 mm, or plain paper and scissors. */
export const labelsPerSheet = 24;

const styles = `
@page{size:A4;margin:0}
*{box-sizing:border-box}
html,body{margin:0}
body{background:#e9ebe6;font-family:-apple-system,BlinkMacSystemFont,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",Roboto,sans-serif;color:#000;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.bar{position:sticky;top:0;display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;padding:10px 16px;background:#fff;border-bottom:1px solid #d7dbd4;font-size:14px;color:#26302a}
.bar button{font:inherit;font-weight:600;color:#fff;background:#3b8a4c;border:0;border-radius:6px;padding:6px 20px;cursor:pointer}
.bar p{margin:0;flex:1 1 300px}
.sheet{width:210mm;height:297mm;margin:16px auto;padding:4.5mm 0;background:#fff;box-shadow:0 2px 8px rgba(0,0,0,.15);display:grid;grid-template-columns:repeat(3,70mm);grid-auto-rows:36mm;align-content:start;overflow:hidden}
.label{display:grid;grid-template-columns:26mm 1fr;gap:2mm;align-items:center;padding:2.5mm 3mm;outline:.2mm dashed #c8ccc5;outline-offset:-.1mm;overflow:hidden}
.qr{display:block;width:26mm;height:26mm}
.text{min-width:0;font-size:6.5pt;line-height:1.3}
.text p{margin:0;overflow:hidden;white-space:nowrap;text-overflow:ellipsis}
.title{font-size:8pt;font-weight:700;white-space:normal!important;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical}
.code{font:700 10pt/1.25 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;letter-spacing:.02em;margin:.6mm 0!important}
.url{font-size:5pt;color:#333;white-space:normal!important;word-break:break-all;margin-top:.6mm!important}
@media print{body{background:#fff}.bar{display:none}.sheet{margin:0;box-shadow:none;break-after:page}.sheet:last-of-type{break-after:auto}.label{outline-color:#e4e6e2}}
`
  .replace(/\n/g, '')
  .trim();

export interface LabelSheetInput {
  lot: LotView;
  product: ProductView;
  count: number;
  /** One QR image, drawn on every label. */
  qrSvg: string;
  locale: Locale;
  /** Lets the one inline script (the print button) past the page's CSP. */
  scriptNonce: string;
}

/** Printable labels for a lot's packaging: the QR code, what is inside, where and when it was picked. */
export function renderLabelSheet(input: LabelSheetInput): string {
  const { lot, product, count, locale } = input;
  const t = traceTexts(locale).labels;
  const qr = input.qrSvg.replace('<svg ', '<svg class="qr" role="img" aria-label="QR" ');
  const label = html`<div class="label">${qr}<div class="text"><p class="title">${e(product.title)}</p><p class="code">${e(lot.code)}</p><p>${e(
    t.harvested,
  )} ${e(formatDate(lot.harvestDate, locale))}</p><p>${e(t.origin)} ${e(originText(product.origin, 'short'))}</p><p>${e(product.sellerName)}</p><p class="url">${e(
    t.scan,
  )} ${e(lot.links.traceUrl)}</p></div></div>`;

  const pages = Math.ceil(count / labelsPerSheet);
  const sheets = Array.from({ length: pages }, (_, page) => {
    const onPage = Math.min(labelsPerSheet, count - page * labelsPerSheet);
    return `<section class="sheet">${label.repeat(onPage)}</section>`;
  }).join('\n');

  return html`<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${e(
    t.pageTitle(lot.code),
  )}</title><style>${styles}</style></head>
<body><div class="bar"><button type="button" id="print">${e(t.print)}</button><p>${e(t.summary(count, pages))}</p></div>
${sheets}
<script nonce="${e(input.scriptNonce)}">document.getElementById('print').addEventListener('click',function(){window.print()})</script>
</body></html>
`;
}
