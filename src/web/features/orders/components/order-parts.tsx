import { Tag } from 'antd-mobile';
import { EnvironmentOutline } from 'antd-mobile-icons';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderStatus, OrderView, ShippingAddress } from '../../../../contracts/sales';
import { formatDuration } from '../../../lib/format';
import { formatFen } from '../../../lib/money';
import { useNow } from '../../../lib/use-now';
import { formatShippingAddress } from './format-address';
import { statusTone, type StatusTone } from './order-status';

const toneColor: Record<StatusTone, string> = {
  waiting: 'warning',
  todo: 'primary',
  moving: 'primary',
  done: 'success',
  closed: 'default',
  refund: 'danger',
};

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={toneColor[statusTone[status]]} fill="outline" round>
      {t(`orders.status.${status}`)}
    </Tag>
  );
}

export function AddressBlock({ address }: { address: ShippingAddress }) {
  const { t } = useTranslation();
  return (
    <section className="tt-section tt-section-body tt-order-address" aria-label={t('orders.detail.address')}>
      <EnvironmentOutline aria-hidden="true" className="tt-order-address-icon" />
      <div>
        <div>
          <strong>{address.receiverName}</strong> <span className="tt-muted">{address.receiverPhone}</span>
        </div>
        <p className="tt-order-address-line">{formatShippingAddress(address)}</p>
      </div>
    </section>
  );
}

export function OrderItems({ order }: { order: Pick<OrderView, 'items' | 'sellerName'> }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="tt-order-seller">{order.sellerName}</div>
      <ul className="tt-order-items" aria-label={t('orders.detail.items')}>
        {order.items.map((item) => (
          <li key={item.skuId} className="tt-order-item">
            <div className="tt-order-item-text">
              <span className="tt-order-item-title">{item.title}</span>
              <span className="tt-muted">{item.skuName}</span>
            </div>
            <div className="tt-order-item-price">
              <span>{formatFen(item.priceFen)}</span>
              <span className="tt-muted">×{item.quantity}</span>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

export function OrderTotals({ order }: { order: Pick<OrderView, 'subtotalFen' | 'discountFen' | 'totalFen'> }) {
  const { t } = useTranslation();
  return (
    <dl className="tt-kv tt-order-totals">
      <dt>{t('orders.detail.subtotal')}</dt>
      <dd>{formatFen(order.subtotalFen)}</dd>
      {order.discountFen > 0 && (
        <>
          <dt>{t('orders.detail.discount')}</dt>
          <dd>-{formatFen(order.discountFen)}</dd>
        </>
      )}
      <dt className="tt-order-total-label">{t('orders.detail.total')}</dt>
      <dd className="tt-order-total">{formatFen(order.totalFen)}</dd>
    </dl>
  );
}

/**
 * Time left to pay, ticking each second. When it runs out the server cancels the order on its
 * next sweep; `onExpire` lets the page ask for the order again then.
 */
export function PayCountdown({ payBy, onExpire }: { payBy: string; onExpire?: () => void }) {
  const { t } = useTranslation();
  const now = useNow(1_000);
  const left = Date.parse(payBy) - now;
  const expired = left <= 0;
  const fired = useRef(false);
  useEffect(() => {
    if (!expired || fired.current) return;
    fired.current = true;
    onExpire?.();
  }, [expired, onExpire]);
  return (
    <span className="tt-order-countdown" role="timer" aria-live="off">
      {expired ? t('orders.pay.expired') : t('orders.pay.timeLeft', { time: formatDuration(left) })}
    </span>
  );
}
