import type { Origin } from '../../../contracts/catalog';
import type { Locale } from '../../../contracts/errors';

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Every seller-written text goes through this before it meets HTML, in text and in attributes alike. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (ch) => entities[ch]!);
}

/** Tagged template for HTML whose interpolations are already-safe markup (the caller escapes texts). */
export const html = (strings: TemplateStringsArray, ...parts: Array<string | number>) =>
  strings.reduce((out, s, i) => out + s + (i < parts.length ? String(parts[i]) : ''), '');

const zone = 'Asia/Shanghai';
const dateTimeFormats = {
  'zh-CN': new Intl.DateTimeFormat('zh-CN', { timeZone: zone, dateStyle: 'long', timeStyle: 'short', hourCycle: 'h23' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: zone, dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }),
};
const dateFormats = {
  'zh-CN': new Intl.DateTimeFormat('zh-CN', { timeZone: 'UTC', dateStyle: 'long' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', dateStyle: 'medium' }),
};

/** An instant as people in China read it, whatever the server's own zone. */
export const formatDateTime = (iso: string, locale: Locale) => dateTimeFormats[locale].format(new Date(iso));

/** A calendar date (YYYY-MM-DD) with no zone to shift it. */
export const formatDate = (day: string, locale: Locale) => dateFormats[locale].format(new Date(`${day}T00:00:00Z`));

/** Province down to village, as written on a Chinese address. */
export function originText(origin: Origin, depth: 'full' | 'short' = 'full'): string {
  const parts =
    depth === 'full'
      ? [origin.province, origin.city, origin.county, origin.township ?? '', origin.village]
      : [origin.county, origin.village];
  return parts.filter(Boolean).join(depth === 'full' ? '' : '·');
}

export const formatQuantity = (quantity: number, locale: Locale) =>
  new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: 2 }).format(quantity);
