import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderTick } from '../../../lib/room/use-room';

/** How long one "a buyer in Hunan just bought…" line stays. */
const shownMs = 3_500;

/** Recent orders, one at a time: a province and a quantity, never who bought. */
export function OrderTicker({ orders, onShown }: { orders: OrderTick[]; onShown: (seq: number) => void }) {
  const { t } = useTranslation();
  const head = orders[0];
  const seq = head?.seq;
  useEffect(() => {
    if (seq === undefined) return;
    const timer = window.setTimeout(() => onShown(seq), shownMs);
    return () => window.clearTimeout(timer);
  }, [seq, onShown]);
  if (!head) return null;
  return (
    <div key={head.seq} className="tt-room-order" role="status">
      {t('watch.room.order', { province: head.province, quantity: head.quantity, title: head.productTitle })}
    </div>
  );
}
