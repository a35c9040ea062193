export { createFlashSaleService, flashSaleEvents, type FlashSaleEvent, type FlashSaleService } from './flash-sale.service';
export { createOrderService, orderPaid, orderStatusChanged, type OrderPaid, type OrderService } from './order.service';
export { createMemorySaleGate, createRedisSaleGate, type SaleGate } from './sale-gate';
export type { SalesActor, SalesPorts } from './sales.ports';
export { salesRoutes } from './sales.routes';
export { createCheckoutService, type CheckoutService } from './checkout.service';
export { checkoutRoutes } from './checkout.routes';
export { createCouponService, type CouponService } from './coupon.service';
