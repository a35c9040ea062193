import { Type, type Static } from 'typebox';
import { CertificateKind } from './compliance';
import { Id, Timestamp } from './common';

export const ProductCategory = Type.Union([
  Type.Literal('tea'),
  Type.Literal('flower_tea'),
  Type.Literal('fruit'),
  Type.Literal('vegetables'),
  Type.Literal('grain_oil'),
  Type.Literal('mushrooms'),
  Type.Literal('nuts_dried'),
  Type.Literal('honey'),
  Type.Literal('meat_eggs'),
  Type.Literal('aquatic'),
  Type.Literal('specialty'),
  Type.Literal('other'),
]);
export type ProductCategory = Static<typeof ProductCategory>;
export { categoryNames, productCategories } from './catalog-names';

export const ProductStatus = Type.Union([
  Type.Literal('draft'),
  Type.Literal('on_sale'),
  Type.Literal('off_sale'),
  Type.Literal('removed'),
]);
export type ProductStatus = Static<typeof ProductStatus>;

const Place = (maxLength: number) => Type.String({ minLength: 1, maxLength });

/** Where it grew, down to the village; coordinates are optional because many farms have none on record. */
export const Origin = Type.Object(
  {
    province: Place(20),
    city: Place(30),
    county: Place(30),
    township: Type.Optional(Type.String({ maxLength: 30 })),
    village: Place(40),
    latitude: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    longitude: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
  },
  { additionalProperties: false },
);
export type Origin = Static<typeof Origin>;

export const SkuBody = Type.Object(
  {
    /** Present when editing an existing SKU; absent for a new one. */
    id: Type.Optional(Id),
    name: Type.String({ minLength: 1, maxLength: 30, description: '规格，如 250g 罐装' }),
    priceFen: Type.Integer({ minimum: 1, maximum: 100_000_000, description: '价格（分）' }),
    stock: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
  },
  { additionalProperties: false },
);
export type SkuBody = Static<typeof SkuBody>;

const FileIds = (max: number) => Type.Array(Id, { maxItems: max, uniqueItems: true });

export const ProductBody = Type.Object(
  {
    title: Type.String({ minLength: 2, maxLength: 60 }),
    description: Type.String({ maxLength: 2000, default: '' }),
    category: ProductCategory,
    /** Uploaded `product_image` files; the first is the cover. */
    imageIds: FileIds(9),
    origin: Origin,
    shelfLifeDays: Type.Integer({ minimum: 1, maximum: 3650 }),
    storage: Type.String({ maxLength: 100, description: '储存条件，如 密封、避光、冷藏' }),
    /** Fresh goods are exempt from seven-day no-reason returns. */
    perishable: Type.Boolean(),
    /** Shipping weight of one unit with packaging. */
    weightGrams: Type.Integer({ minimum: 1, maximum: 100_000 }),
    /** The seller's certificates that cover this product; only these back its certified claims. */
    certificateIds: Type.Array(Id, { maxItems: 10, uniqueItems: true, default: [] }),
    skus: Type.Array(SkuBody, { minItems: 1, maxItems: 20 }),
    /** A co-op account listing on behalf of one of its member farmers. */
    sellerId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type ProductBody = Static<typeof ProductBody>;

export const SkuView = Type.Object({ id: Id, name: Type.String(), priceFen: Type.Integer(), stock: Type.Integer() });
export type SkuView = Static<typeof SkuView>;

export const ImageView = Type.Object({ id: Id, url: Type.String() });

export const CertificateBadge = Type.Object({
  id: Id,
  kind: CertificateKind,
  number: Type.String(),
  issuer: Type.String(),
  validUntil: Type.String({ format: 'date' }),
});
export type CertificateBadge = Static<typeof CertificateBadge>;

const common = {
  id: Id,
  sellerId: Id,
  sellerName: Type.String(),
  category: ProductCategory,
  images: Type.Array(ImageView),
  origin: Origin,
  shelfLifeDays: Type.Integer(),
  storage: Type.String(),
  perishable: Type.Boolean(),
  weightGrams: Type.Integer(),
  skus: Type.Array(SkuView),
  minPriceFen: Type.Integer(),
  salesCount: Type.Integer(),
};

/** What the seller edits: texts exactly as written, every state, every certificate link. */
export const SellerProductView = Type.Object({
  ...common,
  title: Type.String(),
  description: Type.String(),
  status: ProductStatus,
  removedReason: Type.Union([Type.String(), Type.Null()]),
  certificateIds: Type.Array(Id),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  publishedAt: Type.Union([Timestamp, Type.Null()]),
});
export type SellerProductView = Static<typeof SellerProductView>;

/** What a buyer sees: claims whose certificate has lapsed are withdrawn from the texts. */
export const ProductView = Type.Object({
  ...common,
  title: Type.String(),
  description: Type.String(),
  certificates: Type.Array(CertificateBadge),
  publishedAt: Timestamp,
});
export type ProductView = Static<typeof ProductView>;

export const ProductCard = Type.Object({
  id: Id,
  sellerId: Id,
  sellerName: Type.String(),
  title: Type.String(),
  category: ProductCategory,
  coverUrl: Type.Union([Type.String(), Type.Null()]),
  origin: Type.Object({ province: Type.String(), city: Type.String(), county: Type.String(), village: Type.String() }),
  minPriceFen: Type.Integer(),
  salesCount: Type.Integer(),
  certificateKinds: Type.Array(CertificateKind),
});
export type ProductCard = Static<typeof ProductCard>;

export const ProductSort = Type.Union([
  Type.Literal('relevance'),
  Type.Literal('sales'),
  Type.Literal('price_asc'),
  Type.Literal('price_desc'),
  Type.Literal('newest'),
]);
export type ProductSort = Static<typeof ProductSort>;

export const ProductSearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 50 })),
    category: Type.Optional(ProductCategory),
    province: Type.Optional(Type.String({ maxLength: 20 })),
    county: Type.Optional(Type.String({ maxLength: 30 })),
    sellerId: Type.Optional(Id),
    sort: Type.Optional(ProductSort),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
);
export type ProductSearchQuery = Static<typeof ProductSearchQuery>;

export const ProductSearchResult = Type.Object({
  items: Type.Array(ProductCard),
  page: Type.Integer(),
  hasMore: Type.Boolean(),
});
export type ProductSearchResult = Static<typeof ProductSearchResult>;

export const SellerProductListQuery = Type.Object(
  {
    status: Type.Optional(ProductStatus),
    /** A co-op account reads one member's products. */
    sellerId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type SellerProductListQuery = Static<typeof SellerProductListQuery>;
export const SellerProductList = Type.Object({ items: Type.Array(SellerProductView) });

export const RemoveProductBody = Type.Object(
  { reason: Type.String({ minLength: 2, maxLength: 200 }) },
  { additionalProperties: false },
);

export const OriginFacet = Type.Object({ province: Type.String(), county: Type.String(), count: Type.Integer() });
export const CatalogFacets = Type.Object({
  categories: Type.Array(Type.Object({ category: ProductCategory, count: Type.Integer() })),
  origins: Type.Array(OriginFacet),
});
export type CatalogFacets = Static<typeof CatalogFacets>;
