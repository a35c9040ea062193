import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { IdParams, Ok } from '../../../contracts/common';
import {
  CatalogFacets,
  ProductBody,
  ProductSearchQuery,
  ProductSearchResult,
  ProductView,
  RemoveProductBody,
  SellerProductList,
  SellerProductListQuery,
  SellerProductView,
} from '../../../contracts/catalog';
import { ErrorBody } from '../../../contracts/errors';
import { requireActor } from '../../infra/http/auth';
import type { ProductService } from './product.service';
import type { StorefrontService } from './storefront.service';

const errors = { '4xx': ErrorBody };
// A co-op account manages its member farmers' listings.
const editors = { roles: ['seller', 'coop'] as Array<'seller' | 'coop'> };

export const catalogRoutes: FastifyPluginAsyncTypebox<{ products: ProductService; storefront: StorefrontService }> = async (
  app,
  { products, storefront },
) => {
  app.get(
    '/products',
    {
      config: { public: true },
      schema: { tags: ['catalog'], summary: '搜索商品 Browse and search products', querystring: ProductSearchQuery, response: { 200: ProductSearchResult, ...errors } },
    },
    async (req) => storefront.search(req.query),
  );

  app.get(
    '/products/facets',
    { config: { public: true }, schema: { tags: ['catalog'], summary: '分类与产地 Categories and origins on sale', response: { 200: CatalogFacets, ...errors } } },
    async () => storefront.facets(),
  );

  app.get(
    '/products/:id',
    { config: { public: true }, schema: { tags: ['catalog'], params: IdParams, response: { 200: ProductView, ...errors } } },
    async (req) => storefront.get(req.params.id),
  );

  app.post(
    '/seller/products',
    { config: editors, schema: { tags: ['catalog'], summary: '新建商品（草稿）Create a product as a draft', body: ProductBody, response: { 201: SellerProductView, ...errors } } },
    async (req, reply) => reply.status(201).send(await products.create(requireActor(req), req.body, req.locale)),
  );

  app.get(
    '/seller/products',
    { config: editors, schema: { tags: ['catalog'], querystring: SellerProductListQuery, response: { 200: SellerProductList, ...errors } } },
    async (req) => ({ items: await products.list(requireActor(req), req.query) }),
  );

  app.get(
    '/seller/products/:id',
    { config: editors, schema: { tags: ['catalog'], params: IdParams, response: { 200: SellerProductView, ...errors } } },
    async (req) => products.get(requireActor(req), req.params.id),
  );

  app.put(
    '/seller/products/:id',
    { config: editors, schema: { tags: ['catalog'], params: IdParams, body: ProductBody, response: { 200: SellerProductView, ...errors } } },
    async (req) => products.update(requireActor(req), req.params.id, req.body, req.locale),
  );

  app.post(
    '/seller/products/:id/publish',
    { config: editors, schema: { tags: ['catalog'], summary: '上架 Put on sale', params: IdParams, response: { 200: SellerProductView, ...errors } } },
    async (req) => products.publish(requireActor(req), req.params.id, req.locale),
  );

  app.post(
    '/seller/products/:id/unpublish',
    { config: editors, schema: { tags: ['catalog'], summary: '下架 Take off sale', params: IdParams, response: { 200: SellerProductView, ...errors } } },
    async (req) => products.unpublish(requireActor(req), req.params.id),
  );

  app.post(
    '/admin/products/:id/remove',
    { config: { roles: ['admin'] }, schema: { tags: ['admin'], summary: '平台下架 Remove a listing', params: IdParams, body: RemoveProductBody, response: { 200: Ok, ...errors } } },
    async (req) => {
      await products.remove(requireActor(req).userId, req.params.id, req.body.reason);
      return { ok: true as const };
    },
  );

  app.post(
    '/admin/products/:id/restore',
    { config: { roles: ['admin'] }, schema: { tags: ['admin'], params: IdParams, response: { 200: Ok, ...errors } } },
    async (req) => {
      await products.restore(requireActor(req).userId, req.params.id);
      return { ok: true as const };
    },
  );
};
