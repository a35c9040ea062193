import { PlayOutline } from 'antd-mobile-icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LiveView } from '../../../../contracts/live';
import { useLanguage } from '../../../i18n';
import { formatDateTime } from '../../../lib/format';
import { formatDuration } from '../../../lib/format';
import { LiveBadge } from './live-badge';
import '../../../components/mobile/mobile-cards.css';

/** One live in a list: cover with what state it is in, title, and the farm behind it. */
export function LiveCard({ live, className }: { live: LiveView; className?: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const duration = live.recordings[0]?.durationMs;
  return (
    <Link to={`/lives/${encodeURIComponent(live.id)}`} className={`tt-card ${className ?? ''}`}>
      <div className="tt-card-cover tt-watch-card-cover">
        {live.coverUrl ? (
          <img src={live.coverUrl} alt="" loading="lazy" />
        ) : (
          <span className="tt-watch-card-nocover" aria-hidden="true">
            <PlayOutline />
          </span>
        )}
        <span className="tt-watch-card-overlay">
          {live.status === 'live' && <LiveBadge viewers={live.viewers} />}
          {live.status === 'scheduled' && (
            <span className="tt-watch-chip">{t('watch.startsAt', { time: formatDateTime(live.scheduledAt, language) })}</span>
          )}
          {live.status === 'ended' && (
            <span className="tt-watch-chip">
              {t('watch.replay')}
              {duration ? ` · ${formatDuration(duration)}` : ''}
            </span>
          )}
        </span>
      </div>
      <div className="tt-watch-card-body">
        <h3 className="tt-card-title">{live.title}</h3>
        <span className="tt-card-meta">{live.sellerName}</span>
      </div>
    </Link>
  );
}
