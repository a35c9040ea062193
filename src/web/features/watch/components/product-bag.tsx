import { PictureOutline } from 'antd-mobile-icons';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProductCard } from '../../../../contracts/catalog';
import { formatFen } from '../../../lib/money';
import '../../../components/cover-box.css';

/**
 * 直播商品: the products this live sells, in a strip that scrolls sideways; the one the anchor
 * has pinned (讲解中) is marked and scrolled into view.
 */
export function ProductBag({ products, pinnedId }: { products: ProductCard[]; pinnedId?: string | undefined }) {
  const { t } = useTranslation();
  const pinnedRef = useRef<HTMLLIElement>(null);
  useEffect(() => {
    // Sideways only: the page itself must not jump while someone reads the chat.
    const item = pinnedRef.current;
    const strip = item?.parentElement;
    if (!item || !strip) return;
    const left = strip.scrollLeft + item.getBoundingClientRect().left - strip.getBoundingClientRect().left - 16;
    strip.scrollTo({ left, behavior: 'smooth' });
  }, [pinnedId]);
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
            <li key={p.id} ref={p.id === pinnedId ? pinnedRef : undefined}>
              <Link
                to={`/products/${encodeURIComponent(p.id)}`}
                className={`tt-bag-item${p.id === pinnedId ? ' tt-bag-item-pinned' : ''}`}
                aria-current={p.id === pinnedId ? 'true' : undefined}
              >
                <span className="tt-cover-box tt-bag-cover">
                  {p.coverUrl ? <img src={p.coverUrl} alt="" loading="lazy" /> : <PictureOutline aria-hidden="true" />}
                  {p.id === pinnedId && <span className="tt-bag-pinned">{t('watch.room.pinned')}</span>}
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
