import { useTranslation } from 'react-i18next';
import type { ProductCategory } from '../../../../contracts/catalog';
import { categoryNames } from '../../../../contracts/catalog-names';
import { useLanguage } from '../../../i18n';
import { useCatalogFacets } from '../api/get-facets';

interface CategoryChipsProps {
  value?: ProductCategory | undefined;
  onSelect: (category: ProductCategory | undefined) => void;
  /** Show an "all" chip first (the search page), or only the categories (home). */
  withAll?: boolean;
}

/** The categories that have something on sale, as a row of chips that scrolls sideways. */
export function CategoryChips({ value, onSelect, withAll }: CategoryChipsProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const facets = useCatalogFacets();
  const categories = facets.data?.categories.filter((c) => c.count > 0) ?? [];
  // Chips are a shortcut; while they load (or if they fail) search still works, so show nothing.
  if (categories.length === 0) return null;
  const chip = (key: string, label: string, active: boolean, onClick: () => void) => (
    <button key={key} type="button" className={`tt-chip${active ? ' tt-chip-active' : ''}`} aria-pressed={active} onClick={onClick}>
      {label}
    </button>
  );
  return (
    <nav className="tt-chip-row" aria-label={t('shop.categoriesLabel')}>
      {withAll && chip('all', t('shop.allCategories'), value === undefined, () => onSelect(undefined))}
      {categories.map((c) =>
        chip(c.category, categoryNames[c.category][language === 'en' ? 'en' : 'zh'], value === c.category, () =>
          onSelect(value === c.category && withAll ? undefined : c.category),
        ),
      )}
    </nav>
  );
}
