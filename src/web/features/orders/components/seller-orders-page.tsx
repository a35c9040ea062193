import { InboxOutlined, SendOutlined } from '@ant-design/icons';
import { App, Button, Card, Grid, List, Popconfirm, Segmented, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { OrderStatus, OrderView } from '../../../../contracts/sales';
import { ConsoleEmpty, ConsoleError, ConsoleLoading, ConsoleRefreshError } from '../../../components/console/page-states';
import { RefreshButton } from '../../../components/console/refresh-button';
import { useLanguage } from '../../../i18n';
import { errorMessage } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { formatFen } from '../../../lib/money';
import { useActOnOrder } from '../api/act-on-order';
import { orderListLimit } from '../api/list-my-orders';
import { useSellerOrders } from '../api/list-seller-orders';
import { isOrderStatus, sellerNextAction, sellerStatusFilters, statusTone, type StatusTone } from './order-status';
import { formatShippingAddress } from './format-address';
import '../../../components/console/console-lists.css';
import './orders.css';

const toneColor: Record<StatusTone, string> = {
  waiting: 'gold',
  todo: 'processing',
  moving: 'blue',
  done: 'success',
  closed: 'default',
  refund: 'error',
};

function StatusTag({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={toneColor[statusTone[status]]} style={{ marginInlineEnd: 0 }}>
      {t(`orders.status.${status}`)}
    </Tag>
  );
}

/** 打包 for a paid order, 发货 for a packed one; each is one step, confirmed when it reaches the buyer. */
function OrderAction({ order }: { order: OrderView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const act = useActOnOrder();
  const action = sellerNextAction(order.status);
  if (!action) return null;
  const run = () =>
    act.mutateAsync({ id: order.id, action }).then(
      () => void message.success(t(`orders.seller.done.${action}`)),
      (error: unknown) => void message.error(errorMessage(error, t('common.requestFailed'))),
    );
  if (action === 'pack')
    return (
      <Button size="small" type="primary" ghost icon={<InboxOutlined />} loading={act.isPending} onClick={() => void run()}>
        {t('orders.seller.pack')}
      </Button>
    );
  return (
    <Popconfirm
      title={t('orders.seller.shipConfirm')}
      description={<div className="tt-confirm-text">{t('orders.seller.shipConfirmText', { name: order.address.receiverName })}</div>}
      okText={t('orders.seller.ship')}
      cancelText={t('common.cancel')}
      onConfirm={run}
    >
      <Button size="small" type="primary" icon={<SendOutlined />} loading={act.isPending}>
        {t('orders.seller.ship')}
      </Button>
    </Popconfirm>
  );
}

function OrderCell({ order }: { order: OrderView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <div className="tt-list-cell-text">
      <Typography.Text copyable={{ text: order.id, tooltips: [t('orders.seller.copyId'), t('orders.seller.copied')] }} className="tt-order-id">
        {order.id}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatDateTime(order.createdAt, language)}
        {order.flashSaleId && (
          <Tag color="volcano" bordered={false} style={{ marginInlineStart: 6 }}>
            {t('orders.flashSale')}
          </Tag>
        )}
      </Typography.Text>
    </div>
  );
}

function ItemsCell({ order }: { order: OrderView }) {
  return (
    <ul className="tt-order-lines">
      {order.items.map((item) => (
        <li key={item.skuId}>
          <Typography.Text ellipsis={{ tooltip: item.title }} style={{ maxWidth: 220 }}>
            {item.title}
          </Typography.Text>{' '}
          <Typography.Text type="secondary">
            {item.skuName} ×{item.quantity}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}

function ReceiverCell({ order }: { order: OrderView }) {
  const a = order.address;
  return (
    <div className="tt-list-cell-text">
      <span>
        {a.receiverName} <Typography.Text type="secondary">{a.receiverPhone}</Typography.Text>
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatShippingAddress(a)}
      </Typography.Text>
    </div>
  );
}

const statusParam = 'status';

/** /seller/orders: the shop's orders, newest first; paid ones are packed, then shipped, from here. */
export function SellerOrdersPage() {
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md ?? true;
  const [params, setParams] = useSearchParams();
  const raw = params.get(statusParam);
  const status = isOrderStatus(raw) ? raw : undefined;
  const orders = useSellerOrders(status);

  const setStatus = (next: string) =>
    setParams(
      (prev) => {
        const updated = new URLSearchParams(prev);
        if (isOrderStatus(next)) updated.set(statusParam, next);
        else updated.delete(statusParam);
        return updated;
      },
      { replace: true },
    );

  const columns: TableProps<OrderView>['columns'] = [
    { key: 'order', title: t('orders.seller.columns.order'), width: 240, render: (_, o) => <OrderCell order={o} /> },
    { key: 'items', title: t('orders.seller.columns.items'), render: (_, o) => <ItemsCell order={o} /> },
    { key: 'receiver', title: t('orders.seller.columns.receiver'), width: 260, render: (_, o) => <ReceiverCell order={o} /> },
    { key: 'total', title: t('orders.seller.columns.total'), width: 110, align: 'right', render: (_, o) => <strong>{formatFen(o.totalFen)}</strong> },
    { key: 'status', title: t('orders.seller.columns.status'), width: 100, render: (_, o) => <StatusTag status={o.status} /> },
    {
      key: 'actions',
      title: t('orders.seller.columns.actions'),
      width: 110,
      render: (_, o) => (sellerNextAction(o.status) ? <OrderAction order={o} /> : <Typography.Text type="secondary">—</Typography.Text>),
    },
  ];

  const items = orders.data ?? [];
  let body;
  if (orders.isPending) body = <ConsoleLoading />;
  else if (orders.isError && !orders.data) body = <ConsoleError error={orders.error} onRetry={() => void orders.refetch()} />;
  else if (items.length === 0)
    body = status ? (
      <ConsoleEmpty title={t('orders.seller.emptyFiltered', { status: t(`orders.status.${status}`) })}>
        <Button onClick={() => setStatus('all')}>{t('orders.seller.showAll')}</Button>
      </ConsoleEmpty>
    ) : (
      <ConsoleEmpty title={t('orders.seller.empty')} description={t('orders.seller.emptyHint')} />
    );
  else if (wide) body = <Table<OrderView> rowKey="id" columns={columns} dataSource={items} pagination={items.length > 20 ? { pageSize: 20 } : false} />;
  else
    body = (
      <List<OrderView>
        dataSource={items}
        rowKey="id"
        pagination={items.length > 20 ? { pageSize: 20, size: 'small', align: 'center' } : false}
        renderItem={(o) => (
          <List.Item className="tt-list-item">
            <Space orientation="vertical" size={6} style={{ width: '100%' }}>
              <OrderCell order={o} />
              <ItemsCell order={o} />
              <ReceiverCell order={o} />
              <div className="tt-list-meta">
                <StatusTag status={o.status} />
                <strong>{formatFen(o.totalFen)}</strong>
                <OrderAction order={o} />
              </div>
            </Space>
          </List.Item>
        )}
      />
    );

  return (
    <Card title={t('orders.seller.title')} extra={<RefreshButton loading={orders.isFetching && !orders.isPending} onRefresh={() => void orders.refetch()} />}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Segmented
          value={status ?? 'all'}
          onChange={(value) => setStatus(String(value))}
          options={[
            { value: 'all', label: t('orders.list.all') },
            ...sellerStatusFilters.map((s) => ({ value: s, label: t(`orders.status.${s}`) })),
          ]}
          style={{ maxWidth: '100%', overflowX: 'auto' }}
        />
        {orders.isError && orders.data && <ConsoleRefreshError error={orders.error} />}
        {body}
        {items.length >= orderListLimit && <Typography.Text type="secondary">{t('orders.list.limited', { n: orderListLimit })}</Typography.Text>}
      </Space>
    </Card>
  );
}
