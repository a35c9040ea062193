import { Button, Skeleton } from 'antd-mobile';
import { EyeOutline, PlayOutline } from 'antd-mobile-icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { LiveView } from '../../../../contracts/live';
import { MobilePage } from '../../../components/mobile/mobile-page';
import { MobileEmpty, MobileError } from '../../../components/mobile/page-states';
import { useLanguage } from '../../../i18n';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useLive } from '../api/get-live';
import { Countdown } from './countdown';
import { formatDuration } from '../../../lib/format';
import { LiveBadge } from './live-badge';
import { LivePlayer } from './live-player';
import { ProductBag } from './product-bag';
import { ReplayPlayer } from './replay-player';
import './watch.css';

function Poster({ live, children }: { live: LiveView; children?: ReactNode }) {
  return (
    <div className="tt-player tt-player-poster">
      {live.coverUrl ? <img src={live.coverUrl} alt="" /> : <PlayOutline className="tt-player-poster-icon" aria-hidden="true" />}
      {children && <div className="tt-player-overlay tt-player-overlay-soft">{children}</div>}
    </div>
  );
}

/** After the live: the chosen (or first) recording plays, and the others are listed. */
function ReplayStage({ live }: { live: LiveView }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const chosen = live.recordings.find((r) => r.id === params.get('recording')) ?? live.recordings[0];
  if (!chosen) {
    const recent = live.endedAt !== null && Date.now() - new Date(live.endedAt).getTime() < 5 * 60_000;
    return (
      <Poster live={live}>
        <strong>{t('watch.player.ended')}</strong>
        <span>{recent ? t('watch.player.replayPreparing') : t('watch.player.noReplay')}</span>
      </Poster>
    );
  }
  return (
    <>
      <ReplayPlayer key={chosen.id} recording={chosen} title={live.title} poster={live.coverUrl ?? undefined} />
      {live.recordings.length > 1 && (
        <div className="tt-recording-chips" role="group" aria-label={t('watch.replays')}>
          {live.recordings.map((r, index) => (
            <button
              type="button"
              key={r.id}
              className={`tt-recording-chip${r.id === chosen.id ? ' tt-recording-chip-active' : ''}`}
              aria-pressed={r.id === chosen.id}
              onClick={() => setParams({ recording: r.id }, { replace: true })}
            >
              {t('watch.player.recordingItem', { n: index + 1, duration: r.durationMs !== null ? formatDuration(r.durationMs) : '—' })}
            </button>
          ))}
        </div>
      )}
    </>
  );
}

function Stage({ live, stillLive }: { live: LiveView; stillLive: () => Promise<boolean> }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  switch (live.status) {
    case 'live':
      return live.playback ? (
        <LivePlayer key={live.id} playback={live.playback} title={live.title} poster={live.coverUrl ?? undefined} stillLive={stillLive} />
      ) : (
        <Poster live={live}>{t('watch.player.connecting')}</Poster>
      );
    case 'scheduled':
      return (
        <Poster live={live}>
          <Countdown to={live.scheduledAt} />
          <span>{t('watch.page.scheduledAt', { time: formatDateTime(live.scheduledAt, language) })}</span>
        </Poster>
      );
    default:
      return <ReplayStage live={live} />;
  }
}

function LiveInfo({ live }: { live: LiveView }) {
  const { t } = useTranslation();
  return (
    <section className="tt-section tt-section-body tt-watch-info">
      <h1 className="tt-watch-title">{live.title}</h1>
      <div className="tt-watch-meta">
        {live.status === 'live' ? (
          <LiveBadge />
        ) : (
          <span className={`tt-watch-status tt-watch-status-${live.status}`}>{t(`watch.page.status.${live.status}`)}</span>
        )}
        <span className="tt-watch-anchor">
          {t('watch.page.anchor')} · <strong>{live.sellerName}</strong>
        </span>
        {live.status === 'live' && (
          <span className="tt-muted">
            <EyeOutline aria-hidden="true" /> {t('watch.viewers', { n: live.viewers })}
          </span>
        )}
      </div>
    </section>
  );
}

/** Where chat will be once the room gateway lands; nothing is faked meanwhile. */
function ChatPlaceholder() {
  const { t } = useTranslation();
  return (
    <section className="tt-section tt-section-body" aria-labelledby="tt-watch-chat">
      <h2 className="tt-watch-h2" id="tt-watch-chat">
        {t('watch.page.chat')}
      </h2>
      <p className="tt-muted tt-watch-chat-soon">{t('watch.page.chatSoon')}</p>
    </section>
  );
}

/** /lives/:id: the video on top, then what it is, what it sells, and (soon) the chat. */
export function WatchPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const live = useLive(id);
  // A failed refetch keeps the last answer, so a network blip still counts as live and is retried.
  const stillLive = async () => (await live.refetch()).data?.status === 'live';

  let body;
  if (live.isPending)
    body = (
      <div role="status" aria-label={t('common.loading')}>
        <Skeleton animated className="tt-player tt-player-skeleton" />
        <div className="tt-section tt-section-body">
          <Skeleton.Title animated />
          <Skeleton.Paragraph lineCount={3} animated />
        </div>
      </div>
    );
  else if (live.isError && !live.data) {
    const missing = isApiError(live.error) && (live.error.status === 404 || live.error.status === 400);
    body = missing ? (
      <section className="tt-section">
        <MobileEmpty title={t('watch.page.notFound')} description={t('watch.page.notFoundHint')}>
          <Button color="primary" fill="outline" onClick={() => void navigate('/live')}>
            {t('watch.page.toLives')}
          </Button>
        </MobileEmpty>
      </section>
    ) : (
      <MobileError error={live.error} onRetry={() => void live.refetch()} />
    );
  } else {
    const data = live.data!;
    body = (
      <>
        <div className="tt-watch-stage">
          <Stage live={data} stillLive={stillLive} />
        </div>
        <LiveInfo live={data} />
        <ProductBag products={data.products} />
        <ChatPlaceholder />
      </>
    );
  }

  return (
    <MobilePage title={t('watch.page.title')} backTo="/live">
      {body}
    </MobilePage>
  );
}
