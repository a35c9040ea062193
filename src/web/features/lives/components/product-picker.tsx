import { PictureOutlined } from '@ant-design/icons';
import { Alert, Button, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SellerProductView } from '../../../../contracts/catalog';
import { formatFenRange } from '../../../lib/money';
import { useOnSaleProducts } from '../api/list-on-sale-products';
import '../../../components/console/console-lists.css';

interface ProductPickerProps {
  /** From Form.Item, so the field's label names the select. */
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
}

function ProductOption({ product }: { product: SellerProductView }) {
  const cover = product.images[0]?.url;
  return (
    <span className="tt-product-option">
      {cover ? (
        <img className="tt-thumb" src={cover} alt="" loading="lazy" />
      ) : (
        <span className="tt-thumb" aria-hidden="true">
          <PictureOutlined />
        </span>
      )}
      <span className="tt-product-option-title">{product.title}</span>
      <span className="tt-product-option-price">{formatFenRange(product.skus.map((s) => s.priceFen))}</span>
    </span>
  );
}

/** The seller's products on sale, searchable by title, shown with cover and price. */
export function ProductPicker({ id, value, onChange }: ProductPickerProps) {
  const { t } = useTranslation();
  const products = useOnSaleProducts();

  if (products.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title={t('lives.editor.productsFailed')}
        action={
          <Button size="small" onClick={() => void products.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  const list = products.data ?? [];
  if (products.isSuccess && list.length === 0) return <Alert type="info" showIcon title={t('lives.editor.productsEmpty')} />;
  const byId = new Map(list.map((p) => [p.id, p]));
  return (
    <Select<string[]>
      mode="multiple"
      id={id}
      value={value}
      onChange={onChange}
      loading={products.isPending}
      placeholder={t('lives.editor.productsPlaceholder')}
      maxCount={50}
      optionFilterProp="title"
      options={list.map((p) => ({ value: p.id, title: p.title, label: p.title }))}
      optionRender={(option) => {
        const product = byId.get(String(option.value));
        return product ? <ProductOption product={product} /> : option.label;
      }}
      style={{ width: '100%' }}
      allowClear
    />
  );
}
