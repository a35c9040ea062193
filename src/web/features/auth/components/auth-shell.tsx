import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MobileLanguageSwitch } from '../../../components/mobile/language-switch';

export function AuthShell({ title, subtitle, children }: { title: string; subtitle: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="tt-auth">
      <header className="tt-auth-top">
        <Link to="/" className="tt-auth-brand">
          <span className="tt-logo-mark" aria-hidden="true">
            田
          </span>
          {t('app.fullName')}
        </Link>
        <MobileLanguageSwitch />
      </header>
      <div className="tt-auth-heading">
        <h1>{title}</h1>
        <p>{subtitle}</p>
      </div>
      {children}
    </div>
  );
}
