import { Button } from 'antd-mobile';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordingView } from '../../../../contracts/live';
import { usePageVisible } from '../hooks/use-page-visible';
import { absoluteUrl, destroyPlayer, flvLibrary } from './flv';
import { PlayerFrame } from './player-frame';

/**
 * A recording (FLV with a keyframe index) through MSE, with the video's own controls: mpegts.js
 * turns a seek into a range request at the nearest keyframe, so a long replay need not download
 * from the start. Recordings are FLV only, so a browser without MSE cannot play them.
 */
export function ReplayPlayer({ recording, title, poster }: { recording: RecordingView; title: string; poster?: string | undefined }) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const visible = usePageVisible();
  const [supported] = useState(() => flvLibrary().getFeatureList().msePlayback);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const video = videoRef.current;
    if (!video || !supported) return;
    const mpegts = flvLibrary();
    const player = mpegts.createPlayer({ type: 'flv', isLive: false, url: absoluteUrl(recording.url) }, { seekType: 'range', accurateSeek: true });
    player.on(mpegts.Events.ERROR, () => setFailed(true));
    player.attachMediaElement(video);
    player.load();
    return () => destroyPlayer(player);
  }, [supported, recording.url, attempt]);

  // A replay pauses in the background and waits for the viewer to press play again.
  useEffect(() => {
    if (!visible) videoRef.current?.pause();
  }, [visible]);

  if (!supported) {
    return (
      <div className="tt-player tt-player-message" role="status">
        <span>{t('watch.player.replayUnsupported')}</span>
      </div>
    );
  }
  return (
    <PlayerFrame videoRef={videoRef} title={title} poster={poster} controls preload="metadata">
      {failed && (
        <div className="tt-player-overlay" role="alert">
          <strong>{t('watch.player.replayFailed')}</strong>
          <Button
            size="small"
            color="primary"
            onClick={() => {
              setFailed(false);
              setAttempt((n) => n + 1);
            }}
          >
            {t('common.retry')}
          </Button>
        </div>
      )}
    </PlayerFrame>
  );
}
