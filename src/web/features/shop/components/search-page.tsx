import { Button, Popup, SearchBar, SideBar } from 'antd-mobile';
import { DownOutline, LeftOutline } from 'antd-mobile-icons';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { ProductSort } from '../../../../contracts/catalog';
import { productCategories } from '../../../../contracts/catalog-names';
import { MobileEmpty } from '../../../components/mobile/page-states';
import { useCatalogFacets } from '../api/get-facets';
import type { ProductSearchFilter } from '../api/search-products';
import { CategoryChips } from './category-chips';
import { ProductFeed } from './product-feed';
import { searchPath } from './search-path';
import './shop.css';

const sorts: readonly ProductSort[] = ['relevance', 'sales', 'price_asc', 'price_desc', 'newest'];

function oneOf<T extends string>(list: readonly T[], value: string | null): T | undefined {
  return value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** The filter as the URL says it; anything unknown is ignored rather than sent to the server. */
function filterFrom(params: URLSearchParams): ProductSearchFilter {
  const text = (name: string, max: number) => params.get(name)?.trim().slice(0, max) || undefined;
  return {
    q: text('q', 50),
    category: oneOf(productCategories, params.get('category')),
    province: text('province', 20),
    county: text('county', 30),
    sort: oneOf(sorts, params.get('sort')),
  };
}

function SortTabs({ value, onChange }: { value: ProductSort; onChange: (sort: ProductSort) => void }) {
  const { t } = useTranslation();
  const priceActive = value === 'price_asc' || value === 'price_desc';
  const tab = (key: string, label: ReactNode, active: boolean, onClick: () => void, extra?: { ariaLabel?: string }) => (
    <button key={key} type="button" role="tab" aria-selected={active} aria-label={extra?.ariaLabel} className={`tt-sort-tab${active ? ' tt-sort-tab-active' : ''}`} onClick={onClick}>
      {label}
    </button>
  );
  return (
    <div className="tt-sort-tabs" role="tablist" aria-label={t('shop.sort.label')}>
      {tab('relevance', t('shop.sort.relevance'), value === 'relevance', () => onChange('relevance'))}
      {tab('sales', t('shop.sort.sales'), value === 'sales', () => onChange('sales'))}
      {tab(
        'price',
        <>
          {t('shop.sort.price')}
          <span className="tt-sort-arrows" aria-hidden="true">
            <span className={value === 'price_asc' ? 'tt-sort-arrow-on' : ''}>▲</span>
            <span className={value === 'price_desc' ? 'tt-sort-arrow-on' : ''}>▼</span>
          </span>
        </>,
        priceActive,
        // Tapping price again flips the direction, as on every shopping app.
        () => onChange(value === 'price_asc' ? 'price_desc' : 'price_asc'),
        { ariaLabel: value === 'price_desc' ? t('shop.sort.priceDesc') : value === 'price_asc' ? t('shop.sort.priceAsc') : t('shop.sort.price') },
      )}
      {tab('newest', t('shop.sort.newest'), value === 'newest', () => onChange('newest'))}
    </div>
  );
}

interface OriginPickerProps {
  province: string | undefined;
  county: string | undefined;
  onChange: (origin: { province?: string | undefined; county?: string | undefined }) => void;
}

/** 产地: a province, then one of its counties that has something on sale. */
function OriginPicker({ province, county, onChange }: OriginPickerProps) {
  const { t } = useTranslation();
  const facets = useCatalogFacets();
  const [open, setOpen] = useState(false);
  const origins = facets.data?.origins ?? [];
  const provinces = [...new Set(origins.map((o) => o.province))];
  const [browsing, setBrowsing] = useState<string | undefined>(province);
  const shown = browsing ?? provinces[0];
  const counties = origins.filter((o) => o.province === shown);
  const choose = (next: { province?: string | undefined; county?: string | undefined }) => {
    onChange(next);
    setOpen(false);
  };
  const label = county ?? province ?? t('shop.origin.label');

  return (
    <>
      <button
        type="button"
        className={`tt-origin-button${province ? ' tt-origin-button-active' : ''}`}
        onClick={() => {
          setBrowsing(province);
          setOpen(true);
        }}
        aria-haspopup="dialog"
        disabled={provinces.length === 0}
      >
        <span>{label}</span>
        <DownOutline aria-hidden="true" />
      </button>
      <Popup visible={open} onMaskClick={() => setOpen(false)} onClose={() => setOpen(false)} bodyStyle={{ borderRadius: '12px 12px 0 0' }} destroyOnClose>
        <div className="tt-origin-popup" role="dialog" aria-label={t('shop.origin.title')}>
          <div className="tt-origin-head">
            <strong>{t('shop.origin.title')}</strong>
            <Button size="small" fill="none" onClick={() => choose({})}>
              {t('shop.origin.any')}
            </Button>
          </div>
          <div className="tt-origin-body">
            <SideBar activeKey={shown ?? null} onChange={(key) => setBrowsing(key)} style={{ '--width': '112px' }}>
              {provinces.map((p) => (
                <SideBar.Item key={p} title={p} />
              ))}
            </SideBar>
            <ul className="tt-origin-counties">
              {shown && (
                <li>
                  <button type="button" className={province === shown && !county ? 'tt-origin-on' : ''} onClick={() => choose({ province: shown })}>
                    {t('shop.origin.wholeProvince', { province: shown })}
                  </button>
                </li>
              )}
              {counties.map((o) => (
                <li key={o.county}>
                  <button type="button" className={county === o.county && province === o.province ? 'tt-origin-on' : ''} onClick={() => choose({ province: o.province, county: o.county })}>
                    {o.county}
                    <span className="tt-muted"> {t('shop.origin.count', { n: o.count })}</span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        </div>
      </Popup>
    </>
  );
}

/** /search?q=&category=&province=&county=&sort=: results that load as the buyer scrolls. */
export function SearchPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const filter = filterFrom(params);
  const sort = filter.sort ?? 'relevance';
  const filtered = Boolean(filter.category || filter.province || filter.county);

  const go = (changes: Partial<ProductSearchFilter>) => void navigate(searchPath({ ...filter, ...changes }), { replace: true });
  const goBack = () => {
    if (typeof window.history.state?.idx === 'number' && window.history.state.idx > 0) void navigate(-1);
    else void navigate('/');
  };

  return (
    <div className="tt-mobile-page">
      <header className="tt-search-head">
        <button type="button" className="tt-icon-button" onClick={goBack} aria-label={t('shop.back')}>
          <LeftOutline />
        </button>
        <form role="search" className="tt-shop-searchbar tt-search-form" onSubmit={(event) => event.preventDefault()}>
          <SearchBar
            // Remount on a new query so the box shows what is being searched, even after back/forward.
            key={filter.q ?? ''}
            defaultValue={filter.q ?? ''}
            placeholder={t('shop.searchPlaceholder')}
            maxLength={50}
            onSearch={(text) => go({ q: text.trim() || undefined })}
            onClear={() => go({ q: undefined })}
            aria-label={t('shop.search')}
          />
        </form>
      </header>
      <div className="tt-search-tools">
        <SortTabs value={sort} onChange={(next) => go({ sort: next === 'relevance' ? undefined : next })} />
        <div className="tt-search-filters">
          <CategoryChips withAll value={filter.category} onSelect={(category) => go({ category })} />
          <OriginPicker province={filter.province} county={filter.county} onChange={(origin) => go({ province: origin.province, county: origin.county })} />
        </div>
      </div>
      <main className="tt-mobile-content tt-search-results">
        <ProductFeed
          filter={filter}
          empty={
            <div className="tt-section">
              <MobileEmpty title={t('shop.results.empty')} description={t('shop.results.emptyHint')}>
                {filtered && (
                  <Button color="primary" fill="outline" onClick={() => go({ category: undefined, province: undefined, county: undefined })}>
                    {t('shop.results.clearFilters')}
                  </Button>
                )}
              </MobileEmpty>
            </div>
          }
        />
      </main>
    </div>
  );
}
