import { useTranslation } from 'react-i18next';
import { MobileEmpty, MobileError, MobileLoading } from '../../../components/mobile/page-states';
import { useLives } from '../api/list-lives';
import { LiveCard } from './live-card';
import '../../../components/mobile/mobile-cards.css';
import './watch.css';

function Replays() {
  const { t } = useTranslation();
  const replays = useLives('ended');
  let body;
  if (replays.isPending) body = <MobileLoading rows={3} />;
  else if (replays.isError) body = <MobileError error={replays.error} onRetry={() => void replays.refetch()} />;
  else if (replays.data.length === 0) body = <p className="tt-muted tt-watch-none">{t('watch.replaysEmpty')}</p>;
  else
    body = (
      <div className="tt-card-grid">
        {replays.data.map((live) => (
          <LiveCard key={live.id} live={live} />
        ))}
      </div>
    );
  return (
    <section className="tt-watch-section" aria-labelledby="tt-watch-replays">
      <h2 className="tt-section-title tt-watch-section-title" id="tt-watch-replays">
        {t('watch.replays')}
      </h2>
      {body}
    </section>
  );
}

/** The 直播 tab: lives on air first (big), then what is coming, then replays. */
export function LivesFeed() {
  const { t } = useTranslation();
  const lives = useLives();
  let top;
  if (lives.isPending) top = <MobileLoading rows={6} />;
  else if (lives.isError) top = <MobileError error={lives.error} onRetry={() => void lives.refetch()} />;
  else {
    const onAir = lives.data.filter((l) => l.status === 'live');
    const upcoming = lives.data.filter((l) => l.status === 'scheduled');
    top =
      lives.data.length === 0 ? (
        <div className="tt-section">
          <MobileEmpty title={t('watch.empty')} description={t('watch.emptyHint')} />
        </div>
      ) : (
        <>
          {onAir.length > 0 && (
            <section className="tt-watch-section" aria-labelledby="tt-watch-on-air">
              <h2 className="tt-section-title tt-watch-section-title" id="tt-watch-on-air">
                {t('watch.liveNow')}
              </h2>
              <div className="tt-watch-stack">
                {onAir.map((live) => (
                  <LiveCard key={live.id} live={live} />
                ))}
              </div>
            </section>
          )}
          {upcoming.length > 0 && (
            <section className="tt-watch-section" aria-labelledby="tt-watch-upcoming">
              <h2 className="tt-section-title tt-watch-section-title" id="tt-watch-upcoming">
                {t('watch.upcoming')}
              </h2>
              <div className="tt-card-grid">
                {upcoming.map((live) => (
                  <LiveCard key={live.id} live={live} />
                ))}
              </div>
            </section>
          )}
        </>
      );
  }
  return (
    <div className="tt-watch-feed">
      {top}
      <Replays />
    </div>
  );
}
