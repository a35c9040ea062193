import { useTranslation } from 'react-i18next';

// Plain markup on purpose: these show before either UI kit has been downloaded.

export function FullPageSpinner() {
  const { t } = useTranslation();
  return (
    <div className="tt-full-page" role="status" aria-live="polite">
      <span className="tt-spinner" aria-hidden="true" />
      <span className="tt-visually-hidden">{t('common.loading')}</span>
    </div>
  );
}

export function FullPageError({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="tt-full-page" role="alert">
      <p className="tt-full-page-title">{t('common.loadFailed')}</p>
      <p className="tt-full-page-message">{message}</p>
      <button type="button" className="tt-plain-button" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  );
}
