import mpegts from 'mpegts.js';

let quieted = false;

/**
 * mpegts.js logs every loader hiccup to the console; the player reports the same errors as
 * events, which the page turns into messages, so the library's own logging is switched off.
 */
export function flvLibrary(): typeof mpegts {
  if (!quieted) {
    quieted = true;
    mpegts.LoggingControl.applyConfig({
      enableAll: false,
      enableVerbose: false,
      enableDebug: false,
      enableInfo: false,
      enableWarn: import.meta.env.DEV,
      enableError: import.meta.env.DEV,
    });
  }
  return mpegts;
}

/** A playback URL as the player needs it: relative URLs are on this site. */
export function absoluteUrl(url: string): string {
  return new URL(url, window.location.href).href;
}

/** `/media/live/x.flv` → `wss://this.host/media/live/x.flv`; absolute ws(s) and http(s) URLs are kept or re-schemed. */
export function webSocketUrl(url: string): string {
  if (/^wss?:\/\//i.test(url)) return url;
  if (/^https?:\/\//i.test(url)) return url.replace(/^http/i, 'ws');
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${window.location.host}${url.startsWith('/') ? url : `/${url}`}`;
}

export type Mpegts = typeof mpegts;
export type FlvPlayer = ReturnType<Mpegts['createPlayer']>;

/** Stops a player for good: it holds a network connection and a MediaSource until destroyed. */
export function destroyPlayer(player: FlvPlayer) {
  try {
    player.pause();
    player.unload();
    player.detachMediaElement();
  } catch {
    // Already torn down by an error; destroy below is what frees it.
  }
  player.destroy();
}
