export { catalogRoutes } from './catalog.routes';
export type { CatalogActor, CatalogPorts } from './catalog.ports';
export { createProductService, type ProductService } from './product.service';
export { createStorefrontService, type StorefrontService } from './storefront.service';
