import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProductStatus, SellerProductView } from '../../../../contracts/catalog';

export const productStatuses: readonly ProductStatus[] = ['draft', 'on_sale', 'off_sale', 'removed'];

const statusColor: Record<ProductStatus, string> = { draft: 'default', on_sale: 'success', off_sale: 'warning', removed: 'error' };

/** The listing's state; a platform removal carries its reason, which the seller must see to fix it. */
export function ProductStatusTag({ product }: { product: Pick<SellerProductView, 'status' | 'removedReason'> }) {
  const { t } = useTranslation();
  const tag = (
    <Tag color={statusColor[product.status]} style={{ marginInlineEnd: 0 }}>
      {t(`products.status.${product.status}`)}
    </Tag>
  );
  return product.status === 'removed' && product.removedReason ? <Tooltip title={product.removedReason}>{tag}</Tooltip> : tag;
}
