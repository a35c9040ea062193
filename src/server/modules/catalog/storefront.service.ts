import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type {
  CatalogFacets,
  CertificateBadge,
  ProductCard,
  ProductCategory,
  ProductSearchQuery,
  ProductSearchResult,
  ProductView,
} from '../../../contracts/catalog';
import type { CertificateKind } from '../../../contracts/compliance';
import type { Db } from '../../infra/db/database';
import { NotFoundError } from '../../infra/errors';
import type { CatalogPorts } from './catalog.ports';
import { products, skus } from './catalog.tables';
import { productBasics, toCard, type ProductRow } from './product-mappers';
import { escapeLike, searchTerms } from './search-text';

export type StorefrontService = ReturnType<typeof createStorefrontService>;

/** What buyers read: only listings on sale, with lapsed certified claims withdrawn. */
export function createStorefrontService(deps: { db: Db } & Pick<CatalogPorts, 'claims' | 'certificates' | 'files' | 'sellers'>) {
  const { db, claims, certificates, files, sellers } = deps;

  /** Each product's currently valid certificates among those linked to it. */
  async function badgesOf(rows: ProductRow[]): Promise<Map<string, CertificateBadge[]>> {
    const bySeller = await certificates.validBySeller(rows.map((r) => r.sellerId));
    return new Map(
      rows.map((row) => {
        const linked = new Set(row.certificateIds);
        const valid = (bySeller.get(row.sellerId) ?? []).filter((c) => linked.has(c.id));
        return [row.id, valid.map((c) => ({ id: c.id, kind: c.kind, number: c.number, issuer: c.issuer, validUntil: c.validUntil }))];
      }),
    );
  }

  const kindsOf = (badges: CertificateBadge[] = []) => new Set<CertificateKind>(badges.map((b) => b.kind));

  async function cards(rows: ProductRow[]): Promise<ProductCard[]> {
    const [names, images, badges] = await Promise.all([
      sellers.shopNames(rows.map((r) => r.sellerId)),
      files.describe(rows.flatMap((r) => r.imageIds.slice(0, 1))),
      badgesOf(rows),
    ]);
    return Promise.all(
      rows.map(async (row) => {
        const rowBadges = badges.get(row.id) ?? [];
        const title = await claims.withdrawUnbacked(row.title, kindsOf(rowBadges));
        const cover = row.imageIds[0] ? (images.get(row.imageIds[0])?.url ?? null) : null;
        return toCard(row, names.get(row.sellerId) ?? '', title, cover, [...kindsOf(rowBadges)]);
      }),
    );
  }

  function relevance(terms: string[]): SQL {
    // A hit in the title (before the '|' in search_text) counts double; trigram similarity breaks ties.
    const parts = terms.map(
      (term) =>
        sql`(case when split_part(${products.searchText}, '|', 1) like ${`%${escapeLike(term)}%`} then 2 else 0 end + word_similarity(${term}, ${products.searchText}))`,
    );
    return sql.join(parts, sql` + `);
  }

  const orderings: Record<Exclude<ProductSearchQuery['sort'], undefined>, (terms: string[]) => SQL[]> = {
    relevance: (terms) => (terms.length ? [sql`${relevance(terms)} desc`, desc(products.salesCount), desc(products.id)] : [desc(products.salesCount), desc(products.id)]),
    sales: () => [desc(products.salesCount), desc(products.id)],
    price_asc: () => [asc(products.minPriceFen), desc(products.id)],
    price_desc: () => [desc(products.minPriceFen), desc(products.id)],
    newest: () => [desc(products.publishedAt), desc(products.id)],
  };

  async function view(id: string, options: { onSaleOnly: boolean }): Promise<ProductView> {
    const [row] = await db
      .select()
      .from(products)
      .where(and(eq(products.id, id), options.onSaleOnly ? eq(products.status, 'on_sale') : undefined));
    if (!row) throw new NotFoundError('PRODUCT_NOT_FOUND');
    const [skuRows, names, images, badges] = await Promise.all([
      db.select().from(skus).where(and(eq(skus.productId, id), eq(skus.archived, false))).orderBy(asc(skus.position)),
      sellers.shopNames([row.sellerId]),
      files.describe(row.imageIds),
      badgesOf([row]),
    ]);
    const rowBadges = badges.get(row.id) ?? [];
    const kinds = kindsOf(rowBadges);
    return {
      ...productBasics(row, skuRows, names.get(row.sellerId) ?? '', images),
      title: await claims.withdrawUnbacked(row.title, kinds),
      description: await claims.withdrawUnbacked(row.description, kinds),
      certificates: rowBadges,
      publishedAt: (row.publishedAt ?? row.updatedAt).toISOString(),
    };
  }

  return {
    cards,

    get: (id: string) => view(id, { onSaleOnly: true }),

    /**
     * The product behind a lot, whatever its sale state: a buyer scans a parcel's QR code long
     * after the listing went off sale. Its claims are still held to today's certificates.
     */
    getForTrace: (id: string) => view(id, { onSaleOnly: false }),

    /**
     * Keyword search with pg_trgm: every keyword must occur (a substring match, which also
     * serves two-character Chinese words that trigram similarity alone would miss) or be a close
     * trigram match (typos in pinyin or English).
     */
    async search(query: ProductSearchQuery): Promise<ProductSearchResult> {
      const terms = searchTerms(query.q);
      const page = query.page ?? 1;
      const limit = query.limit ?? 20;
      const conditions: Array<SQL | undefined> = [
        eq(products.status, 'on_sale'),
        query.category ? eq(products.category, query.category) : undefined,
        query.province ? eq(products.originProvince, query.province) : undefined,
        query.county ? eq(products.originCounty, query.county) : undefined,
        query.sellerId ? eq(products.sellerId, query.sellerId) : undefined,
        ...terms.map((term) => sql`(${products.searchText} like ${`%${escapeLike(term)}%`} or ${term} <% ${products.searchText})`),
      ];
      const rows = await db
        .select()
        .from(products)
        .where(and(...conditions))
        .orderBy(...orderings[query.sort ?? 'relevance'](terms))
        .limit(limit + 1)
        .offset((page - 1) * limit);
      return { items: await cards(rows.slice(0, limit)), page, hasMore: rows.length > limit };
    },

    async facets(): Promise<CatalogFacets> {
      const onSale = eq(products.status, 'on_sale');
      const [categories, origins] = await Promise.all([
        db.select({ category: products.category, count: count() }).from(products).where(onSale).groupBy(products.category).orderBy(desc(count())),
        db
          .select({ province: products.originProvince, county: products.originCounty, count: count() })
          .from(products)
          .where(onSale)
          .groupBy(products.originProvince, products.originCounty)
          .orderBy(desc(count()))
          .limit(100),
      ]);
      return { categories: categories.map((c) => ({ category: c.category as ProductCategory, count: c.count })), origins };
    },

    /** Public cards of given products (live rooms and trace pages show what they sell). */
    async cardsByIds(ids: string[]): Promise<Map<string, ProductCard>> {
      if (!ids.length) return new Map();
      const rows = await db.select().from(products).where(and(inArray(products.id, ids), eq(products.status, 'on_sale')));
      return new Map((await cards(rows)).map((card) => [card.id, card]));
    },
  };
}
