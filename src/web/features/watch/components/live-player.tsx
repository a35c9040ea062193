import { Button, SpinLoading } from 'antd-mobile';
import { SoundMuteOutline } from 'antd-mobile-icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Playback } from '../../../../contracts/live';
import { usePageVisible } from '../hooks/use-page-visible';
import { absoluteUrl, destroyPlayer, flvLibrary, webSocketUrl, type FlvPlayer } from './flv';
import { PlayerFrame } from './player-frame';

type Phase = 'connecting' | 'playing' | 'retrying' | 'gaveUp';

/** Waits before each reconnect; after the last one the viewer reconnects by hand. */
const backoffMs = [1_000, 2_000, 4_000, 8_000, 15_000];
/** Frames that stop advancing this long while playing count as an interruption. */
const stallMs = 10_000;
/** A stream that has not shown a frame this long after connecting is retried. */
const connectTimeoutMs = 15_000;

type Source = { kind: 'mse'; flv: string; wsFlv: string } | { kind: 'hls'; url: string } | { kind: 'none' };

function pickSource(playback: Playback): Source {
  if (flvLibrary().getFeatureList().mseLivePlayback) return { kind: 'mse', flv: playback.flv, wsFlv: playback.wsFlv };
  // iPhones before iOS 17.1 have no MediaSource but play HLS natively.
  if (playback.hls) return { kind: 'hls', url: playback.hls };
  return { kind: 'none' };
}

interface LivePlayerProps {
  playback: Playback;
  title: string;
  poster?: string | undefined;
  /**
   * Asks the server whether the live is still on air; called when the stream breaks, and a
   * reconnect is only tried while it is (reconnecting to an ended stream would only fail again).
   */
  stillLive: () => Promise<boolean>;
}

/**
 * The live video: FLV over WebSocket (then HTTP) through MSE with low-latency settings, or native
 * HLS where MSE is missing. It starts muted because browsers only autoplay silent video, offers
 * a tap to unmute, reconnects with backoff when the stream breaks, and lets go of the connection
 * while the page is hidden.
 */
export function LivePlayer({ playback, title, poster, stillLive }: LivePlayerProps) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const visible = usePageVisible();
  const [source] = useState(() => pickSource(playback));
  const [attempt, setAttempt] = useState(0);
  const [failures, setFailures] = useState(0);
  const [phase, setPhase] = useState<Phase>('connecting');
  // WebSocket first; a network that breaks it before any frame (some proxies) falls back to HTTP-FLV.
  const useWebSocket = useRef(true);
  const [muted, setMuted] = useState(true);
  const [needsTap, setNeedsTap] = useState(false);
  const wantSound = useRef(false);
  const stillLiveRef = useRef(stillLive);
  useEffect(() => {
    stillLiveRef.current = stillLive;
  }, [stillLive]);

  useEffect(() => {
    const video = videoRef.current;
    if (!video || !visible || source.kind === 'none') return;
    let over = false;
    let played = false;
    let player: FlvPlayer | undefined;
    const fail = () => {
      if (over) return;
      over = true;
      if (!played && source.kind === 'mse') useWebSocket.current = false;
      setPhase('retrying');
      setFailures((n) => n + 1);
    };
    const start = () => {
      video.muted = !wantSound.current;
      const playing = video.play();
      playing?.catch((error: unknown) => {
        if (over || (error instanceof DOMException && error.name === 'AbortError')) return;
        if (!video.muted) {
          // Sound was allowed before a reconnect but not now: stay silent rather than stopped.
          video.muted = true;
          video.play()?.catch(() => setNeedsTap(true));
        } else setNeedsTap(true);
      });
    };

    const startedAt = Date.now();
    let lastTime = -1;
    let lastChange = startedAt;
    const onPlaying = () => {
      if (over) return;
      played = true;
      setNeedsTap(false);
      setPhase('playing');
      setFailures(0);
    };
    const watchdog = window.setInterval(() => {
      // Paused here means autoplay was refused and the viewer has yet to tap; that is no failure.
      if (video.paused) return;
      if (!played) {
        if (Date.now() - startedAt > connectTimeoutMs) fail();
        return;
      }
      if (video.currentTime !== lastTime) {
        lastTime = video.currentTime;
        lastChange = Date.now();
      } else if (Date.now() - lastChange > stallMs) fail();
    }, 1_000);
    video.addEventListener('playing', onPlaying);

    if (source.kind === 'mse') {
      const mpegts = flvLibrary();
      const url = useWebSocket.current ? webSocketUrl(source.wsFlv) : absoluteUrl(source.flv);
      player = mpegts.createPlayer(
        { type: 'flv', isLive: true, hasAudio: true, hasVideo: true, url },
        {
          enableStashBuffer: false,
          lazyLoad: false,
          // Follow the anchor closely by playing slightly faster when behind, never by jumping.
          liveSync: true,
          liveSyncMaxLatency: 0.6,
          liveSyncTargetLatency: 0.3,
          // A live can run for hours; old media is dropped from the buffer as it goes.
          autoCleanupSourceBuffer: true,
        },
      );
      player.on(mpegts.Events.ERROR, fail);
      // In a live stream the end of the data means the publisher stopped or the connection dropped.
      player.on(mpegts.Events.LOADING_COMPLETE, fail);
      player.attachMediaElement(video);
      player.load();
      start();
    } else {
      video.addEventListener('error', fail);
      video.addEventListener('ended', fail);
      video.src = source.url;
      start();
    }

    return () => {
      over = true;
      window.clearInterval(watchdog);
      video.removeEventListener('playing', onPlaying);
      video.removeEventListener('error', fail);
      video.removeEventListener('ended', fail);
      if (player) destroyPlayer(player);
      else {
        video.pause();
        video.removeAttribute('src');
        video.load();
      }
    };
  }, [visible, source, attempt]);

  useEffect(() => {
    if (phase !== 'retrying') return;
    if (failures > backoffMs.length) {
      setPhase('gaveUp');
      return;
    }
    let cancelled = false;
    const timer = window.setTimeout(() => {
      void stillLiveRef.current().then((live) => {
        // An ended live unmounts this player as the page switches to the replay.
        if (cancelled || !live) return;
        setPhase('connecting');
        setAttempt((n) => n + 1);
      });
    }, backoffMs[failures - 1] ?? 1_000);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [phase, failures]);

  const retryNow = () => {
    setFailures(0);
    setPhase('connecting');
    setAttempt((n) => n + 1);
  };
  const unmute = () => {
    const video = videoRef.current;
    if (!video) return;
    wantSound.current = true;
    video.muted = false;
    if (video.paused) void video.play()?.catch(() => setNeedsTap(true));
  };
  const tapToPlay = () => {
    const video = videoRef.current;
    if (!video) return;
    setNeedsTap(false);
    void video.play()?.catch(() => setNeedsTap(true));
  };

  if (source.kind === 'none') {
    return (
      <div className="tt-player tt-player-message" role="status">
        <strong>{t('watch.player.unsupported')}</strong>
        <span>{t('watch.player.unsupportedHint')}</span>
      </div>
    );
  }

  return (
    <PlayerFrame videoRef={videoRef} title={title} poster={poster} muted onVolumeChange={(e) => setMuted(e.currentTarget.muted)}>
      {phase === 'playing' && muted && !needsTap && (
        <button type="button" className="tt-player-unmute" onClick={unmute}>
          <SoundMuteOutline aria-hidden="true" /> {t('watch.player.unmute')}
        </button>
      )}
      {needsTap && phase !== 'gaveUp' && (
        <button type="button" className="tt-player-overlay tt-player-tap" onClick={tapToPlay}>
          {t('watch.player.tapToPlay')}
        </button>
      )}
      {phase === 'connecting' && !needsTap && (
        <div className="tt-player-overlay" role="status">
          <SpinLoading color="white" />
          <span>{t('watch.player.connecting')}</span>
        </div>
      )}
      {phase === 'retrying' && (
        <div className="tt-player-overlay" role="status">
          <strong>{t('watch.player.interrupted')}</strong>
          <span>{t('watch.player.reconnecting', { n: failures })}</span>
        </div>
      )}
      {phase === 'gaveUp' && (
        <div className="tt-player-overlay" role="alert">
          <strong>{t('watch.player.gaveUp')}</strong>
          <Button size="small" color="primary" onClick={retryNow}>
            {t('watch.player.retry')}
          </Button>
        </div>
      )}
    </PlayerFrame>
  );
}
