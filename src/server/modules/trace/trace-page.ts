import type { Locale } from '../../../contracts/errors';
import { lotEventKindNames, lotUnitNames, type LotEventView, type LotFileView, type TraceView } from '../../../contracts/trace';
import { escapeHtml as e, formatDate, formatDateTime, formatQuantity, html, originText } from './html';
import { certificateNames, localized, traceTexts, type TraceTexts } from './trace-texts';

/**
 * The page a buyer's phone opens after scanning a parcel: server-rendered, no script, one
 * small inline stylesheet, so it shows at once on a weak rural connection and in any in-app
 * browser. Every text the seller wrote is escaped here; the route adds a CSP that forbids
 * scripts as a second line of defence.
 */
const styles = `
*{box-sizing:border-box}
body{margin:0;background:#f5f4ec;color:#26302a;font:15px/1.6 -apple-system,BlinkMacSystemFont,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",Roboto,sans-serif;-webkit-text-size-adjust:100%}
a{color:#2f7a40}
.top{display:flex;justify-content:space-between;align-items:center;padding:10px 16px;background:#3b8a4c;color:#fff}
.top a{color:#fff;text-decoration:none}
.brand{font-weight:600;letter-spacing:.05em}
.lang{font-size:13px;border:1px solid rgba(255,255,255,.6);border-radius:12px;padding:1px 10px}
main{max-width:640px;margin:0 auto;padding:12px 12px 24px}
.card{background:#fff;border-radius:12px;padding:16px;margin-bottom:12px;box-shadow:0 1px 2px rgba(38,48,42,.06)}
.hero{display:grid;grid-template-columns:auto 1fr;gap:12px;align-items:center}
.cover{width:72px;height:72px;border-radius:8px;object-fit:cover;background:#e8f3e6}
h1{font-size:19px;line-height:1.35;margin:0}
h2{font-size:16px;margin:0 0 10px}
h2 small{font-weight:400;font-size:12px;color:#66706a;margin-left:6px}
.shop{margin:2px 0 0;color:#66706a;font-size:14px}
dl{margin:0;display:grid;grid-template-columns:auto 1fr;gap:6px 14px}
dt{color:#66706a;font-size:13px;padding-top:1px;white-space:nowrap}
dd{margin:0;overflow-wrap:anywhere}
.code{font:600 17px/1.3 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;letter-spacing:.06em}
.pre{white-space:pre-wrap}
.certs{list-style:none;margin:0;padding:0}
.certs li{border:1px solid #cfe3cb;background:#f3f9f1;border-radius:8px;padding:8px 10px;margin-top:8px;font-size:13px}
.certs strong{display:block;color:#2f7a40;font-size:14px}
.muted{color:#66706a;font-size:14px;margin:0}
.tl{list-style:none;margin:0;padding:0 0 0 18px;border-left:2px solid #e8f3e6}
.ev{position:relative;padding:0 0 18px 4px}
.ev:last-child{padding-bottom:0}
.ev::before{content:"";position:absolute;left:-25px;top:6px;width:12px;height:12px;border-radius:50%;background:var(--k);border:2px solid #fff;box-shadow:0 0 0 1px var(--k)}
.kind{display:inline-block;font-size:13px;font-weight:600;color:#fff;background:var(--k);border-radius:4px;padding:0 8px;margin-right:8px}
time{font-size:13px;color:#66706a}
.meta{margin:4px 0 0;font-size:13px;color:#66706a}
.notes{margin:6px 0 0;white-space:pre-wrap;overflow-wrap:anywhere}
.photos{display:grid;grid-template-columns:repeat(3,1fr);gap:6px;margin-top:8px}
.photos img{display:block;width:100%;height:auto;aspect-ratio:1;object-fit:cover;border-radius:6px;background:#e8f3e6}
.reports{margin:8px 0 0;padding-left:18px;font-size:14px}
.k-planting{--k:#5a9e4b}.k-picking{--k:#3b8a4c}.k-processing{--k:#d98e2b}.k-packing{--k:#9a6b3f}.k-inspection{--k:#2f6fb0}.k-other{--k:#7d8780}
footer{font-size:12px;color:#66706a;text-align:center;padding:4px 8px}
footer p{margin:4px 0}
@media (min-width:480px){.photos{grid-template-columns:repeat(4,1fr)}.cover{width:96px;height:96px}}
`
  .replace(/\n/g, '')
  .trim();

interface PageFrame {
  locale: Locale;
  title: string;
  description: string;
  canonical: string;
  /** Where the same page is in the other language. */
  switchHref: string;
  body: string;
  noindex?: boolean;
}

function frame(t: TraceTexts, page: PageFrame): string {
  return html`<!doctype html>
<html lang="${t.htmlLang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${e(page.title)}</title><meta name="description" content="${e(page.description)}"><link rel="canonical" href="${e(page.canonical)}">${page.noindex ? '<meta name="robots" content="noindex">' : ''}<meta name="theme-color" content="#3b8a4c"><link rel="icon" href="data:,"><style>${styles}</style></head>
<body><header class="top"><a class="brand" href="/">${e(t.brand)}</a><a class="lang" href="${e(page.switchHref)}" hreflang="${t.otherLanguage.lang}">${e(t.otherLanguage.label)}</a></header>
<main>${page.body}
<footer><p>${e(t.disclaimer)}</p><p><a href="/">${e(t.home)}</a></p></footer></main></body></html>
`;
}

function files(list: LotFileView[], render: (file: LotFileView, n: number) => string): string {
  return list.map((file, i) => render(file, i + 1)).join('');
}

function event(ev: LotEventView, locale: Locale, t: TraceTexts): string {
  const kind = localized(lotEventKindNames[ev.kind], locale);
  const meta = [ev.place && `${t.place}${t.colon}${ev.place}`, ev.who && `${t.who}${t.colon}${ev.who}`].filter(Boolean).join(' · ');
  const photos = ev.photos.length
    ? html`<div class="photos">${files(
        ev.photos,
        (p, n) =>
          html`<a href="${e(p.url)}"><img src="${e(p.url)}" alt="${e(t.photo(kind, n))}" loading="lazy" decoding="async"${
            p.width && p.height ? ` width="${p.width}" height="${p.height}"` : ''
          }></a>`,
      )}</div>`
    : '';
  const reports = ev.reports.length
    ? html`<ul class="reports">${files(
        ev.reports,
        (r, n) => html`<li><a href="${e(r.url)}" target="_blank" rel="noopener">${e(t.report(n, r.contentType === 'application/pdf'))}</a></li>`,
      )}</ul>`
    : '';
  return html`<li class="ev k-${ev.kind}"><span class="kind">${e(kind)}</span><time datetime="${e(ev.occurredAt)}">${e(
    formatDateTime(ev.occurredAt, locale),
  )}</time>${meta ? html`<p class="meta">${e(meta)}</p>` : ''}${ev.notes ? html`<p class="notes">${e(ev.notes)}</p>` : ''}${photos}${reports}</li>`;
}

export function renderTracePage(view: TraceView, locale: Locale): string {
  const t = traceTexts(locale);
  const { lot, product } = view;
  const harvested = formatDate(lot.harvestDate, locale);
  const unit = localized(lotUnitNames[lot.unit], locale);
  const cover = product.coverUrl ? html`<img class="cover" src="${e(product.coverUrl)}" alt="" width="96" height="96">` : '<span></span>';
  const fact = (label: string, value: string, cls = '') => html`<dt>${e(label)}</dt><dd${cls ? ` class="${cls}"` : ''}>${e(value)}</dd>`;

  const certificates = product.certificates.length
    ? html`<ul class="certs">${product.certificates
        .map(
          (c) =>
            html`<li><strong>${e(localized(certificateNames[c.kind], locale))}</strong>${e(t.certNumber + t.colon + c.number)}<br>${e(
              t.certIssuer + t.colon + c.issuer,
            )}<br>${e(t.certValidUntil + t.colon + formatDate(c.validUntil, locale))}</li>`,
        )
        .join('')}</ul>`
    : html`<p class="muted">${e(t.noCertificates)}</p>`;

  const timeline = view.events.length
    ? html`<ol class="tl">${view.events.map((ev) => event(ev, locale, t)).join('')}</ol>`
    : html`<p class="muted">${e(t.noEvents)}</p>`;

  const body = html`
<section class="card hero">${cover}<div><h1>${e(product.title)}</h1><p class="shop">${e(product.sellerName)}</p></div></section>
<section class="card"><dl>${fact(t.lotCode, lot.code, 'code')}${fact(t.harvested, harvested)}${fact(
    t.quantity,
    `${formatQuantity(lot.quantity, locale)} ${unit}`,
  )}${fact(t.origin, originText(product.origin))}${fact(t.shop, product.sellerName)}${lot.note ? fact(t.note, lot.note, 'pre') : ''}</dl></section>
<section class="card"><h2>${e(t.certificates)}</h2>${certificates}</section>
<section class="card"><h2>${e(t.timeline)}<small>${e(t.timelineZone)}</small></h2>${timeline}</section>`;

  const path = `/trace/${encodeURIComponent(lot.code)}`;
  return frame(t, {
    locale,
    title: t.pageTitle(product.title, lot.code),
    description: t.description(product.title, product.origin.village, product.sellerName, harvested),
    canonical: `${view.links.traceUrl}${locale === 'en' ? '?lang=en' : ''}`,
    switchHref: `${path}?lang=${t.otherLanguage.lang}`,
    body,
  });
}

/** A scanned code that matches nothing still gets a page a person can act on, in the same look. */
export function renderTraceNotFound(code: string, locale: Locale, publicUrl: string): string {
  const t = traceTexts(locale);
  const shown = code.slice(0, 40);
  const path = `/trace/${encodeURIComponent(shown)}`;
  return frame(t, {
    locale,
    title: `${t.notFoundTitle} · ${t.brand}`,
    description: t.notFoundTitle,
    canonical: `${publicUrl.replace(/\/+$/, '')}${path}`,
    switchHref: `${path}?lang=${t.otherLanguage.lang}`,
    noindex: true,
    body: html`
<section class="card"><h1>${e(t.notFoundTitle)}</h1><p>${e(t.notFoundText(shown))}</p><p><a href="/">${e(t.notFoundBack)}</a></p></section>`,
  });
}
