import { useTranslation } from 'react-i18next';

/** The red LIVE mark with the viewer count, as on every live-commerce app. */
export function LiveBadge({ viewers }: { viewers?: number }) {
  const { t } = useTranslation();
  return (
    <span className="tt-watch-badges">
      <span className="tt-watch-live-badge">
        <span className="tt-watch-live-dot" aria-hidden="true" />
        {t('watch.badgeLive')}
      </span>
      {viewers !== undefined && <span className="tt-watch-viewers">{t('watch.viewers', { n: viewers })}</span>}
    </span>
  );
}
