import { SearchBar } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CategoryChips } from './category-chips';
import { searchPath } from './search-path';
import './shop.css';

/** The home page's way in: a search box and the categories on sale. */
export function ShopHomeSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="tt-shop-home-search">
      <form
        role="search"
        onSubmit={(event) => event.preventDefault()}
        className="tt-shop-searchbar"
      >
        <SearchBar
          placeholder={t('shop.searchPlaceholder')}
          maxLength={50}
          onSearch={(text) => void navigate(searchPath({ q: text.trim() || undefined }))}
          aria-label={t('shop.search')}
        />
      </form>
      <CategoryChips onSelect={(category) => void navigate(searchPath({ category }))} />
    </div>
  );
}
