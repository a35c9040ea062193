import { decodeAmf, PREVIOUS_TAG_SIZE_BYTES, TAG_AUDIO, TAG_HEADER_BYTES, TAG_SCRIPT, TAG_VIDEO, readTagTimestamp, type AmfValue } from './flv';

/**
 * An incremental FLV reader that describes each tag the way a player sees it. Tests read live
 * streams, WebSocket-FLV and recordings with it; the server itself never needs to.
 */

export interface FlvHeader {
  signature: string;
  version: number;
  hasAudio: boolean;
  hasVideo: boolean;
}

export interface FlvTagInfo {
  type: number;
  kind: 'audio' | 'video' | 'script' | 'other';
  timestamp: number;
  size: number;
  /** Script tags: the first AMF value, e.g. "onMetaData". */
  scriptName?: string;
  /** onMetaData's fields. */
  metadata?: Record<string, AmfValue>;
  /** Video: 1 keyframe, 2 inter frame. */
  frameType?: number;
  /** Video: 7 is H.264 (AVC). */
  codecId?: number;
  /** H.264: 0 sequence header (AVCDecoderConfigurationRecord), 1 NALU, 2 end of sequence. */
  avcPacketType?: number;
  /** Audio: 10 is AAC. */
  soundFormat?: number;
  /** AAC: 0 sequence header (AudioSpecificConfig), 1 raw frame. */
  aacPacketType?: number;
}

export class FlvFormatError extends Error {
  override name = 'FlvFormatError';
}

export function describeTag(type: number, timestamp: number, body: Buffer): FlvTagInfo {
  const tag: FlvTagInfo = { type, timestamp, size: body.length, kind: 'other' };
  if (type === TAG_SCRIPT) {
    tag.kind = 'script';
    const name = decodeAmf(body, 0);
    if (name && typeof name.value === 'string') {
      tag.scriptName = name.value;
      const fields = name.value === 'onMetaData' ? decodeAmf(body, name.next) : undefined;
      if (fields && typeof fields.value === 'object' && fields.value !== null && !Array.isArray(fields.value)) {
        tag.metadata = fields.value;
      }
    }
  } else if (type === TAG_VIDEO && body.length >= 1) {
    tag.kind = 'video';
    tag.frameType = (body[0]! >> 4) & 0x07;
    tag.codecId = body[0]! & 0x0f;
    if (tag.codecId === 7 && body.length >= 2) tag.avcPacketType = body[1]!;
  } else if (type === TAG_AUDIO && body.length >= 1) {
    tag.kind = 'audio';
    tag.soundFormat = body[0]! >> 4;
    if (tag.soundFormat === 10 && body.length >= 2) tag.aacPacketType = body[1]!;
  }
  return tag;
}

export class FlvTagParser {
  header: FlvHeader | undefined;
  private pending: Buffer = Buffer.alloc(0);

  /** Feeds bytes; returns the tags completed by them. Throws FlvFormatError on a broken stream. */
  push(chunk: Uint8Array): FlvTagInfo[] {
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : Buffer.from(chunk);
    const tags: FlvTagInfo[] = [];
    if (!this.header) {
      if (this.pending.length < 13) return tags;
      const signature = this.pending.toString('latin1', 0, 3);
      if (signature !== 'FLV') throw new FlvFormatError(`not FLV: starts with ${JSON.stringify(signature)}`);
      const flags = this.pending[4]!;
      this.header = { signature, version: this.pending[3]!, hasAudio: (flags & 4) !== 0, hasVideo: (flags & 1) !== 0 };
      const dataOffset = this.pending.readUInt32BE(5);
      this.pending = this.pending.subarray(dataOffset + PREVIOUS_TAG_SIZE_BYTES);
    }
    let p = 0;
    while (this.pending.length - p >= TAG_HEADER_BYTES) {
      const size = this.pending.readUIntBE(p + 1, 3);
      const end = p + TAG_HEADER_BYTES + size + PREVIOUS_TAG_SIZE_BYTES;
      if (this.pending.length < end) break;
      if (this.pending.readUInt32BE(end - PREVIOUS_TAG_SIZE_BYTES) !== TAG_HEADER_BYTES + size) {
        throw new FlvFormatError(`tag ${tags.length} has a wrong PreviousTagSize`);
      }
      const body = this.pending.subarray(p + TAG_HEADER_BYTES, p + TAG_HEADER_BYTES + size);
      tags.push(describeTag(this.pending[p]! & 0x1f, readTagTimestamp(this.pending, p), body));
      p = end;
    }
    this.pending = this.pending.subarray(p);
    return tags;
  }
}

export interface ReadFlvOptions {
  /** Stop after this many tags. */
  maxTags?: number;
  /** Stop when this returns true for the tags read so far. */
  until?: (tags: FlvTagInfo[]) => boolean;
  /** Stop reading after this long; what was read is returned with `timedOut: true`. */
  timeoutMs: number;
}

export interface FlvRead {
  header: FlvHeader | undefined;
  tags: FlvTagInfo[];
  bytes: number;
  /** True when the time ran out before `maxTags` or `until`. */
  timedOut: boolean;
  /** True when the source ended by itself (the stream finished). */
  ended: boolean;
}

/**
 * Reads FLV tags from an HTTP response (fetch), a Node stream or any async iterable of bytes
 * (e.g. `createWebSocketStream` from ws), then stops reading and releases the source.
 */
export async function readFlvTags(source: Response | AsyncIterable<Uint8Array>, options: ReadFlvOptions): Promise<FlvRead> {
  const iterator = bytesOf(source);
  const parser = new FlvTagParser();
  const result: FlvRead = { header: undefined, tags: [], bytes: 0, timedOut: false, ended: false };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), options.timeoutMs);
  });
  const done = () => (options.maxTags !== undefined && result.tags.length >= options.maxTags) || (options.until?.(result.tags) ?? false);
  try {
    while (!done()) {
      const next = await Promise.race([iterator.next(), timeout]);
      if (next === 'timeout') {
        result.timedOut = true;
        break;
      }
      if (next.done) {
        result.ended = true;
        break;
      }
      result.bytes += next.value.length;
      result.tags.push(...parser.push(next.value));
      result.header = parser.header;
    }
  } finally {
    clearTimeout(timer);
    // Not awaited: a source blocked in a read may settle its return() only when more bytes come.
    iterator.return?.().catch(() => {});
  }
  if (options.maxTags !== undefined) result.tags = result.tags.slice(0, options.maxTags);
  return result;
}

function bytesOf(source: Response | AsyncIterable<Uint8Array>): AsyncIterator<Uint8Array> {
  if (!(source instanceof Response)) return source[Symbol.asyncIterator]();
  // A reader, not the body's own async iterator: cancelling a reader ends a pending read at once,
  // while the iterator's return() would wait for the next chunk of a live stream.
  const reader = source.body?.getReader();
  return {
    next: async () => (reader ? ((await reader.read()) as IteratorResult<Uint8Array>) : { done: true, value: undefined }),
    return: async () => {
      await reader?.cancel();
      return { done: true, value: undefined };
    },
  };
}
