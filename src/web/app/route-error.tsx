import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router';

/**
 * Last line of defence for a render or chunk-loading failure (typically a tab left open across
 * a deploy): a full reload fetches the current build.
 */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (import.meta.env.DEV) console.error(error);
  return (
    <div className="tt-full-page" role="alert">
      <p className="tt-full-page-title">{t('errors.crash.title')}</p>
      <p className="tt-full-page-message">{t('errors.crash.subtitle')}</p>
      <button type="button" className="tt-plain-button" onClick={() => window.location.reload()}>
        {t('errors.crash.reload')}
      </button>
    </div>
  );
}
