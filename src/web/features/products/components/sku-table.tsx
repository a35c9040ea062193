import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isYuanText, yuanToFen } from '../../../lib/money';
import { emptySku } from './product-form-model';

export const maxSkus = 20;
const maxPriceFen = 100_000_000;

/**
 * The listing's variants (规格): name, price in yuan, stock. A stored row keeps its hidden `id`
 * so an edit updates that SKU; a removed row is retired by the server.
 */
export function SkuTable({ disabled }: { disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.List
      name="skus"
      rules={[
        {
          validator: async (_, rows: unknown[] | undefined) => {
            if (!rows || rows.length === 0) throw new Error(t('products.editor.skus.atLeastOne'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <div className="tt-sku-table" role="table" aria-label={t('products.editor.sections.skus')}>
          <div className="tt-sku-row tt-sku-head" role="row">
            <span role="columnheader">{t('products.editor.skus.name')}</span>
            <span role="columnheader">{t('products.editor.skus.price')}</span>
            <span role="columnheader">{t('products.editor.skus.stock')}</span>
            <span role="columnheader" className="tt-visually-hidden">
              {t('products.columns.actions')}
            </span>
          </div>
          {fields.map((field, index) => (
            <div key={field.key} className="tt-sku-row" role="row">
              <Form.Item name={[field.name, 'id']} hidden>
                <Input />
              </Form.Item>
              <Form.Item
                name={[field.name, 'name']}
                label={t('products.editor.skus.name')}
                className="tt-sku-cell tt-sku-name"
                rules={[
                  { required: true, whitespace: true, message: t('products.editor.skus.nameRequired') },
                  { max: 30, message: t('products.editor.skus.nameLength') },
                ]}
              >
                <Input placeholder={t('products.editor.skus.namePlaceholder')} maxLength={30} aria-label={t('products.editor.skus.nameN', { n: index + 1 })} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'priceYuan']}
                label={t('products.editor.skus.price')}
                className="tt-sku-cell tt-sku-price"
                rules={[
                  { required: true, whitespace: true, message: t('products.editor.skus.priceRequired') },
                  {
                    validator: async (_, text: string | undefined) => {
                      if (!text || !text.trim()) return;
                      if (!isYuanText(text)) throw new Error(t('products.editor.skus.priceInvalid'));
                      const fen = yuanToFen(text);
                      if (fen < 1 || fen > maxPriceFen) throw new Error(t('products.editor.skus.priceRange'));
                    },
                  },
                ]}
              >
                <Input prefix="¥" inputMode="decimal" placeholder="0.00" aria-label={t('products.editor.skus.priceN', { n: index + 1 })} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'stock']}
                label={t('products.editor.skus.stock')}
                className="tt-sku-cell tt-sku-stock"
                rules={[{ required: true, message: t('products.editor.skus.stockRequired') }]}
              >
                <InputNumber
                  min={0}
                  max={10_000_000}
                  precision={0}
                  style={{ width: '100%' }}
                  inputMode="numeric"
                  aria-label={t('products.editor.skus.stockN', { n: index + 1 })}
                />
              </Form.Item>
              <div className="tt-sku-remove">
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  disabled={disabled || fields.length <= 1}
                  onClick={() => remove(field.name)}
                  aria-label={t('products.editor.skus.removeN', { n: index + 1 })}
                />
              </div>
            </div>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            disabled={disabled || fields.length >= maxSkus}
            onClick={() => add({ ...emptySku })}
            block
          >
            {t('products.editor.skus.add')}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('products.editor.skus.hint', { max: maxSkus })}
          </Typography.Text>
        </div>
      )}
    </Form.List>
  );
}
