import { PictureOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PinnedProduct } from '../../../../contracts/room';
import { CertificateBadges } from '../../../components/certificate-badges';
import { formatFen } from '../../../lib/money';
import '../../../components/cover-box.css';

/** 讲解中: the product the anchor is showing now, with its price, certificates and the lot to trace. */
export function PinnedCard({ product }: { product: PinnedProduct }) {
  const { t } = useTranslation();
  return (
    <section className="tt-room-pin" aria-label={t('watch.room.pinned')}>
      <Link to={`/products/${encodeURIComponent(product.productId)}`} className="tt-room-pin-main">
        <span className="tt-cover-box tt-room-pin-cover">
          {product.coverUrl ? <img src={product.coverUrl} alt="" /> : <PictureOutline aria-hidden="true" />}
          <span className="tt-room-pin-tag">{t('watch.room.pinned')}</span>
        </span>
        <span className="tt-room-pin-body">
          <span className="tt-room-pin-title">{product.title}</span>
          <CertificateBadges kinds={product.certificateKinds} />
          <span className="tt-room-pin-price">{t('watch.room.priceFrom', { price: formatFen(product.minPriceFen) })}</span>
        </span>
      </Link>
      {product.lotCode && (
        // The trace page is served by the node, not by this app, so this is a plain link.
        <a className="tt-room-pin-lot" href={`/trace/${encodeURIComponent(product.lotCode)}`}>
          {t('watch.room.trace', { code: product.lotCode })}
        </a>
      )}
    </section>
  );
}
