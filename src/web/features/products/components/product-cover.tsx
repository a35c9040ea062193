import { PictureOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import '../../../components/console/console-lists.css';

/** A square thumbnail of the first photo, or a placeholder for a draft without one. */
export function ProductCover({ url, size = 56, alt }: { url: string | undefined; size?: number; alt: string }) {
  const { t } = useTranslation();
  if (!url) {
    return (
      <span className="tt-thumb tt-product-cover tt-product-cover-empty" style={{ width: size, height: size }} role="img" aria-label={t('products.noCover')}>
        <PictureOutlined />
      </span>
    );
  }
  return <img className="tt-thumb tt-product-cover" src={url} alt={alt} width={size} height={size} loading="lazy" />;
}
