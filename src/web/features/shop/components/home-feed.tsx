import { useTranslation } from 'react-i18next';
import { MobileEmpty } from '../../../components/mobile/page-states';
import { ProductFeed } from './product-feed';
import './shop.css';

const homeFilter = { sort: 'relevance' } as const;

/** The home page's products: best sellers first, loading more as the buyer scrolls. */
export function ShopHomeFeed() {
  const { t } = useTranslation();
  return (
    <section className="tt-shop-feed" aria-labelledby="tt-home-products">
      <h2 className="tt-section-title tt-shop-feed-title" id="tt-home-products">
        {t('shop.feedTitle')}
      </h2>
      <ProductFeed
        filter={homeFilter}
        empty={
          <div className="tt-section">
            <MobileEmpty title={t('shop.feedEmpty')} description={t('shop.feedEmptyHint')} />
          </div>
        }
      />
    </section>
  );
}
