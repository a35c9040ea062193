import type { Language } from '../../../i18n';

export const productParam = 'productId';

export function lotsPath(productId?: string): string {
  return productId ? `/seller/lots?${productParam}=${encodeURIComponent(productId)}` : '/seller/lots';
}

export const lotPath = (lotId: string) => `/seller/lots/${encodeURIComponent(lotId)}`;

/** The public page outside the app, in the console's language (a new tab does not know it otherwise). */
export function tracePagePath(code: string, language: Language): string {
  return `/trace/${encodeURIComponent(code)}${language === 'en' ? '?lang=en' : ''}`;
}

export function labelSheetPath(lotId: string, count: number, language: Language): string {
  return `/api/v1/seller/lots/${encodeURIComponent(lotId)}/labels?count=${count}&lang=${language === 'en' ? 'en' : 'zh'}`;
}
