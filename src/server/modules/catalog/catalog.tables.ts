import { sql } from 'drizzle-orm';
import { boolean, check, doublePrecision, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const products = pgTable(
  'products',
  {
    id: text('id').primaryKey(),
    sellerId: text('seller_id').notNull(),
    status: text('status').notNull().default('draft'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    category: text('category').notNull(),
    imageIds: jsonb('image_ids').$type<string[]>().notNull().default([]),
    certificateIds: jsonb('certificate_ids').$type<string[]>().notNull().default([]),
    originProvince: text('origin_province').notNull(),
    originCity: text('origin_city').notNull(),
    originCounty: text('origin_county').notNull(),
    originTownship: text('origin_township'),
    originVillage: text('origin_village').notNull(),
    originLatitude: doublePrecision('origin_latitude'),
    originLongitude: doublePrecision('origin_longitude'),
    shelfLifeDays: integer('shelf_life_days').notNull(),
    storage: text('storage').notNull(),
    perishable: boolean('perishable').notNull(),
    weightGrams: integer('weight_grams').notNull(),
    // Kept with the product so sorting a search by price needs no join over the SKUs.
    minPriceFen: integer('min_price_fen').notNull(),
    salesCount: integer('sales_count').notNull().default(0),
    // Title, category names and origin folded to simplified lower case: what keyword search matches.
    searchText: text('search_text').notNull(),
    removedReason: text('removed_reason'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    publishedAt: ts('published_at'),
  },
  (t) => [
    check('products_status', sql`${t.status} in ('draft', 'on_sale', 'off_sale', 'removed')`),
    check('products_weight', sql`${t.weightGrams} > 0`),
    index('products_seller').on(t.sellerId, t.id),
    index('products_on_sale').on(t.category, t.publishedAt).where(sql`${t.status} = 'on_sale'`),
    index('products_origin').on(t.originProvince, t.originCounty).where(sql`${t.status} = 'on_sale'`),
    index('products_search').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

export const skus = pgTable(
  'skus',
  {
    id: text('id').primaryKey(),
    productId: text('product_id')
      .notNull()
      .references(() => products.id),
    name: text('name').notNull(),
    priceFen: integer('price_fen').notNull(),
    stock: integer('stock').notNull(),
    position: integer('position').notNull(),
    // A SKU that orders may point at is retired, never deleted.
    archived: boolean('archived').notNull().default(false),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    check('skus_price', sql`${t.priceFen} > 0`),
    check('skus_stock', sql`${t.stock} >= 0`),
    index('skus_product').on(t.productId, t.position),
  ],
);
