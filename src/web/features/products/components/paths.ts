import { sellerParam } from '../hooks/use-acting-seller';

/** The product list, keeping the member shop a co-op is working on. */
export function listPath(sellerId: string | undefined): string {
  return sellerId ? `/seller/products?${sellerParam}=${encodeURIComponent(sellerId)}` : '/seller/products';
}

/** The editor's address (new or existing), keeping the member shop a co-op is working on. */
export function editorPath(productId: string | undefined, sellerId: string | undefined): string {
  const base = productId ? `/seller/products/${encodeURIComponent(productId)}/edit` : '/seller/products/new';
  return sellerId ? `${base}?${sellerParam}=${encodeURIComponent(sellerId)}` : base;
}
