import { useQueryClient } from '@tanstack/react-query';
import { Button, DotLoading, Result } from 'antd-mobile';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { OrderStatus, OrderView } from '../../../../contracts/sales';
import { FormErrorNotice } from '../../../components/mobile/form-error-notice';
import { MobilePage } from '../../../components/mobile/mobile-page';
import { MobileLoading } from '../../../components/mobile/page-states';
import { useLanguage } from '../../../i18n';
import { errorMessage } from '../../../lib/form-errors';
import { formatFen } from '../../../lib/money';
import { useNow } from '../../../lib/use-now';
import { useOrder } from '../api/get-order';
import { orderQueryKey } from '../api/order-keys';
import { usePayOrder } from '../hooks/use-pay-order';
import { usePaymentWatch } from '../hooks/use-payment-watch';
import { AddressBlock, OrderItems, OrderTotals, PayCountdown } from './order-parts';
import { OrderLoadFailed } from './order-load-failed';
import { orderPath, ordersPath } from './paths';
import './orders.css';

function PayStep({ order }: { order: OrderView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const pay = usePayOrder(order.id, language);
  const now = useNow(1_000);
  const { confirming, closed } = usePaymentWatch(order);
  const expired = order.payBy !== null && Date.parse(order.payBy) <= now;
  const refetch = useCallback(() => void queryClient.invalidateQueries({ queryKey: orderQueryKey(order.id) }), [order.id, queryClient]);

  return (
    <>
      <section className="tt-section tt-section-body tt-pay-head">
        <span className="tt-muted">{t('orders.pay.amount')}</span>
        <strong className="tt-pay-amount">{formatFen(order.totalFen)}</strong>
        {order.payBy && <PayCountdown payBy={order.payBy} onExpire={refetch} />}
        <span className="tt-muted">{t('orders.pay.autoCancel')}</span>
      </section>
      {confirming && (
        <p className="tt-order-confirming" role="status">
          <DotLoading color="primary" /> {t('orders.pay.confirming')}
        </p>
      )}
      {closed && (
        <p className="tt-order-confirming" role="status">
          {t('orders.pay.notPaid')}
        </p>
      )}
      <AddressBlock address={order.address} />
      <section className="tt-section tt-section-body">
        <OrderItems order={order} />
        <OrderTotals order={order} />
      </section>
      <div className="tt-order-bar">
        <FormErrorNotice message={pay.isError ? errorMessage(pay.error, t('common.requestFailed')) : undefined} />
        <Button block color="primary" size="large" loading={pay.isPending} disabled={expired} onClick={() => pay.mutate()}>
          {confirming ? t('orders.pay.payAgain', { amount: formatFen(order.totalFen) }) : t('orders.pay.submit', { amount: formatFen(order.totalFen) })}
        </Button>
        <Button block fill="none" size="small" className="tt-order-later" onClick={() => void navigate(orderPath(order.id), { replace: true })}>
          {t('orders.pay.later')}
        </Button>
      </div>
    </>
  );
}

const paidStatuses: readonly OrderStatus[] = ['paid', 'packed', 'shipped', 'delivered', 'completed'];

/** The order is no longer waiting for money: say what it is, and where to go next. */
function PayOutcome({ order }: { order: OrderView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const paid = paidStatuses.includes(order.status);
  return (
    <section className="tt-section">
      <Result
        status={paid ? 'success' : 'warning'}
        title={paid ? t('orders.pay.paidTitle') : t(`orders.status.${order.status}`)}
        description={paid ? t('orders.pay.paidText', { amount: formatFen(order.totalFen) }) : t(`orders.detail.statusText.${order.status}`)}
      />
      <div className="tt-section-body tt-order-outcome-actions">
        <Button block color="primary" onClick={() => void navigate(orderPath(order.id), { replace: true })}>
          {t('orders.pay.viewOrder')}
        </Button>
        <Button block fill="outline" onClick={() => void navigate(ordersPath)}>
          {t('orders.list.title')}
        </Button>
      </div>
    </section>
  );
}

/** /orders/:id/pay: the step right after buying — what is being paid, and the button to the cashier. */
export function OrderPayPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const order = useOrder(id);

  let body;
  if (order.isPending) body = <MobileLoading rows={6} />;
  else if (order.isError && !order.data) body = <OrderLoadFailed error={order.error} onRetry={() => void order.refetch()} />;
  else body = order.data.status === 'created' ? <PayStep order={order.data} /> : <PayOutcome order={order.data} />;

  return (
    <MobilePage title={t('orders.pay.title')} backTo={orderPath(id)}>
      {body}
    </MobilePage>
  );
}
