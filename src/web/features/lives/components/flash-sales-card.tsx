import { PlusOutlined, StopOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Popconfirm, Progress, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SellerLiveView } from '../../../../contracts/live';
import type { SaleState } from '../../../../contracts/room';
import type { FlashSaleStatus, FlashSaleView } from '../../../../contracts/sales';
import { ConsoleRefreshError } from '../../../components/console/page-states';
import { RefreshButton } from '../../../components/console/refresh-button';
import { errorMessage, fieldErrorsFor } from '../../../lib/form-errors';
import { formatDuration } from '../../../lib/format';
import { fenToYuanText, formatFen } from '../../../lib/money';
import { useNow } from '../../../lib/use-now';
import { useCreateFlashSale } from '../api/create-flash-sale';
import { flashSalesQueryKey, useFlashSales } from '../api/list-flash-sales';
import { useOnSaleProducts } from '../api/list-on-sale-products';
import { useStartFlashSale } from '../api/start-flash-sale';
import { useStopFlashSale } from '../api/stop-flash-sale';
import {
  durationPresets,
  flashQuantityMax,
  flashSaleBody,
  flashSaleSecondsMax,
  flashSaleSecondsMin,
  perBuyerLimitMax,
  saleFigures,
  skuChoices,
  sortSales,
  validFlashPrice,
  type FlashSaleFormValues,
} from './flash-sale-model';

const statusColor: Record<FlashSaleStatus, string> = { ready: 'processing', running: 'red', ended: 'default' };

const formFields = ['skuId', 'priceYuan', 'quantity', 'perBuyerLimit', 'durationSeconds'] as const;

/** 新建秒杀: one SKU of this live, its flash price, how many, how many each, and for how long. */
function CreateSaleModal({ live, open, onClose }: { live: SellerLiveView; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FlashSaleFormValues>();
  const products = useOnSaleProducts();
  const create = useCreateFlashSale();
  const [formError, setFormError] = useState<string>();
  const choices = skuChoices(products.data ?? [], live.productIds);
  const skuId = Form.useWatch('skuId', form);
  const chosen = choices.find((c) => c.skuId === skuId);
  const duration = Form.useWatch('durationSeconds', form);

  const byProduct = new Map<string, typeof choices>();
  for (const c of choices) byProduct.set(c.productId, [...(byProduct.get(c.productId) ?? []), c]);
  const options = [...byProduct.values()].map((skus) => ({
    label: skus[0]!.productTitle,
    title: skus[0]!.productTitle,
    options: skus.map((s) => ({
      value: s.skuId,
      label: t('lives.flash.skuOption', { sku: s.skuName, price: formatFen(s.priceFen), stock: s.stock }),
      disabled: s.stock <= 0,
    })),
  }));

  const close = () => {
    setFormError(undefined);
    form.resetFields();
    onClose();
  };

  const submit = (values: FlashSaleFormValues) => {
    setFormError(undefined);
    create.mutate(flashSaleBody(live.id, values), {
      onSuccess: (sale) => {
        void message.success(t('lives.flash.created', { title: sale.title }));
        close();
      },
      onError: (error) => {
        form.setFields(fieldErrorsFor(error, formFields, { FLASH_SALE_NOT_ENOUGH_STOCK: 'quantity', FLASH_SALE_SKU_NOT_IN_LIVE: 'skuId' }));
        setFormError(errorMessage(error, t('common.requestFailed')));
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t('lives.flash.createTitle')}
      okText={t('lives.flash.create')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={close}
      // Mounted while closed too, so the form instance is always connected and resets cleanly.
      forceRender
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {formError && <Alert type="error" showIcon title={formError} />}
        {products.isError && <Alert type="warning" showIcon title={errorMessage(products.error, t('lives.flash.productsFailed'))} />}
        <Form<FlashSaleFormValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ perBuyerLimit: 1, durationSeconds: 60 }}
          onFinish={submit}
        >
          <Form.Item
            name="skuId"
            label={t('lives.flash.sku')}
            rules={[{ required: true, message: t('lives.flash.skuRequired') }]}
            extra={choices.length === 0 && !products.isPending ? t('lives.flash.noSkus') : undefined}
          >
            <Select
              options={options}
              loading={products.isPending}
              placeholder={t('lives.flash.skuPlaceholder')}
              showSearch={{ optionFilterProp: 'label' }}
              // The list groups options under their product; the chosen one names it too.
              labelRender={({ value, label }) => {
                const sku = choices.find((c) => c.skuId === value);
                return sku ? `${sku.productTitle} · ${String(label)}` : label;
              }}
              onChange={(value: string) => {
                const sku = choices.find((c) => c.skuId === value);
                // A first guess the anchor edits: the listed price, and no more units than in stock.
                if (sku && !form.getFieldValue('priceYuan')) form.setFieldValue('priceYuan', fenToYuanText(sku.priceFen));
                if (sku && (form.getFieldValue('quantity') ?? 0) > sku.stock) form.setFieldValue('quantity', sku.stock);
              }}
            />
          </Form.Item>
          <Space size={12} wrap align="start">
            <Form.Item
              name="priceYuan"
              label={t('lives.flash.price')}
              extra={chosen ? t('lives.flash.listPrice', { price: formatFen(chosen.priceFen) }) : undefined}
              rules={[
                { required: true, message: t('lives.flash.priceRequired') },
                { validator: (_, value: string | undefined) => (!value || validFlashPrice(value) ? Promise.resolve() : Promise.reject(new Error(t('lives.flash.priceInvalid')))) },
              ]}
            >
              <Input prefix="¥" inputMode="decimal" style={{ width: 150 }} placeholder="9.90" />
            </Form.Item>
            <Form.Item
              name="quantity"
              label={t('lives.flash.quantity')}
              extra={chosen ? t('lives.flash.inStock', { n: chosen.stock }) : undefined}
              rules={[{ required: true, message: t('lives.flash.quantityRequired') }]}
            >
              <InputNumber min={1} max={Math.max(1, Math.min(chosen?.stock ?? flashQuantityMax, flashQuantityMax))} precision={0} style={{ width: 130 }} />
            </Form.Item>
            <Form.Item name="perBuyerLimit" label={t('lives.flash.perBuyerLimit')} rules={[{ required: true, message: t('lives.flash.limitRequired') }]}>
              <InputNumber min={1} max={perBuyerLimitMax} precision={0} style={{ width: 110 }} />
            </Form.Item>
          </Space>
          <Form.Item
            name="durationSeconds"
            label={t('lives.flash.duration')}
            extra={t('lives.flash.durationHint', { value: formatDuration((duration ?? 0) * 1000) })}
            rules={[{ required: true, message: t('lives.flash.durationRequired') }]}
          >
            <InputNumber min={flashSaleSecondsMin} max={flashSaleSecondsMax} precision={0} suffix={t('lives.flash.secondsUnit')} style={{ width: 150 }} />
          </Form.Item>
          <Space size={4} wrap style={{ marginTop: -12 }}>
            {durationPresets.map((s) => (
              <Tag.CheckableTag key={s} checked={duration === s} onChange={() => form.setFieldValue('durationSeconds', s)}>
                {s < 60 ? t('lives.console.seconds', { n: s }) : t('lives.flash.minutes', { n: s / 60 })}
              </Tag.CheckableTag>
            ))}
          </Space>
        </Form>
        <Typography.Text type="secondary">{t('lives.flash.createHint')}</Typography.Text>
      </Space>
    </Modal>
  );
}

function SaleRow({ sale, room, otherRunning }: { sale: FlashSaleView; room: SaleState | null; otherRunning: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const start = useStartFlashSale();
  const stop = useStopFlashSale();
  const now = useNow(sale.status === 'running' ? 1_000 : null);
  const figures = saleFigures(sale, room);
  const percent = sale.quantity > 0 ? Math.round((figures.remaining / sale.quantity) * 100) : 0;
  const fail = (error: unknown) => void message.error(errorMessage(error, t('common.requestFailed')));
  const endsIn = figures.endsAt ? Date.parse(figures.endsAt) - now : 0;

  let clock: string;
  if (sale.status === 'ready') clock = t('lives.flash.lasts', { time: formatDuration(sale.durationSeconds * 1000) });
  else if (sale.status === 'running') clock = endsIn > 0 ? t('lives.flash.endsIn', { time: formatDuration(endsIn) }) : t('lives.flash.ending');
  else clock = t('lives.flash.soldUnits', { n: sale.quantity - sale.remaining, quantity: sale.quantity });

  return (
    <li className={`tt-flash-row${sale.status === 'running' ? ' tt-flash-row-running' : ''}`}>
      <div className="tt-flash-row-head">
        <Typography.Text strong ellipsis={{ tooltip: sale.title }} className="tt-flash-title">
          {sale.title}
        </Typography.Text>
        <Tag color={statusColor[sale.status]} style={{ marginInlineEnd: 0 }}>
          {sale.status === 'running' && figures.soldOut ? t('lives.flash.soldOut') : t(`lives.flash.status.${sale.status}`)}
        </Tag>
      </div>
      <div className="tt-flash-row-meta">
        <span className="tt-flash-price">{formatFen(sale.priceFen)}</span>
        <span>{t('lives.flash.limitEach', { n: sale.perBuyerLimit })}</span>
        <span role={sale.status === 'running' ? 'timer' : undefined}>{clock}</span>
      </div>
      <div className="tt-flash-row-stock">
        <Progress
          percent={percent}
          size="small"
          showInfo={false}
          status={sale.status === 'running' ? 'active' : 'normal'}
          strokeColor={sale.status === 'ended' ? undefined : '#e5322d'}
          aria-label={t('lives.flash.stockLabel')}
        />
        <span className="tt-flash-left">
          {t('lives.flash.left', { remaining: figures.remaining, quantity: sale.quantity })}
          {figures.live && (
            <Tooltip title={t('lives.flash.liveHint')}>
              <span className="tt-live-dot tt-flash-live-dot" aria-label={t('lives.flash.liveHint')} />
            </Tooltip>
          )}
        </span>
        {sale.status === 'ready' && (
          <Popconfirm
            title={t('lives.flash.startConfirm')}
            description={<div className="tt-confirm-text">{t('lives.flash.startConfirmText', { time: formatDuration(sale.durationSeconds * 1000) })}</div>}
            okText={t('lives.flash.start')}
            cancelText={t('common.cancel')}
            disabled={otherRunning}
            onConfirm={() => start.mutateAsync(sale.id).then(() => void message.success(t('lives.flash.started')), fail)}
          >
            <Tooltip title={otherRunning ? t('lives.flash.oneAtATime') : undefined}>
              <Button size="small" type="primary" danger icon={<ThunderboltOutlined />} loading={start.isPending} disabled={otherRunning}>
                {t('lives.flash.start')}
              </Button>
            </Tooltip>
          </Popconfirm>
        )}
        {sale.status === 'running' && (
          <Popconfirm
            title={t('lives.flash.stopConfirm')}
            description={<div className="tt-confirm-text">{t('lives.flash.stopConfirmText')}</div>}
            okText={t('lives.flash.stop')}
            okButtonProps={{ danger: true }}
            cancelText={t('lives.flash.keep')}
            onConfirm={() => stop.mutateAsync(sale.id).then(() => void message.success(t('lives.flash.stopped')), fail)}
          >
            <Button size="small" danger icon={<StopOutlined />} loading={stop.isPending}>
              {t('lives.flash.stop')}
            </Button>
          </Popconfirm>
        )}
      </div>
    </li>
  );
}

/**
 * 秒杀: set up flash sales for this live's SKUs, start one when the moment comes, and watch its
 * stock drain through the same room socket the viewers' sale card follows.
 */
export function FlashSalesCard({ live, roomSale }: { live: SellerLiveView; roomSale: SaleState | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sales = useFlashSales(live.id);
  const [creating, setCreating] = useState(false);

  // A sale starting, selling out or ending shows in the room first; the list follows at once.
  const roomKey = roomSale ? `${roomSale.saleId}:${roomSale.soldOut}` : 'none';
  const seenKey = useRef(roomKey);
  useEffect(() => {
    if (seenKey.current === roomKey) return;
    seenKey.current = roomKey;
    void queryClient.invalidateQueries({ queryKey: flashSalesQueryKey(live.id) });
  }, [roomKey, live.id, queryClient]);

  const items = sortSales(sales.data ?? []);
  const running = items.find((s) => s.status === 'running');

  let body;
  if (sales.isPending) body = <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>;
  else if (sales.isError && !sales.data)
    body = (
      <Space orientation="vertical">
        <ConsoleRefreshError error={sales.error} />
        <Button size="small" onClick={() => void sales.refetch()}>
          {t('common.retry')}
        </Button>
      </Space>
    );
  else if (items.length === 0)
    body = (
      <div className="tt-flash-empty">
        <Typography.Text type="secondary">{t('lives.flash.empty')}</Typography.Text>
        <Button type="primary" danger ghost icon={<PlusOutlined />} onClick={() => setCreating(true)} disabled={live.productIds.length === 0}>
          {t('lives.flash.create')}
        </Button>
      </div>
    );
  else
    body = (
      <ul className="tt-flash-list">
        {items.map((sale) => (
          <SaleRow key={sale.id} sale={sale} room={roomSale} otherRunning={running !== undefined && running.id !== sale.id} />
        ))}
      </ul>
    );

  return (
    <Card
      title={
        <span>
          <ThunderboltOutlined style={{ color: '#e5322d' }} /> {t('lives.flash.title')}
        </span>
      }
      size="small"
      extra={
        <Space size={4}>
          <RefreshButton loading={sales.isFetching && !sales.isPending} onRefresh={() => void sales.refetch()} />
          <Button size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)} disabled={live.productIds.length === 0}>
            {t('lives.flash.create')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {live.productIds.length === 0 && <Typography.Text type="secondary">{t('lives.console.noProducts')}</Typography.Text>}
        {sales.isError && sales.data && <ConsoleRefreshError error={sales.error} />}
        {body}
      </Space>
      <CreateSaleModal live={live} open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
