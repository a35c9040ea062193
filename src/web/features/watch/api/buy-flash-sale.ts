import { idempotencyHeader, type FlashBuyBody, type FlashBuyResult } from '../../../../contracts/sales';
import { api } from '../../../lib/api-client';

/**
 * 抢购: one tap in the room. The key makes a retry safe: the server answers it with the order the
 * first attempt placed, if it placed one. 409s (sold out, limit, not running) carry their message.
 */
export function buyFlashSale(saleId: string, body: FlashBuyBody, idempotencyKey: string): Promise<FlashBuyResult> {
  return api.post<FlashBuyResult>(`/flash-sales/${encodeURIComponent(saleId)}/orders`, body, { headers: { [idempotencyHeader]: idempotencyKey } });
}
