import type { Origin, ProductCard, ProductCategory, ProductStatus, SellerProductView, SkuView } from '../../../contracts/catalog';
import type { StoredImage } from './catalog.ports';
import type { products, skus } from './catalog.tables';

export type ProductRow = typeof products.$inferSelect;
export type SkuRow = typeof skus.$inferSelect;

export function originOf(row: ProductRow): Origin {
  return {
    province: row.originProvince,
    city: row.originCity,
    county: row.originCounty,
    ...(row.originTownship ? { township: row.originTownship } : {}),
    village: row.originVillage,
    ...(row.originLatitude !== null ? { latitude: row.originLatitude } : {}),
    ...(row.originLongitude !== null ? { longitude: row.originLongitude } : {}),
  };
}

export const toSkuView = (sku: SkuRow): SkuView => ({ id: sku.id, name: sku.name, priceFen: sku.priceFen, stock: sku.stock });

export function imagesOf(row: ProductRow, images: Map<string, StoredImage>) {
  return row.imageIds.flatMap((id) => {
    const image = images.get(id);
    return image ? [{ id, url: image.url }] : [];
  });
}

/** The parts every view of a product shares. */
export function productBasics(row: ProductRow, skuRows: SkuRow[], sellerName: string, images: Map<string, StoredImage>) {
  return {
    id: row.id,
    sellerId: row.sellerId,
    sellerName,
    category: row.category as ProductCategory,
    images: imagesOf(row, images),
    origin: originOf(row),
    shelfLifeDays: row.shelfLifeDays,
    storage: row.storage,
    perishable: row.perishable,
    weightGrams: row.weightGrams,
    skus: skuRows.map(toSkuView),
    minPriceFen: row.minPriceFen,
    salesCount: row.salesCount,
  };
}

export function toSellerView(row: ProductRow, skuRows: SkuRow[], sellerName: string, images: Map<string, StoredImage>): SellerProductView {
  return {
    ...productBasics(row, skuRows, sellerName, images),
    title: row.title,
    description: row.description,
    status: row.status as ProductStatus,
    removedReason: row.removedReason,
    certificateIds: row.certificateIds,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}

export function toCard(
  row: ProductRow,
  sellerName: string,
  title: string,
  coverUrl: string | null,
  certificateKinds: ProductCard['certificateKinds'],
): ProductCard {
  return {
    id: row.id,
    sellerId: row.sellerId,
    sellerName,
    title,
    category: row.category as ProductCategory,
    coverUrl,
    origin: { province: row.originProvince, city: row.originCity, county: row.originCounty, village: row.originVillage },
    minPriceFen: row.minPriceFen,
    salesCount: row.salesCount,
    certificateKinds,
  };
}
