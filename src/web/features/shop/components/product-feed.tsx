import { DotLoading, InfiniteScroll, Skeleton } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MobileError } from '../../../components/mobile/page-states';
import { useProductSearch, type ProductSearchFilter } from '../api/search-products';
import { ProductCard } from './product-card';
import '../../../components/mobile/mobile-cards.css';

function FeedSkeleton() {
  const { t } = useTranslation();
  return (
    <div className="tt-card-grid" role="status" aria-label={t('common.loading')}>
      {Array.from({ length: 4 }, (_, i) => (
        <div key={i} className="tt-card tt-shop-card-skeleton">
          <Skeleton animated className="tt-shop-skeleton-cover" />
          <div className="tt-shop-card-body">
            <Skeleton.Paragraph lineCount={2} animated />
          </div>
        </div>
      ))}
    </div>
  );
}

/** A two-column grid of product cards that loads the next page as the buyer nears the end. */
export function ProductFeed({ filter, empty }: { filter: ProductSearchFilter; empty: ReactNode }) {
  const { t } = useTranslation();
  const search = useProductSearch(filter);

  if (search.isPending) return <FeedSkeleton />;
  if (search.isError && !search.data) return <MobileError error={search.error} onRetry={() => void search.refetch()} />;
  const items = search.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <>{empty}</>;

  return (
    <>
      <div className="tt-card-grid">
        {items.map((product) => (
          <ProductCard key={product.id} product={product} />
        ))}
      </div>
      <InfiniteScroll
        hasMore={search.hasNextPage}
        loadMore={async () => {
          const result = await search.fetchNextPage();
          // InfiniteScroll shows its retry link when this rejects.
          if (result.isError) throw result.error;
        }}
      >
        {(hasMore, failed, retry) =>
          failed ? (
            <button type="button" className="tt-link-button" onClick={retry}>
              {t('shop.loadMoreFailed')}
            </button>
          ) : hasMore ? (
            <span className="tt-muted">
              {t('common.loading')}
              <DotLoading />
            </span>
          ) : (
            <span className="tt-muted">{t('shop.noMore')}</span>
          )
        }
      </InfiniteScroll>
    </>
  );
}
