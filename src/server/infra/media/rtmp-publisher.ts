import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { decodeAmf, encodeOnMetaData, TAG_AUDIO, TAG_SCRIPT, TAG_VIDEO } from './flv';
import { Flv, RtmpClient } from './nms';

/**
 * A real RTMP publisher in Node (no ffmpeg): node-media-server's RtmpClient fed by its FLV
 * demuxer. Tests publish with it, and demo mode loops the demo clip through it, so the demo
 * takes the same path as OBS.
 */

interface ClipPacket {
  type: number;
  flags: number;
  timestamp: number;
  data: Buffer;
}

export interface Clip {
  metadata: ClipPacket | undefined;
  headers: ClipPacket[];
  media: ClipPacket[];
  /** Where the next lap starts: one frame after the last one, so looping timestamps keep rising. */
  lapMs: number;
}

/** A file's onMetaData without what only a file has (duration, size, index): a live stream has none. */
function liveMetadata(script: ClipPacket | undefined): ClipPacket | undefined {
  const name = script ? decodeAmf(script.data, 0) : undefined;
  const fields = script && name?.value === 'onMetaData' ? decodeAmf(script.data, name.next)?.value : undefined;
  if (!script || !fields || typeof fields !== 'object' || Array.isArray(fields)) return undefined;
  const fileOnly = new Set(['duration', 'filesize', 'keyframes', 'lasttimestamp', 'lastkeyframetimestamp', 'lastkeyframelocation', 'canSeekToEnd']);
  return { ...script, data: encodeOnMetaData(Object.fromEntries(Object.entries(fields).filter(([k]) => !fileOnly.has(k)))) };
}

export function parseClip(flv: Buffer): Clip {
  const demuxer = new Flv();
  const packets: ClipPacket[] = [];
  demuxer.onPacketCallback = (p) => {
    // The demuxer reuses one buffer for every tag: copy.
    packets.push({ type: p.codec_type, flags: p.flags, timestamp: p.dts, data: Buffer.from(p.data.subarray(0, p.size)) });
  };
  const error = demuxer.parserData(flv);
  if (error) throw new Error(`not a usable FLV clip: ${error}`);
  const metadata = liveMetadata(packets.find((p) => p.type === TAG_SCRIPT));
  const headers = packets.filter((p) => (p.type === TAG_AUDIO && p.flags === 0) || (p.type === TAG_VIDEO && p.flags === 2));
  const media = packets.filter((p) => (p.type === TAG_AUDIO || p.type === TAG_VIDEO) && !headers.includes(p));
  if (!media.some((p) => p.type === TAG_VIDEO)) throw new Error('the clip has no video');
  const lastOf = (type: number) => {
    const ts = media.filter((p) => p.type === type).map((p) => p.timestamp);
    const step = ts.length > 1 ? (ts[ts.length - 1]! - ts[0]!) / (ts.length - 1) : 0;
    return ts.length ? ts[ts.length - 1]! + step : 0;
  };
  return { metadata, headers, media, lapMs: Math.round(Math.max(lastOf(TAG_VIDEO), lastOf(TAG_AUDIO))) };
}

export interface PublishFlvOptions {
  /** Repeat the clip, timestamps running on, until aborted or dropped. */
  loop?: boolean;
  /** Pace by timestamps, like `ffmpeg -re`; otherwise as fast as the socket takes it. */
  realtime?: boolean;
  /** Ends the publish cleanly; the promise then resolves. */
  signal?: AbortSignal;
  /** Called once the server answered NetStream.Publish.Start. */
  onPublishing?: () => void;
}

export class PublishRefusedError extends Error {
  override name = 'PublishRefusedError';
}

/**
 * Publishes an FLV clip to `rtmp://host:port/app/name?query`. Resolves when the clip has been
 * sent (without `loop`) or on abort, after ending the stream the way OBS does (deleteStream,
 * then close). Rejects with the server's reason when the publish is refused, and with an error
 * when the server drops the connection.
 */
export async function publishFlv(url: string, flv: string | Buffer, options: PublishFlvOptions = {}): Promise<void> {
  const { loop = false, realtime = true, signal } = options;
  const clip = parseClip(typeof flv === 'string' ? await readFile(flv) : flv);
  const target = new URL(url);
  const [, app, ...rest] = target.pathname.split('/');
  if (target.protocol !== 'rtmp:' || !app || rest.length !== 1 || !rest[0]) throw new Error('expected rtmp://host[:port]/<app>/<stream>[?query]');
  const streamName = decodeURIComponent(rest[0]) + target.search;
  if (signal?.aborted) return;

  const client = new RtmpClient();
  let closed = false;
  let refusal: string | undefined;
  client.onErrorCallback = () => {};
  client.onStatusCallback = (code, info) => {
    if (/Failed|BadName|Rejected|Error/.test(code)) refusal = typeof info.description === 'string' && info.description ? info.description : code;
  };
  client.onCloseCallback = () => {
    closed = true;
  };
  const onAbort = () => {
    // Wakes a connect or publish still waiting for the server.
    if (!publishing) client.disconnect();
  };
  let publishing = false;
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    try {
      await client.connect(url);
      // Commands go out in several small writes; Nagle would hold each back for a delayed ACK.
      client.socket?.setNoDelay(true);
      // tcUrl names the application only, as OBS sends it: the key stays out of it.
      client.baseUri = `rtmp://${target.host}/${app}`;
      await client.sendConnect();
      await client.sendCreateStream();
      await client.sendPublish(streamName);
    } catch (err) {
      client.disconnect();
      if (signal?.aborted) return;
      // A refusal is an onStatus error from the server; anything else is the connection failing.
      if (refusal !== undefined) throw new PublishRefusedError(refusal);
      throw new Error(`RTMP publish failed: ${err instanceof Error ? err.message : String(err)}`);
    }
    publishing = true;
    options.onPublishing?.();
    const socket = client.socket!;
    const send = async (packet: ClipPacket, timestamp: number) => {
      if (closed || socket.destroyed) throw new Error('the server closed the connection');
      client.sendPacket({ codec_type: packet.type, dts: timestamp, size: packet.data.length, data: packet.data });
      // Backpressure, so a fast publish does not buffer the whole clip in memory.
      if (socket.writableLength > 1024 * 1024) await Promise.race([once(socket, 'drain'), once(socket, 'close')]);
    };
    if (clip.metadata) {
      const data = Buffer.concat([Buffer.from([0x02, 0x00, 0x0d]), Buffer.from('@setDataFrame'), clip.metadata.data]);
      await send({ ...clip.metadata, data }, 0);
    }
    for (const header of clip.headers) await send(header, 0);
    const startedAt = performance.now();
    for (let lap = 0; !signal?.aborted; lap++) {
      for (const packet of clip.media) {
        if (signal?.aborted) break;
        const timestamp = packet.timestamp + lap * clip.lapMs;
        const wait = startedAt + timestamp - performance.now();
        if (realtime && wait > 5) await sleep(wait, undefined, { signal }).catch(() => {});
        if (signal?.aborted) break;
        await send(packet, timestamp);
      }
      if (!loop) break;
    }
    if (closed || socket.destroyed) throw new Error('the server closed the connection');
    // End the stream as OBS does, then let everything written reach the server before closing.
    client.sendInvokeMessage(client.streamId, { cmd: 'deleteStream', transId: 0, cmdObj: null, streamId: client.streamId });
    socket.end();
    await Promise.race([once(socket, 'close'), sleep(3000)]);
    client.disconnect();
  } catch (err) {
    client.disconnect();
    throw err;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
