import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { categoryNames, type ProductBody, type SellerProductListQuery, type SellerProductView } from '../../../contracts/catalog';
import type { Locale } from '../../../contracts/errors';
import type { Bus } from '../../infra/bus/bus';
import type { Clock } from '../../infra/clock';
import type { Db } from '../../infra/db/database';
import { ConflictError, DomainError, NotFoundError, NotOwnerError } from '../../infra/errors';
import { newId } from '../../infra/ids';
import type { CatalogActor, CatalogPorts } from './catalog.ports';
import { products, skus } from './catalog.tables';
import { toSellerView, type ProductRow, type SkuRow } from './product-mappers';
import { foldForSearch } from './search-text';

export type ProductService = ReturnType<typeof createProductService>;

/** The product as its seller (or the seller's co-op) writes it: listing, editing, sale states. */
export function createProductService(deps: { db: Db; clock: Clock; bus: Bus } & CatalogPorts) {
  const { db, clock, bus, claims, certificates, files, sellers, coops } = deps;

  async function canActFor(actor: CatalogActor, sellerId: string): Promise<boolean> {
    if (actor.userId === sellerId) return true;
    return actor.roles.includes('coop') && (await coops.manages(actor.userId, sellerId));
  }

  async function getEditable(actor: CatalogActor, id: string): Promise<ProductRow> {
    const [row] = await db.select().from(products).where(eq(products.id, id));
    if (!row) throw new NotFoundError('PRODUCT_NOT_FOUND');
    if (!(await canActFor(actor, row.sellerId))) throw new NotOwnerError();
    return row;
  }

  async function skusOf(productIds: string[]): Promise<Map<string, SkuRow[]>> {
    const bySku = new Map<string, SkuRow[]>();
    if (!productIds.length) return bySku;
    const rows = await db
      .select()
      .from(skus)
      .where(and(inArray(skus.productId, productIds), eq(skus.archived, false)))
      .orderBy(asc(skus.position));
    for (const row of rows) bySku.set(row.productId, [...(bySku.get(row.productId) ?? []), row]);
    return bySku;
  }

  async function views(rows: ProductRow[]): Promise<SellerProductView[]> {
    const [skuMap, names, images] = await Promise.all([
      skusOf(rows.map((r) => r.id)),
      sellers.shopNames(rows.map((r) => r.sellerId)),
      files.describe(rows.flatMap((r) => r.imageIds)),
    ]);
    return rows.map((row) => toSellerView(row, skuMap.get(row.id) ?? [], names.get(row.sellerId) ?? '', images));
  }

  /** Everything a saved listing must satisfy, checked before anything is written. */
  async function vet(actor: CatalogActor, sellerId: string, body: ProductBody, keptImageIds: readonly string[], locale: Locale) {
    const newImages = body.imageIds.filter((id) => !keptImageIds.includes(id));
    await files.assertUsable(actor.userId, newImages, ['product_image']);
    await certificates.assertOwned(sellerId, body.certificateIds);
    await claims.assertAllowed({ sellerId, certificateIds: body.certificateIds }, claimTexts(body), locale);
  }

  function claimTexts(body: Pick<ProductBody, 'title' | 'description' | 'skus' | 'storage'>): Record<string, string> {
    const texts: Record<string, string> = { '/title': body.title, '/description': body.description, '/storage': body.storage };
    body.skus.forEach((sku, i) => (texts[`/skus/${i}/name`] = sku.name));
    return texts;
  }

  function columns(body: ProductBody, shopName: string) {
    const { origin } = body;
    const category = categoryNames[body.category];
    const searchable = [
      body.title,
      '|',
      category.zh,
      category.en,
      origin.province,
      origin.city,
      origin.county,
      origin.township ?? '',
      origin.village,
      shopName,
      ...body.skus.map((s) => s.name),
    ];
    return {
      title: body.title.trim(),
      description: body.description,
      category: body.category,
      imageIds: body.imageIds,
      certificateIds: body.certificateIds,
      originProvince: origin.province.trim(),
      originCity: origin.city.trim(),
      originCounty: origin.county.trim(),
      originTownship: origin.township?.trim() || null,
      originVillage: origin.village.trim(),
      originLatitude: origin.latitude ?? null,
      originLongitude: origin.longitude ?? null,
      shelfLifeDays: body.shelfLifeDays,
      storage: body.storage.trim(),
      perishable: body.perishable,
      weightGrams: body.weightGrams,
      minPriceFen: Math.min(...body.skus.map((s) => s.priceFen)),
      searchText: foldForSearch(searchable.join(' ')),
    };
  }

  async function resolveOwner(actor: CatalogActor, requested: string | undefined): Promise<string> {
    const sellerId = requested ?? actor.userId;
    if (sellerId === actor.userId) {
      await sellers.assertVerifiedSeller(actor);
      return sellerId;
    }
    if (!(await canActFor(actor, sellerId))) throw new NotOwnerError();
    return sellerId;
  }

  async function shopName(sellerId: string) {
    return (await sellers.shopNames([sellerId])).get(sellerId) ?? '';
  }

  return {
    getEditable,

    async create(actor: CatalogActor, body: ProductBody, locale: Locale): Promise<SellerProductView> {
      const sellerId = await resolveOwner(actor, body.sellerId);
      if (body.skus.some((s) => s.id)) {
        throw new DomainError('VALIDATION_FAILED', 400, {}, [{ path: '/skus', message: 'a new product has no SKU ids yet' }]);
      }
      await vet(actor, sellerId, body, [], locale);
      // Read before the transaction: PGlite has one connection, so a read outside it would wait forever.
      const values = columns(body, await shopName(sellerId));
      const now = clock.now();
      const id = newId('prd');
      await db.transaction(async (tx) => {
        await tx.insert(products).values({ id, sellerId, status: 'draft', ...values, createdAt: now, updatedAt: now });
        await tx.insert(skus).values(
          body.skus.map((sku, position) => ({ id: newId('sku'), productId: id, name: sku.name.trim(), priceFen: sku.priceFen, stock: sku.stock, position, createdAt: now })),
        );
      });
      await bus.publish('product.created', { productId: id, sellerId });
      return this.get(actor, id);
    },

    async update(actor: CatalogActor, id: string, body: ProductBody, locale: Locale): Promise<SellerProductView> {
      const row = await getEditable(actor, id);
      if (row.status === 'removed') throw new ConflictError('PRODUCT_REMOVED');
      if (body.sellerId && body.sellerId !== row.sellerId) throw new NotOwnerError();
      if (row.status === 'on_sale' && !body.imageIds.length) throw new DomainError('PRODUCT_NEEDS_IMAGE', 422);
      const existing = (await skusOf([id])).get(id) ?? [];
      const existingIds = new Set(existing.map((s) => s.id));
      const stranger = body.skus.find((s) => s.id && !existingIds.has(s.id));
      if (stranger?.id) throw new DomainError('SKU_NOT_FOUND', 422, { id: stranger.id });
      await vet(actor, row.sellerId, body, row.imageIds, locale);

      const values = columns(body, await shopName(row.sellerId));
      const now = clock.now();
      await db.transaction(async (tx) => {
        await tx.update(products).set({ ...values, updatedAt: now }).where(eq(products.id, id));
        const kept = new Set(body.skus.flatMap((s) => (s.id ? [s.id] : [])));
        const retired = existing.filter((s) => !kept.has(s.id)).map((s) => s.id);
        if (retired.length) await tx.update(skus).set({ archived: true }).where(inArray(skus.id, retired));
        for (const [position, sku] of body.skus.entries()) {
          const values = { name: sku.name.trim(), priceFen: sku.priceFen, stock: sku.stock, position };
          if (sku.id) await tx.update(skus).set(values).where(eq(skus.id, sku.id));
          else await tx.insert(skus).values({ id: newId('sku'), productId: id, ...values, createdAt: now });
        }
      });
      await bus.publish('product.updated', { productId: id, sellerId: row.sellerId });
      return this.get(actor, id);
    },

    async get(actor: CatalogActor, id: string): Promise<SellerProductView> {
      const [view] = await views([await getEditable(actor, id)]);
      return view!;
    },

    async list(actor: CatalogActor, query: SellerProductListQuery): Promise<SellerProductView[]> {
      const sellerId = query.sellerId ?? actor.userId;
      if (!(await canActFor(actor, sellerId))) throw new NotOwnerError();
      const rows = await db
        .select()
        .from(products)
        .where(and(eq(products.sellerId, sellerId), query.status ? eq(products.status, query.status) : undefined))
        .orderBy(desc(products.id))
        .limit(500);
      return views(rows);
    },

    /** On sale: its claims are checked again, because a certificate may have lapsed since the draft. */
    async publish(actor: CatalogActor, id: string, locale: Locale): Promise<SellerProductView> {
      const row = await getEditable(actor, id);
      if (row.status === 'removed') throw new ConflictError('PRODUCT_REMOVED');
      if (row.status === 'on_sale') throw new ConflictError('PRODUCT_STATUS_CONFLICT', { status: row.status });
      if (!row.imageIds.length) throw new DomainError('PRODUCT_NEEDS_IMAGE', 422);
      const skuRows = (await skusOf([id])).get(id) ?? [];
      await claims.assertAllowed(
        { sellerId: row.sellerId, certificateIds: row.certificateIds },
        claimTexts({ title: row.title, description: row.description, storage: row.storage, skus: skuRows }),
        locale,
      );
      const now = clock.now();
      await db
        .update(products)
        .set({ status: 'on_sale', publishedAt: row.publishedAt ?? now, updatedAt: now })
        .where(and(eq(products.id, id), inArray(products.status, ['draft', 'off_sale'])));
      await bus.publish('product.published', { productId: id, sellerId: row.sellerId });
      return this.get(actor, id);
    },

    async unpublish(actor: CatalogActor, id: string): Promise<SellerProductView> {
      const row = await getEditable(actor, id);
      if (row.status !== 'on_sale') throw new ConflictError('PRODUCT_STATUS_CONFLICT', { status: row.status });
      await db.update(products).set({ status: 'off_sale', updatedAt: clock.now() }).where(and(eq(products.id, id), eq(products.status, 'on_sale')));
      await bus.publish('product.unpublished', { productId: id, sellerId: row.sellerId });
      return this.get(actor, id);
    },

    /** What an order line needs to know of a SKU, from the listing as it is now. */
    async skuFacts(skuId: string) {
      const [row] = await db
        .select({ sku: skus, product: products })
        .from(skus)
        .innerJoin(products, eq(products.id, skus.productId))
        .where(eq(skus.id, skuId));
      if (!row) return undefined;
      return {
        skuId: row.sku.id,
        productId: row.product.id,
        sellerId: row.product.sellerId,
        title: row.product.title,
        skuName: row.sku.name,
        priceFen: row.sku.priceFen,
        onSale: row.product.status === 'on_sale' && !row.sku.archived,
      };
    },

    /** Takes units out of a SKU's stock, all or none; `stock >= 0` holds in the database. */
    async takeStock(skuId: string, quantity: number): Promise<boolean> {
      const taken = await db
        .update(skus)
        .set({ stock: sql`${skus.stock} - ${quantity}` })
        .where(and(eq(skus.id, skuId), sql`${skus.stock} >= ${quantity}`))
        .returning({ id: skus.id });
      return taken.length > 0;
    },

    async returnStock(skuId: string, quantity: number): Promise<void> {
      await db.update(skus).set({ stock: sql`${skus.stock} + ${quantity}` }).where(eq(skus.id, skuId));
    },

    /** Counts units sold, for "sort by sales" and the badge on a listing. */
    async addSales(productId: string, quantity: number): Promise<void> {
      await db
        .update(products)
        .set({ salesCount: sql`${products.salesCount} + ${quantity}` })
        .where(eq(products.id, productId));
    },

    /** The platform takes a listing down (fake goods, a broken promise); the seller is told why. */
    async remove(adminId: string, id: string, reason: string): Promise<void> {
      const [row] = await db
        .update(products)
        .set({ status: 'removed', removedReason: reason.trim(), updatedAt: clock.now() })
        .where(eq(products.id, id))
        .returning({ sellerId: products.sellerId, title: products.title });
      if (!row) throw new NotFoundError('PRODUCT_NOT_FOUND');
      await bus.publish('product.removed', { productId: id, sellerId: row.sellerId, title: row.title, reason: reason.trim(), adminId });
    },

    /** Lifts a removal; the product comes back off sale so the seller decides when to sell again. */
    async restore(adminId: string, id: string): Promise<void> {
      const [row] = await db
        .update(products)
        .set({ status: 'off_sale', removedReason: null, updatedAt: clock.now() })
        .where(and(eq(products.id, id), eq(products.status, 'removed')))
        .returning({ sellerId: products.sellerId });
      if (!row) throw new NotFoundError('PRODUCT_NOT_FOUND');
      await bus.publish('product.restored', { productId: id, sellerId: row.sellerId, adminId });
    },
  };
}
