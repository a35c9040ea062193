import { Button, PullToRefresh, Tabs } from 'antd-mobile';
import { RightOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { OrderStatus, OrderView } from '../../../../contracts/sales';
import { FormErrorNotice } from '../../../components/mobile/form-error-notice';
import { MobilePage } from '../../../components/mobile/mobile-page';
import { MobileEmpty, MobileError, MobileLoading } from '../../../components/mobile/page-states';
import { useLanguage } from '../../../i18n';
import { errorMessage } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { formatFen } from '../../../lib/money';
import { orderListLimit, useMyOrders } from '../api/list-my-orders';
import { OrderStatusTag, PayCountdown } from './order-parts';
import { buyerStatusTabs, isOrderStatus, unitCount } from './order-status';
import { orderPath, orderPayPath } from './paths';
import './orders.css';

function OrderCard({ order }: { order: OrderView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const [first, ...rest] = order.items;
  return (
    <article className="tt-section tt-order-card" aria-label={first?.title ?? order.id}>
      <Link to={orderPath(order.id)} className="tt-order-card-link">
        <div className="tt-order-card-top">
          <span className="tt-order-card-seller">{order.sellerName}</span>
          <OrderStatusTag status={order.status} />
        </div>
        {first && (
          <div className="tt-order-card-item">
            <span className="tt-order-item-title">{first.title}</span>
            <span className="tt-muted">
              {first.skuName}
              {rest.length > 0 && ` · ${t('orders.list.moreItems', { n: rest.length })}`}
            </span>
          </div>
        )}
        <div className="tt-order-card-sum">
          <span className="tt-muted">{formatDateTime(order.createdAt, language)}</span>
          <span>
            {t('orders.list.units', { n: unitCount(order.items) })} <strong className="tt-order-card-total">{formatFen(order.totalFen)}</strong>
          </span>
          <RightOutline aria-hidden="true" className="tt-order-card-arrow" />
        </div>
      </Link>
      {order.status === 'created' && order.payBy && (
        <div className="tt-order-card-actions">
          <PayCountdown payBy={order.payBy} />
          <Button size="small" color="primary" onClick={() => void navigate(orderPayPath(order.id))}>
            {t('orders.list.pay')}
          </Button>
        </div>
      )}
    </article>
  );
}

function OrderList({ status }: { status: OrderStatus | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const orders = useMyOrders(status);

  if (orders.isPending) return <MobileLoading rows={6} />;
  if (orders.isError && !orders.data) return <MobileError error={orders.error} onRetry={() => void orders.refetch()} />;
  const items = orders.data;
  return (
    <PullToRefresh
      onRefresh={async () => {
        await orders.refetch();
      }}
      pullingText={t('orders.list.pull')}
      canReleaseText={t('orders.list.release')}
      refreshingText={t('common.loading')}
      completeText={t('orders.list.refreshed')}
    >
      {/* A failed refresh keeps the last list on screen, with one line saying so. */}
      <FormErrorNotice message={orders.isError ? errorMessage(orders.error, t('common.requestFailed')) : undefined} />
      {items.length === 0 ? (
        <section className="tt-section">
          <MobileEmpty
            title={status ? t('orders.list.emptyFiltered', { status: t(`orders.status.${status}`) }) : t('orders.list.empty')}
            description={status ? undefined : t('orders.list.emptyHint')}
          >
            <Button color="primary" fill="outline" onClick={() => void navigate('/live')}>
              {t('orders.list.goLive')}
            </Button>
          </MobileEmpty>
        </section>
      ) : (
        <>
          {items.map((order) => (
            <OrderCard key={order.id} order={order} />
          ))}
          {items.length >= orderListLimit && <p className="tt-muted tt-order-foot">{t('orders.list.limited', { n: orderListLimit })}</p>}
        </>
      )}
    </PullToRefresh>
  );
}

/** 我的订单: every order, newest first, by status in tabs; `?status=` opens one tab (the me page links there). */
export function OrderListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = isOrderStatus(raw) && buyerStatusTabs.includes(raw) ? raw : undefined;

  return (
    <MobilePage title={t('orders.list.title')}>
      <Tabs
        className="tt-order-tabs"
        activeKey={status ?? 'all'}
        onChange={(key) => setParams(key === 'all' ? {} : { status: key }, { replace: true })}
      >
        <Tabs.Tab key="all" title={t('orders.list.all')} />
        {buyerStatusTabs.map((s) => (
          <Tabs.Tab key={s} title={t(`orders.status.${s}`)} />
        ))}
      </Tabs>
      <OrderList key={status ?? 'all'} status={status} />
    </MobilePage>
  );
}
