import { EditOutlined, ExportOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Grid, List, Popconfirm, Segmented, Space, Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { ProductStatus, SellerProductView } from '../../../../contracts/catalog';
import { categoryNames } from '../../../../contracts/catalog-names';
import { ConsoleEmpty, ConsoleError, ConsoleLoading, ConsoleRefreshError } from '../../../components/console/page-states';
import { RefreshButton } from '../../../components/console/refresh-button';
import { useLanguage } from '../../../i18n';
import { errorMessage } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import { formatFenRange } from '../../../lib/money';
import { useSellerProducts } from '../api/list-seller-products';
import { usePublishProduct } from '../api/publish-product';
import { useUnpublishProduct } from '../api/unpublish-product';
import { useActingSeller } from '../hooks/use-acting-seller';
import { MemberPicker } from './member-picker';
import { editorPath } from './paths';
import { ProductCover } from './product-cover';
import { productStatuses, ProductStatusTag } from './product-status';
import '../../../components/console/console-lists.css';
import './products.css';

const statusParam = 'status';

function isStatus(value: string | null): value is ProductStatus {
  return value !== null && (productStatuses as readonly string[]).includes(value);
}

function totalStock(product: SellerProductView): number {
  return product.skus.reduce((sum, sku) => sum + sku.stock, 0);
}

/** Edit, put on / take off sale, open the buyer page: what a seller does to one listing. */
function ProductActions({ product, sellerId, compact }: { product: SellerProductView; sellerId: string | undefined; compact?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const publish = usePublishProduct();
  const unpublish = useUnpublishProduct();
  const size = compact ? 'small' : 'middle';

  const onPublish = () =>
    publish.mutateAsync(product.id).then(
      () => void message.success(t('products.actions.published', { title: product.title })),
      (error: unknown) => void message.error(errorMessage(error, t('common.requestFailed'))),
    );
  const onUnpublish = () =>
    unpublish.mutateAsync(product.id).then(
      () => void message.success(t('products.actions.unpublished', { title: product.title })),
      (error: unknown) => void message.error(errorMessage(error, t('common.requestFailed'))),
    );

  return (
    <Space size={4} wrap>
      <Button
        size={size}
        type="link"
        icon={<EditOutlined />}
        disabled={product.status === 'removed'}
        onClick={() => void navigate(editorPath(product.id, sellerId))}
      >
        {t('common.edit')}
      </Button>
      {(product.status === 'draft' || product.status === 'off_sale') && (
        <Popconfirm
          title={t('products.actions.publishConfirm')}
          description={<div className="tt-confirm-text">{t('products.actions.publishConfirmText', { title: product.title })}</div>}
          okText={t('products.actions.publish')}
          cancelText={t('common.cancel')}
          onConfirm={onPublish}
        >
          <Button size={size} type="link" loading={publish.isPending}>
            {t('products.actions.publish')}
          </Button>
        </Popconfirm>
      )}
      {product.status === 'on_sale' && (
        <>
          <Popconfirm
            title={t('products.actions.unpublishConfirm')}
            description={<div className="tt-confirm-text">{t('products.actions.unpublishConfirmText', { title: product.title })}</div>}
            okText={t('products.actions.unpublish')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={onUnpublish}
          >
            <Button size={size} type="link" danger loading={unpublish.isPending}>
              {t('products.actions.unpublish')}
            </Button>
          </Popconfirm>
          <Button size={size} type="link" icon={<ExportOutlined />} href={`/products/${encodeURIComponent(product.id)}`} target="_blank" rel="noopener">
            {t('products.actions.view')}
          </Button>
        </>
      )}
    </Space>
  );
}

function TitleCell({ product }: { product: SellerProductView }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  return (
    <div className="tt-list-cell">
      <ProductCover url={product.images[0]?.url} alt={product.title} />
      <div className="tt-list-cell-text">
        <Typography.Text strong ellipsis={{ tooltip: product.title }} style={{ maxWidth: 320, display: 'block' }}>
          {product.title}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {categoryNames[product.category][language === 'en' ? 'en' : 'zh']} · {t('products.skuCount', { n: product.skus.length })}
        </Typography.Text>
      </div>
    </div>
  );
}

function RemovedReason({ product }: { product: SellerProductView }) {
  const { t } = useTranslation();
  if (product.status !== 'removed' || !product.removedReason) return null;
  return (
    <Typography.Text type="danger" style={{ fontSize: 12, display: 'block' }}>
      {t('products.removedReason', { reason: product.removedReason })}
    </Typography.Text>
  );
}

export function ProductsPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const wide = screens.md ?? true;
  const [params, setParams] = useSearchParams();
  const rawStatus = params.get(statusParam);
  const status = isStatus(rawStatus) ? rawStatus : undefined;
  const seller = useActingSeller();
  const acting = seller.acting;
  const products = useSellerProducts({ status, sellerId: acting?.sellerId });
  const listEnabled = acting !== undefined;

  const setStatus = (next: string) =>
    setParams(
      (prev) => {
        const updated = new URLSearchParams(prev);
        if (isStatus(next)) updated.set(statusParam, next);
        else updated.delete(statusParam);
        return updated;
      },
      { replace: true },
    );

  const columns: TableProps<SellerProductView>['columns'] = [
    { key: 'product', title: t('products.columns.product'), render: (_, p) => <TitleCell product={p} /> },
    {
      key: 'status',
      title: t('products.columns.status'),
      width: 200,
      render: (_, p) => (
        <>
          <ProductStatusTag product={p} />
          <RemovedReason product={p} />
        </>
      ),
    },
    { key: 'price', title: t('products.columns.price'), width: 150, render: (_, p) => formatFenRange(p.skus.map((s) => s.priceFen)) },
    { key: 'stock', title: t('products.columns.stock'), width: 90, align: 'right', render: (_, p) => totalStock(p) },
    { key: 'sales', title: t('products.columns.sales'), width: 90, align: 'right', dataIndex: 'salesCount' },
    {
      key: 'updated',
      title: t('products.columns.updated'),
      width: 150,
      render: (_, p) => <Typography.Text type="secondary">{formatDateTime(p.updatedAt, language)}</Typography.Text>,
    },
    { key: 'actions', title: t('products.columns.actions'), width: 230, render: (_, p) => <ProductActions product={p} sellerId={acting?.sellerId} compact /> },
  ];

  const items = products.data ?? [];
  let body;
  if (seller.isCoop && seller.members.isError) body = <ConsoleError error={seller.members.error} onRetry={() => void seller.members.refetch()} />;
  else if (!listEnabled) {
    if (seller.unknownMember) body = <Alert type="warning" showIcon title={t('products.member.unknown')} />;
    else if (seller.isCoop && seller.members.isSuccess && seller.activeMembers.length === 0)
      body = <ConsoleEmpty title={t('products.member.noMembers')} description={t('products.member.noMembersHint')} />;
    else body = <ConsoleLoading />;
  } else if (products.isPending) body = <ConsoleLoading />;
  else if (products.isError && !products.data) body = <ConsoleError error={products.error} onRetry={() => void products.refetch()} />;
  else if (items.length === 0) {
    body = status ? (
      <ConsoleEmpty title={t('products.empty.filtered', { status: t(`products.status.${status}`) })}>
        <Button onClick={() => setStatus('all')}>{t('products.filter.showAll')}</Button>
      </ConsoleEmpty>
    ) : (
      <ConsoleEmpty title={t('products.empty.title')} description={t('products.empty.hint')}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate(editorPath(undefined, acting?.sellerId))}>
          {t('products.empty.create')}
        </Button>
      </ConsoleEmpty>
    );
  } else if (wide) {
    body = <Table<SellerProductView> rowKey="id" columns={columns} dataSource={items} pagination={items.length > 20 ? { pageSize: 20 } : false} />;
  } else {
    body = (
      <List<SellerProductView>
        dataSource={items}
        rowKey="id"
        renderItem={(p) => (
          <List.Item className="tt-list-item">
            <div style={{ width: '100%' }}>
              <TitleCell product={p} />
              <div className="tt-list-meta">
                <ProductStatusTag product={p} />
                <span>{formatFenRange(p.skus.map((s) => s.priceFen))}</span>
                <span>{t('products.stockValue', { n: totalStock(p) })}</span>
                <span>{t('products.salesValue', { n: p.salesCount })}</span>
              </div>
              <RemovedReason product={p} />
              <ProductActions product={p} sellerId={acting?.sellerId} compact />
            </div>
          </List.Item>
        )}
      />
    );
  }

  return (
    <Card
      title={acting?.sellerId ? t('products.titleFor', { shop: acting.shopName }) : t('products.title')}
      extra={
        <Space size={4}>
          <RefreshButton loading={products.isFetching && !products.isPending} onRefresh={() => void products.refetch()} disabled={!listEnabled} />
          <Button type="primary" icon={<PlusOutlined />} disabled={!listEnabled} onClick={() => void navigate(editorPath(undefined, acting?.sellerId))}>
            <span className="tt-hide-xs">{t('products.add')}</span>
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {seller.isCoop && (
          <MemberPicker
            isSeller={seller.isSeller}
            ownShopName={seller.ownShopName}
            members={seller.activeMembers}
            loading={seller.members.isPending}
            value={acting?.sellerId}
            onChange={seller.choose}
          />
        )}
        <Segmented
          value={status ?? 'all'}
          onChange={(value) => setStatus(String(value))}
          options={[
            { value: 'all', label: t('products.filter.all') },
            ...productStatuses.map((s) => ({ value: s, label: t(`products.status.${s}`) })),
          ]}
          style={{ maxWidth: '100%', overflowX: 'auto' }}
        />
        {products.isError && products.data && <ConsoleRefreshError error={products.error} />}
        {body}
      </Space>
    </Card>
  );
}
