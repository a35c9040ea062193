import { PictureOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProductCard } from '../../../../contracts/catalog';
import { formatFen } from '../../../lib/money';
import '../../../components/cover-box.css';

/**
 * 直播商品: the products this live sells, in a strip that scrolls sideways. The room gateway will
 * later push which one the host is showing; for now it is the list the anchor picked.
 */
export function ProductBag({ products }: { products: ProductCard[] }) {
  const { t } = useTranslation();
  return (
    <section className="tt-section tt-section-body" aria-labelledby="tt-watch-bag">
      <h2 className="tt-watch-h2" id="tt-watch-bag">
        {t('watch.page.bag')}
        {products.length > 0 && <span className="tt-watch-count">{products.length}</span>}
      </h2>
      {products.length === 0 ? (
        <p className="tt-muted">{t('watch.page.bagEmpty')}</p>
      ) : (
        <ul className="tt-bag-strip">
          {products.map((p) => (
            <li key={p.id}>
              <Link to={`/products/${encodeURIComponent(p.id)}`} className="tt-bag-item">
                <span className="tt-cover-box tt-bag-cover">
                  {p.coverUrl ? <img src={p.coverUrl} alt="" loading="lazy" /> : <PictureOutline aria-hidden="true" />}
                </span>
                <span className="tt-bag-title">{p.title}</span>
                <span className="tt-bag-price">{formatFen(p.minPriceFen)}</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
