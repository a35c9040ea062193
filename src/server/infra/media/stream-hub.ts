import { FLV_HEADER, TAG_AUDIO, TAG_SCRIPT, TAG_VIDEO, flvTag, metadataBody } from './flv';

/** One message of an authorised publisher, as the RTMP layer parsed it. */
export interface MediaPacket {
  /** FLV tag type: 8 audio, 9 video, 18 script. */
  type: number;
  /** 0 audio sequence header, 1 audio frame, 2 video sequence header, 3 keyframe, 4 inter frame, 5 script. */
  flags: number;
  timestamp: number;
  /** May be a view of a buffer the parser reuses: the hub copies what it keeps. */
  body: Buffer;
}

/** Something that receives a stream's FLV bytes: a viewer's socket, the recorder, ffmpeg for HLS. */
export interface StreamSubscriber {
  role: 'viewer' | 'recorder' | 'hls';
  write(chunk: Buffer): void;
  /** Bytes accepted but not yet sent on. */
  backlog(): number;
  /** Called once when the stream ends or the subscriber is dropped for being too slow. */
  end(): void;
  /** Bytes of backlog after which the subscriber is dropped; the hub's viewer limit by default. */
  maxBacklog?: number;
}

export interface HubLimits {
  /** Largest group of pictures kept for late joiners; a longer one is not cached. */
  maxGopBytes: number;
  /** A viewer further behind than this is dropped; its player reconnects and starts at a keyframe. */
  maxViewerBacklog: number;
  /** Largest metadata tag forwarded. */
  maxMetadataBytes: number;
}

const defaultLimits: HubLimits = { maxGopBytes: 8 * 1024 * 1024, maxViewerBacklog: 4 * 1024 * 1024, maxMetadataBytes: 64 * 1024 };

interface Attached {
  subscriber: StreamSubscriber;
  /** Joined without a cached keyframe: video waits for the next one, since nothing before it decodes. */
  awaitingKeyframe: boolean;
}

/**
 * The live state of one stream: its publisher's tags, each muxed once into a buffer that every
 * subscriber is written, plus what a late joiner needs to start playing at once (metadata,
 * sequence headers and the group of pictures since the last keyframe).
 */
export class Broadcast {
  private readonly attached = new Set<Attached>();
  private metadata: Buffer | undefined;
  private audioHeader: Buffer | undefined;
  private videoHeader: Buffer | undefined;
  private gop: Buffer[] = [];
  private gopBytes = 0;
  private ended = false;

  constructor(
    readonly streamId: string,
    private readonly limits: HubLimits,
    private readonly onDropped: (subscriber: StreamSubscriber) => void,
  ) {}

  get isEnded(): boolean {
    return this.ended;
  }

  count(role: StreamSubscriber['role']): number {
    let n = 0;
    for (const a of this.attached) if (a.subscriber.role === role) n++;
    return n;
  }

  packet(packet: MediaPacket): void {
    if (this.ended) return;
    const { type, flags } = packet;
    let body = packet.body;
    // Only audio, video and onMetaData reach players; AMF3 data and cue points are dropped.
    if (type === TAG_SCRIPT) {
      const meta = body.length <= this.limits.maxMetadataBytes ? metadataBody(body) : undefined;
      if (!meta) return;
      body = meta;
    } else if (type !== TAG_AUDIO && type !== TAG_VIDEO) {
      return;
    }
    if (body.length === 0) return;
    const tag = flvTag(type, packet.timestamp, body);
    const isKeyframe = type === TAG_VIDEO && flags === 3;
    if (type === TAG_SCRIPT) this.metadata = tag;
    else if (type === TAG_AUDIO && flags === 0) this.audioHeader = tag;
    else if (type === TAG_VIDEO && flags === 2) {
      // New decoder settings: frames cached under the old ones would not decode with these.
      this.videoHeader = tag;
      this.gop = [];
      this.gopBytes = 0;
    } else if (isKeyframe) {
      this.gop = [tag];
      this.gopBytes = tag.length;
    } else if (this.gop.length) {
      if (this.gopBytes + tag.length > this.limits.maxGopBytes) {
        this.gop = [];
        this.gopBytes = 0;
      } else {
        this.gop.push(tag);
        this.gopBytes += tag.length;
      }
    }
    for (const a of this.attached) {
      if (a.awaitingKeyframe && type === TAG_VIDEO && flags !== 2) {
        if (!isKeyframe) continue;
        a.awaitingKeyframe = false;
      }
      this.send(a, tag);
    }
  }

  /** Starts the subscriber with the FLV header and what a decoder needs, then live tags. */
  subscribe(subscriber: StreamSubscriber): () => void {
    if (this.ended) {
      subscriber.end();
      return () => {};
    }
    // Declaring audio that never comes makes some players wait for it forever.
    const header = Buffer.from(FLV_HEADER);
    if (this.videoHeader && !this.audioHeader) header[4] = 0x01;
    subscriber.write(header);
    for (const tag of [this.metadata, this.videoHeader, this.audioHeader, ...this.gop]) if (tag) subscriber.write(tag);
    const attached: Attached = { subscriber, awaitingKeyframe: this.gop.length === 0 };
    this.attached.add(attached);
    return () => void this.attached.delete(attached);
  }

  /** Ends every subscriber; later packets are ignored. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    const all = [...this.attached];
    this.attached.clear();
    this.gop = [];
    for (const a of all) a.subscriber.end();
  }

  private send(a: Attached, tag: Buffer): void {
    const max = a.subscriber.maxBacklog ?? this.limits.maxViewerBacklog;
    if (a.subscriber.backlog() > max) {
      this.attached.delete(a);
      a.subscriber.end();
      this.onDropped(a.subscriber);
      return;
    }
    a.subscriber.write(tag);
  }
}

/** Live streams by id; a stream has at most one publisher. */
export class StreamHub {
  private readonly live = new Map<string, Broadcast>();
  private readonly limits: HubLimits;

  constructor(
    limits: Partial<HubLimits> = {},
    private readonly onDropped: (streamId: string, subscriber: StreamSubscriber) => void = () => {},
  ) {
    this.limits = { ...defaultLimits, ...limits };
  }

  find(streamId: string): Broadcast | undefined {
    return this.live.get(streamId);
  }

  /** Check-and-set in one synchronous step, so two publishers cannot both get the stream. */
  claim(streamId: string): Broadcast | undefined {
    if (this.live.has(streamId)) return undefined;
    const broadcast = new Broadcast(streamId, this.limits, (s) => this.onDropped(streamId, s));
    this.live.set(streamId, broadcast);
    return broadcast;
  }

  /** The publisher is gone: subscribers are ended and the stream is free for the next one. */
  release(broadcast: Broadcast): void {
    if (this.live.get(broadcast.streamId) === broadcast) this.live.delete(broadcast.streamId);
    broadcast.end();
  }
}
