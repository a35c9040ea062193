export { createFlashSaleService, flashSaleEvents, type FlashSaleEvent, type FlashSaleService } from './flash-sale.service';
export { createOrderService, orderPaid, orderStatusChanged, type OrderPaid, type OrderService } from './order.service';
export { createMemorySaleGate, createRedisSaleGate, type SaleGate } from './sale-gate';
export type { SalesActor, SalesPorts } from './sales.ports';
export { salesRoutes } from './sales.routes';
