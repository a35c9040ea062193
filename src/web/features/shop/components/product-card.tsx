import { PictureOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProductCard as ProductCardData } from '../../../../contracts/catalog';
import { CertificateBadges } from '../../../components/certificate-badges';
import { formatFen } from '../../../lib/money';
import '../../../components/mobile/mobile-cards.css';

/** One product in a feed: cover, title, certificate badges, price, origin and sales. */
export function ProductCard({ product }: { product: ProductCardData }) {
  const { t } = useTranslation();
  return (
    <Link to={`/products/${encodeURIComponent(product.id)}`} className="tt-card">
      <div className="tt-card-cover tt-shop-card-cover">
        {product.coverUrl ? (
          <img src={product.coverUrl} alt="" loading="lazy" />
        ) : (
          <span className="tt-shop-card-nocover" aria-hidden="true">
            <PictureOutline />
          </span>
        )}
      </div>
      <div className="tt-shop-card-body">
        <h3 className="tt-card-title">{product.title}</h3>
        <CertificateBadges kinds={product.certificateKinds} />
        <div className="tt-card-meta">
          {product.origin.county}·{product.origin.village}
        </div>
        <div className="tt-shop-card-foot">
          <span className="tt-shop-price">{formatFen(product.minPriceFen)}</span>
          <span className="tt-shop-sold">{t('shop.sold', { n: product.salesCount })}</span>
        </div>
      </div>
    </Link>
  );
}
