import { useState, type ReactNode, type Ref, type SyntheticEvent, type VideoHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

type PlayerFrameProps = {
  videoRef: Ref<HTMLVideoElement>;
  title: string;
  poster?: string | undefined;
  /** Overlays drawn over the video: status, retry, unmute. */
  children?: ReactNode;
} & Omit<VideoHTMLAttributes<HTMLVideoElement>, 'className' | 'poster' | 'title' | 'children' | 'onLoadedMetadata' | 'onResize'>;

/**
 * The video box shared by the live and the replay player: it turns portrait when the stream is
 * taller than wide, so a phone-shot stream fills the screen instead of sitting in a letterbox.
 */
export function PlayerFrame({ videoRef, title, poster, children, ...videoProps }: PlayerFrameProps) {
  const { t } = useTranslation();
  const [portrait, setPortrait] = useState(false);
  const measure = (e: SyntheticEvent<HTMLVideoElement>) => setPortrait(e.currentTarget.videoHeight > e.currentTarget.videoWidth);
  return (
    <div className={`tt-player${portrait ? ' tt-player-portrait' : ''}`}>
      <video
        ref={videoRef}
        className="tt-player-video"
        playsInline
        poster={poster}
        aria-label={t('watch.player.videoLabel', { title })}
        onLoadedMetadata={measure}
        onResize={measure}
        {...videoProps}
      />
      {children}
    </div>
  );
}
