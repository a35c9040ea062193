import { useQueryClient } from '@tanstack/react-query';
import { Button, Skeleton } from 'antd-mobile';
import { PlayOutline } from 'antd-mobile-icons';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { LiveView } from '../../../../contracts/live';
import { MobilePage } from '../../../components/mobile/mobile-page';
import { MobileEmpty, MobileError } from '../../../components/mobile/page-states';
import { useLanguage } from '../../../i18n';
import { isApiError } from '../../../lib/api-client';
import { useMe } from '../../../lib/auth/get-me';
import { formatDateTime, formatDuration } from '../../../lib/format';
import { useRoom, type RoomState } from '../../../lib/room/use-room';
import { liveQueryKey, useLive } from '../api/get-live';
import { Countdown } from './countdown';
import { LiveBadge } from './live-badge';
import { LivePlayer } from './live-player';
import { ProductBag } from './product-bag';
import { ReplayPlayer } from './replay-player';
import { RoomOverlay } from './room-overlay';
import './room.css';
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
      </div>
    </section>
  );
}

/** How often, and how many times, the live is asked again while the room and the page disagree. */
const followRetryMs = 3_000;
const followRetries = 5;

/**
 * The room says at once when a live starts or ends; the page then refetches the live, so the
 * countdown becomes the player and the player the replay without waiting for the slow poll.
 * A snapshot after a reconnect counts too: it may tell of a change the socket missed.
 */
function useLiveFollowsRoom(live: LiveView, room: RoomState) {
  const queryClient = useQueryClient();
  const changeSeq = room.liveChange?.seq;
  const onAir = room.ready ? room.liveId === live.id : undefined;
  const disagree = onAir !== undefined && onAir !== (live.status === 'live');

  useEffect(() => {
    if (changeSeq !== undefined) void queryClient.invalidateQueries({ queryKey: liveQueryKey(live.id) });
  }, [changeSeq, live.id, queryClient]);

  useEffect(() => {
    if (!disagree) return;
    // The live's own record may trail the room's event by a moment; ask a few times, then leave it to the poll.
    const refetch = () => void queryClient.invalidateQueries({ queryKey: liveQueryKey(live.id) });
    refetch();
    let tries = 0;
    const timer = window.setInterval(() => {
      tries += 1;
      if (tries >= followRetries) window.clearInterval(timer);
      refetch();
    }, followRetryMs);
    return () => window.clearInterval(timer);
  }, [disagree, live.id, queryClient]);
}

/** A live on air or coming up: the room (chat, likes, pinned product…) over the stage. */
function LiveRoom({ live, stillLive }: { live: LiveView; stillLive: () => Promise<boolean> }) {
  const me = useMe();
  const user = me.data ?? null;
  // Connecting waits for the session check, so a logged-in viewer does not connect twice.
  const room = useRoom(me.isPending ? null : live.roomId, user?.id ?? null);
  useLiveFollowsRoom(live, room.room);
  return (
    <>
      <div className="tt-watch-stage tt-room-stage">
        <Stage live={live} stillLive={stillLive} />
        <RoomOverlay live={live} room={room} me={user} />
      </div>
      <LiveInfo live={live} />
      <ProductBag products={live.products} pinnedId={room.room.pinned?.productId} />
    </>
  );
}

/** /lives/:id: the video with the room over it, then what it is and what it sells. */
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
    body =
      data.status === 'live' || data.status === 'scheduled' ? (
        <LiveRoom live={data} stillLive={stillLive} />
      ) : (
        <>
          <div className="tt-watch-stage">
            <Stage live={data} stillLive={stillLive} />
          </div>
          <LiveInfo live={data} />
          <ProductBag products={data.products} />
        </>
      );
  }

  return (
    <MobilePage title={t('watch.page.title')} backTo="/live">
      {body}
    </MobilePage>
  );
}
