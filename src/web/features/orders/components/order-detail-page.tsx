import { useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, DotLoading, Steps, Tag, Toast } from 'antd-mobile';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { OrderHistoryEntry, OrderView } from '../../../../contracts/sales';
import { FormErrorNotice } from '../../../components/mobile/form-error-notice';
import { MobilePage } from '../../../components/mobile/mobile-page';
import { MobileLoading } from '../../../components/mobile/page-states';
import { useLanguage } from '../../../i18n';
import { errorMessage } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { formatFen } from '../../../lib/money';
import { useNow } from '../../../lib/use-now';
import { useCancelOrder } from '../api/cancel-order';
import { useOrder } from '../api/get-order';
import { orderQueryKey } from '../api/order-keys';
import { forgetPaymentStarted, startedPayment } from '../api/order-polling';
import { usePayOrder } from '../hooks/use-pay-order';
import { usePaymentWatch } from '../hooks/use-payment-watch';
import { OrderLoadFailed } from './order-load-failed';
import { AddressBlock, OrderItems, OrderTotals, PayCountdown } from './order-parts';
import { statusTone } from './order-status';
import { ordersPath } from './paths';
import './orders.css';

const actors = ['buyer', 'seller', 'system', 'payment', 'admin'] as const;
type Actor = (typeof actors)[number];
const isActor = (by: string): by is Actor => (actors as readonly string[]).includes(by);

function StatusHead({ order }: { order: OrderView }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { confirming, closed } = usePaymentWatch(order);
  const refetch = useCallback(() => void queryClient.invalidateQueries({ queryKey: orderQueryKey(order.id) }), [order.id, queryClient]);
  return (
    <section className={`tt-order-head tt-order-head-${statusTone[order.status]}`} aria-live="polite">
      <h1 className="tt-order-head-title">{t(`orders.status.${order.status}`)}</h1>
      {order.status === 'created' && order.payBy ? (
        <p className="tt-order-head-text">
          <PayCountdown payBy={order.payBy} onExpire={refetch} /> · {t('orders.pay.autoCancel')}
        </p>
      ) : (
        <p className="tt-order-head-text">{t(`orders.detail.statusText.${order.status}`)}</p>
      )}
      {confirming && (
        <p className="tt-order-head-text" role="status">
          <DotLoading color="currentColor" /> {t('orders.pay.confirming')}
        </p>
      )}
      {closed && (
        <p className="tt-order-head-text" role="status">
          {t('orders.pay.notPaid')}
        </p>
      )}
    </section>
  );
}

function History({ history }: { history: OrderHistoryEntry[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const entries = [...history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  if (entries.length === 0) return null;
  return (
    <section className="tt-section tt-section-body" aria-labelledby="tt-order-history">
      <h2 className="tt-order-h2" id="tt-order-history">
        {t('orders.detail.history')}
      </h2>
      <Steps direction="vertical" current={entries.length - 1} className="tt-order-steps">
        {entries.map((entry, index) => (
          <Steps.Step
            key={`${entry.at}-${index}`}
            title={t(`orders.status.${entry.to}`)}
            description={
              <>
                <span>
                  {formatDateTime(entry.at, language)} · {isActor(entry.by) ? t(`orders.detail.by.${entry.by}`) : entry.by}
                </span>
                {entry.note && <span className="tt-order-step-note">{entry.note}</span>}
              </>
            }
          />
        ))}
      </Steps>
    </section>
  );
}

function OrderFacts({ order }: { order: OrderView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <section className="tt-section tt-section-body" aria-labelledby="tt-order-facts">
      <h2 className="tt-order-h2" id="tt-order-facts">
        {t('orders.detail.facts')}
      </h2>
      <dl className="tt-kv tt-order-facts">
        <dt>{t('orders.detail.number')}</dt>
        <dd className="tt-order-number">{order.id}</dd>
        <dt>{t('orders.detail.createdAt')}</dt>
        <dd>{formatDateTime(order.createdAt, language)}</dd>
        {order.paidAt && (
          <>
            <dt>{t('orders.detail.paidAt')}</dt>
            <dd>{formatDateTime(order.paidAt, language)}</dd>
          </>
        )}
        {order.flashSaleId && (
          <>
            <dt>{t('orders.detail.source')}</dt>
            <dd>
              <Tag color="danger" fill="outline">
                {t('orders.flashSale')}
              </Tag>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

/** 取消订单 and 去支付, while the order waits for its money. */
function UnpaidBar({ order }: { order: OrderView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const pay = usePayOrder(order.id, language);
  const cancel = useCancelOrder();
  const now = useNow(5_000);
  const expired = order.payBy !== null && Date.parse(order.payBy) <= now;

  const confirmCancel = async () => {
    const ok = await Dialog.confirm({
      content: t('orders.detail.cancelConfirm'),
      confirmText: t('orders.detail.cancel'),
      cancelText: t('orders.detail.keep'),
    });
    if (!ok) return;
    cancel.mutate(order.id, {
      onSuccess: () => {
        forgetPaymentStarted(order.id);
        Toast.show({ icon: 'success', content: t('orders.detail.cancelled') });
      },
      onError: (error) => Toast.show({ icon: 'fail', content: errorMessage(error, t('common.requestFailed')) }),
    });
  };

  return (
    <div className="tt-order-bar">
      <FormErrorNotice message={pay.isError ? errorMessage(pay.error, t('common.requestFailed')) : undefined} />
      <div className="tt-order-bar-buttons">
        <Button fill="outline" loading={cancel.isPending} disabled={pay.isPending} onClick={() => void confirmCancel()}>
          {t('orders.detail.cancel')}
        </Button>
        <Button color="primary" loading={pay.isPending} disabled={expired || cancel.isPending} onClick={() => pay.mutate()}>
          {t('orders.pay.submit', { amount: formatFen(order.totalFen) })}
        </Button>
      </div>
    </div>
  );
}

/** When a payment started from this tab is settled, the page says so once and stops waiting. */
function usePaymentOutcome(order: OrderView | undefined) {
  const { t } = useTranslation();
  const announced = useRef(false);
  useEffect(() => {
    if (!order || order.status === 'created' || startedPayment(order.id) === undefined) return;
    forgetPaymentStarted(order.id);
    if (order.paidAt !== null && !announced.current) {
      announced.current = true;
      Toast.show({ icon: 'success', content: t('orders.pay.paidTitle') });
    }
  }, [order, t]);
}

function OrderDetail({ order }: { order: OrderView }) {
  return (
    <>
      <StatusHead order={order} />
      <AddressBlock address={order.address} />
      <section className="tt-section tt-section-body">
        <OrderItems order={order} />
        <OrderTotals order={order} />
      </section>
      <OrderFacts order={order} />
      <History history={order.history} />
      {order.status === 'created' && <UnpaidBar order={order} />}
    </>
  );
}

/** /orders/:id: one order, from the tap in the live room to the parcel at the door. */
export function OrderDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const order = useOrder(id);
  usePaymentOutcome(order.data);

  let body;
  if (order.isPending) body = <MobileLoading rows={8} />;
  else if (order.isError && !order.data) body = <OrderLoadFailed error={order.error} onRetry={() => void order.refetch()} />;
  else body = <OrderDetail order={order.data} />;

  return (
    <MobilePage title={t('orders.detail.title')} backTo={ordersPath}>
      {body}
    </MobilePage>
  );
}
