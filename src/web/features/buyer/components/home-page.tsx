import { Button } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { MobileLanguageSwitch } from '../../../components/mobile/language-switch';
import { MobileEmpty } from '../../../components/mobile/page-states';
import { useMe } from '../../../lib/auth/get-me';
import { homePathFor } from '../../../lib/roles';

interface HomePageProps {
  /** Filled in by the app from the shop feature (features never import each other): a search box and categories. */
  search?: ReactNode;
  /** The product feed that replaces the "coming soon" section once the shop is wired in. */
  products?: ReactNode;
  /** Lives on air and coming up, from the watch feature; replaces the "coming soon" section. */
  lives?: ReactNode;
}

export function HomePage({ search, products, lives }: HomePageProps = {}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const workbench = me ? homePathFor(me.roles) : '/';

  return (
    <>
      <header className="tt-hero">
        <div className="tt-hero-top">
          <p className="tt-hero-brand">
            <span className="tt-logo-mark" aria-hidden="true">
              田
            </span>
            {t('app.fullName')}
          </p>
          <MobileLanguageSwitch />
        </div>
        <h1 className="tt-hero-tagline">{t('app.tagline')}</h1>
        <p className="tt-hero-text">{t('buyer.home.intro')}</p>
        <div className="tt-hero-actions">
          {me === null && (
            <>
              <Button size="small" shape="rounded" onClick={() => void navigate('/login')}>
                {t('buyer.home.login')}
              </Button>
              <Button size="small" shape="rounded" fill="outline" className="tt-hero-outline" onClick={() => void navigate('/register')}>
                {t('buyer.home.register')}
              </Button>
            </>
          )}
          {me && workbench !== '/' && (
            <Button size="small" shape="rounded" onClick={() => void navigate(workbench)}>
              {t('buyer.home.openWorkbench')}
            </Button>
          )}
        </div>
      </header>
      {search}
      <div className="tt-home-body">
        {lives ?? (
          <section className="tt-section" aria-labelledby="tt-home-lives">
            <h2 className="tt-section-title" id="tt-home-lives">
              {t('buyer.home.livesTitle')}
            </h2>
            <MobileEmpty title={t('buyer.home.livesEmpty')} description={t('buyer.home.livesEmptyHint')} />
          </section>
        )}
        {products ?? (
          <section className="tt-section" aria-labelledby="tt-home-products">
            <h2 className="tt-section-title" id="tt-home-products">
              {t('buyer.home.productsTitle')}
            </h2>
            <MobileEmpty title={t('buyer.home.productsEmpty')} description={t('buyer.home.productsEmptyHint')} />
          </section>
        )}
      </div>
    </>
  );
}
