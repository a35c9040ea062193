import { ExportOutlined, PlusOutlined, QrcodeOutlined, RightOutlined } from '@ant-design/icons';
import { App, Button, Card, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { SellerProductView } from '../../../../contracts/catalog';
import type { LotView } from '../../../../contracts/trace';
import { ConsoleEmpty, ConsoleError, ConsoleLoading } from '../../../components/console/page-states';
import { useLanguage } from '../../../i18n';
import { useLotProducts } from '../api/list-lot-products';
import { useLots } from '../api/list-lots';
import { CreateLotModal } from './create-lot-modal';
import { harvestText, quantityText } from './format-lot';
import { lotPath, productParam, tracePagePath } from './paths';
import './lots.css';

const statusColor: Record<SellerProductView['status'], string> = { draft: 'default', on_sale: 'green', off_sale: 'orange', removed: 'red' };

function LotList({ product }: { product: SellerProductView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const lots = useLots(product.id);
  const [creating, setCreating] = useState(false);
  const removed = product.status === 'removed';

  const createButton = (
    <Button type="primary" icon={<PlusOutlined />} disabled={removed} onClick={() => setCreating(true)}>
      {t('lots.create.button')}
    </Button>
  );

  let body;
  if (lots.isPending) body = <ConsoleLoading />;
  else if (lots.isError) body = <ConsoleError error={lots.error} onRetry={() => void lots.refetch()} />;
  else if (lots.data.length === 0) body = <ConsoleEmpty title={t('lots.list.empty')} description={t('lots.list.emptyText')}>{createButton}</ConsoleEmpty>;
  else
    body = (
      <List<LotView>
        dataSource={lots.data}
        rowKey="id"
        renderItem={(lot) => (
          <List.Item
            className="tt-lot-row"
            onClick={() => void navigate(lotPath(lot.id))}
            actions={[
              <Button
                key="trace"
                type="link"
                size="small"
                icon={<ExportOutlined />}
                href={tracePagePath(lot.code, language)}
                target="_blank"
                rel="noopener"
                aria-label={t('lots.detail.openTrace')}
                onClick={(event) => event.stopPropagation()}
              />,
              <RightOutlined key="open" aria-label={t('lots.list.open')} />,
            ]}
          >
            <List.Item.Meta
              avatar={<QrcodeOutlined style={{ fontSize: 24, color: 'var(--tt-green)' }} />}
              title={<span className="tt-lot-code">{lot.code}</span>}
              description={
                <Space size={[12, 0]} wrap>
                  <span>{t('lots.list.harvested', { date: harvestText(lot.harvestDate, language) })}</span>
                  <span>{quantityText(lot, language)}</span>
                  <span>{t('lots.list.events', { count: lot.eventCount })}</span>
                </Space>
              }
            />
          </List.Item>
        )}
      />
    );

  return (
    <Card title={t('lots.list.title')} extra={lots.data?.length ? createButton : undefined}>
      {body}
      <CreateLotModal
        open={creating}
        productId={product.id}
        productTitle={product.title}
        onClose={() => setCreating(false)}
        onCreated={(lot) => {
          setCreating(false);
          void message.success(t('lots.create.created', { code: lot.code }));
          void navigate(lotPath(lot.id));
        }}
      />
    </Card>
  );
}

/** Pick a product, see its lots, start a new one. */
export function LotsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const products = useLotProducts();
  const [params, setParams] = useSearchParams();

  if (products.isPending) return <ConsoleLoading />;
  if (products.isError) return <ConsoleError error={products.error} onRetry={() => void products.refetch()} />;
  if (products.data.length === 0) {
    return (
      <Card>
        <ConsoleEmpty title={t('lots.noProducts')} description={t('lots.noProductsText')}>
          <Button type="primary" onClick={() => void navigate('/seller/products')}>
            {t('lots.goProducts')}
          </Button>
        </ConsoleEmpty>
      </Card>
    );
  }

  // Newest product first, as the server lists them; a link from the product list names one.
  const selected = products.data.find((p) => p.id === params.get(productParam)) ?? products.data[0]!;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
          {t('lots.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('lots.intro')}</Typography.Paragraph>
        <label htmlFor="tt-lot-product" style={{ display: 'block', marginBottom: 4 }}>
          {t('lots.productLabel')}
        </label>
        <Select<string>
          id="tt-lot-product"
          showSearch={{ optionFilterProp: 'title' }}
          style={{ width: '100%', maxWidth: 480 }}
          value={selected.id}
          placeholder={t('lots.productPlaceholder')}
          onChange={(id) => setParams({ [productParam]: id }, { replace: true })}
          options={products.data.map((p) => ({
            value: p.id,
            title: p.title,
            label: (
              <Space size={6}>
                <span>{p.title}</span>
                <Tag color={statusColor[p.status]} bordered={false}>
                  {t(`lots.productStatus.${p.status}`)}
                </Tag>
              </Space>
            ),
          }))}
        />
      </Card>
      <LotList key={selected.id} product={selected} />
    </Space>
  );
}
