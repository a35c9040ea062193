import { Dialog } from 'antd-mobile';
import { EyeOutline, HeartFill, SoundOutline } from 'antd-mobile-icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import type { UserView } from '../../../../contracts/accounts';
import type { LiveView } from '../../../../contracts/live';
import { useLanguage } from '../../../i18n';
import { formatCount } from '../../../lib/format';
import type { UseRoomResult } from '../../../lib/room/use-room';
import { BuySheet } from './buy-sheet';
import { ChatInput } from './chat-input';
import { ChatList } from './chat-list';
import { FloatingHearts, useFloatingHearts } from './floating-hearts';
import { LiveBadge } from './live-badge';
import { OrderTicker } from './order-ticker';
import { PinnedCard } from './pinned-card';
import { SaleCard } from './sale-card';
import { salePhase } from './sale-phase';

/** Hearts drawn for one tick of other viewers' likes, however many there were. */
const heartsPerBurst = 8;

interface RoomOverlayProps {
  live: LiveView;
  room: UseRoomResult;
  /** Null for a guest, who may watch and read but is asked to log in to chat or like. */
  me: UserView | null;
}

/**
 * Everything over the video, as live-commerce apps lay it out: who and how many at the top,
 * the anchor's notice and a flash sale under it, then bottom-left the order ticker, the pinned
 * product and the chat, and along the bottom the input and the heart.
 */
export function RoomOverlay({ live, room, me }: RoomOverlayProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const navigate = useNavigate();
  const location = useLocation();
  const { hearts, spawn, remove } = useFloatingHearts();
  const state = room.room;

  const burst = state.likeBurst;
  const drawnBurst = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (!burst || burst.seq === drawnBurst.current) return;
    drawnBurst.current = burst.seq;
    // Spread over most of a tick, so the hearts rise one after another rather than in a clump.
    if (burst.count > 0) spawn(Math.min(burst.count, heartsPerBurst), 900);
  }, [burst, spawn]);

  const [buying, setBuying] = useState(false);
  const [params, setParams] = useSearchParams();

  const askToLogIn = (content: string = t('watch.room.loginPrompt')) => {
    void Dialog.confirm({
      content,
      confirmText: t('watch.room.login'),
      cancelText: t('common.cancel'),
      onConfirm: () => void navigate(`/login?next=${encodeURIComponent(`${location.pathname}${location.search}`)}`),
    });
  };
  const tapBuy = () => {
    if (!me) return askToLogIn(t('watch.buy.loginPrompt'));
    setBuying(true);
  };

  // Back from adding an address (`?buy=1`): the sheet opens again if the sale still runs.
  const returning = params.has('buy');
  const sale = state.sale;
  useEffect(() => {
    if (!returning || !state.ready) return;
    if (me && sale && salePhase(sale, Date.now()) === 'open') setBuying(true);
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.delete('buy');
        return next;
      },
      { replace: true },
    );
  }, [returning, state.ready, me, sale, setParams]);

  const tapHeart = () => {
    if (!me) return askToLogIn();
    if (room.status === 'banned') return;
    room.like();
    spawn(1);
  };

  const viewers = state.ready ? state.viewers : live.viewers;
  const likes = state.likes + state.likesInFlight + room.pendingLikes;

  return (
    <div className="tt-room">
      <div className="tt-room-top">
        <div className="tt-room-host">
          <span className="tt-room-host-name">{live.sellerName}</span>
          {live.status === 'live' && <LiveBadge />}
        </div>
        <div className="tt-room-stats">
          <span className="tt-room-stat" title={t('watch.viewers', { n: viewers })}>
            <EyeOutline aria-hidden="true" />
            <span className="tt-visually-hidden">{t('watch.viewers', { n: viewers })}</span>
            <span aria-hidden="true">{formatCount(viewers, language)}</span>
          </span>
          <span className="tt-room-stat" title={t('watch.room.likes', { n: likes })}>
            <HeartFill aria-hidden="true" />
            <span className="tt-visually-hidden">{t('watch.room.likes', { n: likes })}</span>
            <span aria-hidden="true">{formatCount(likes, language)}</span>
          </span>
        </div>
      </div>
      {room.status === 'reconnecting' && (
        <div className="tt-room-pill" role="status">
          {t('watch.room.reconnecting')}
        </div>
      )}
      {room.status === 'banned' && (
        <div className="tt-room-pill tt-room-pill-alert" role="alert">
          {t('watch.room.banned')}
        </div>
      )}
      {state.notice && (
        <div className="tt-room-notice" role="note">
          <SoundOutline aria-hidden="true" />
          <span>{state.notice}</span>
        </div>
      )}
      {sale && <SaleCard sale={sale} onBuy={tapBuy} />}
      {sale && me && <BuySheet sale={sale} liveId={live.id} visible={buying} onClose={() => setBuying(false)} />}
      <div className="tt-room-spacer" />
      <div className="tt-room-bottom">
        <OrderTicker orders={state.orders} onShown={room.orderShown} />
        {state.pinned && <PinnedCard product={state.pinned} />}
        <ChatList lines={state.chat} ownUserId={me?.id ?? null} />
      </div>
      <div className="tt-room-bar">
        <ChatInput
          loggedIn={me !== null}
          onNeedLogin={() => askToLogIn()}
          sendChat={room.sendChat}
          status={room.status}
          sanction={room.sanction}
          slowModeSeconds={state.slowModeSeconds}
        />
        <button type="button" className="tt-room-like" aria-label={t('watch.room.like')} onClick={tapHeart} disabled={room.status === 'banned'}>
          <HeartFill aria-hidden="true" />
        </button>
      </div>
      <FloatingHearts hearts={hearts} onDone={remove} />
    </div>
  );
}
