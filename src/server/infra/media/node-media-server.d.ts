/**
 * Types for the parts of node-media-server 4.4.3 (CommonJS, no type definitions) that the media
 * plane uses as a protocol library. Only what we call is declared; the version is pinned exactly
 * because these are internals, not a public API.
 */

declare module 'node-media-server/src/core/avpacket.js' {
  /** One audio, video or script message; `data` may be a parser buffer that is reused for the next one. */
  class AVPacket {
    /** 8 audio, 9 video, 18 script (AMF0 data); other RTMP data types pass through as they came. */
    codec_type: number;
    codec_id: number;
    /** 0 audio sequence header, 1 audio frame, 2 video sequence header, 3 keyframe, 4 inter frame, 5 script data. */
    flags: number;
    pts: number;
    dts: number;
    size: number;
    data: Buffer;
  }
  export = AVPacket;
}

declare module 'node-media-server/src/protocol/rtmp.js' {
  import type AVPacket from 'node-media-server/src/core/avpacket.js';

  interface RtmpChunkHeader {
    fmt: number;
    cid: number;
    timestamp: number;
    length: number;
    type: number;
    stream_id: number;
  }
  interface RtmpPacketState {
    header: RtmpChunkHeader;
    clock: number;
    payload: Buffer;
    capacity: number;
    bytes: number;
  }
  /** A decoded AMF0 command; fields depend on the command. */
  interface InvokeMessage {
    cmd?: unknown;
    transId?: unknown;
    cmdObj?: unknown;
    streamName?: unknown;
    [field: string]: unknown;
  }

  /** Server side of the RTMP protocol: handshake, chunk stream, AMF commands, FLV packets. */
  class Rtmp {
    constructor();
    onConnectCallback: (request: unknown) => void;
    onPlayCallback: () => void;
    onPushCallback: () => void;
    onPacketCallback: (packet: AVPacket) => void;
    onOutputCallback: (buffer: Buffer) => void;

    streamApp: string;
    streamName: string;
    streamId: number;
    inChunkSize: number;
    /** Window acknowledgement size the peer asked for (0 when it did not). */
    ackSize?: number;
    parserPacket: RtmpPacketState;
    inPackets: Map<number, RtmpPacketState>;

    /** Feeds received bytes; returns an error text or null. Throws on some malformed input. */
    parserData(buffer: Buffer): string | null;
    packetParse(): void;
    packetAlloc(): void;
    controlHandler(): void;
    invokeHandler(): void;

    onConnect(invokeMessage: InvokeMessage): void;
    onCreateStream(invokeMessage: InvokeMessage): void;
    onPublish(invokeMessage: InvokeMessage): void;
    onPlay(invokeMessage: InvokeMessage): void;
    onDeleteStream(invokeMessage: InvokeMessage): void;

    sendACK(size: number): void;
    sendInvokeMessage(streamId: number, message: Record<string, unknown>): void;
    sendStatusMessage(streamId: number, level: string, code: string, description: string): void;
    respondPublish(): void;

    static createMessage(packet: AVPacket): Buffer;
  }
  export = Rtmp;
}

declare module 'node-media-server/src/protocol/rtmp_client.js' {
  import type AVPacket from 'node-media-server/src/core/avpacket.js';
  import type Rtmp from 'node-media-server/src/protocol/rtmp.js';
  import type { Socket } from 'node:net';

  /** Client side: TCP connection, simple handshake, connect/createStream/publish commands. */
  class RtmpClient extends Rtmp {
    constructor();
    socket: Socket | null;
    baseUri: string;
    onCloseCallback: (hadError: boolean) => void;
    onErrorCallback: (error: Error) => void;
    onStatusCallback: (code: string, info: Record<string, unknown>) => void;
    /** TCP connect and handshake; the URL's path is app/stream. */
    connect(url: string): Promise<void>;
    /** NetConnection.connect with `tcUrl` = `baseUri`. */
    sendConnect(): Promise<unknown>;
    sendCreateStream(): Promise<number>;
    /** Resolves on NetStream.Publish.Start; rejects with the server's description on a refusal. */
    sendPublish(streamName: string, type?: string): Promise<unknown>;
    sendPacket(packet: Pick<AVPacket, 'codec_type' | 'dts' | 'size' | 'data'>): void;
    disconnect(): void;
  }
  export = RtmpClient;
}

declare module 'node-media-server/src/protocol/flv.js' {
  import type AVPacket from 'node-media-server/src/core/avpacket.js';

  /** Incremental FLV demuxer. */
  class Flv {
    constructor();
    onPacketCallback: (packet: AVPacket) => void;
    /** Returns an error text or null. */
    parserData(buffer: Buffer): string | null;
  }
  export = Flv;
}

declare module 'node-media-server/src/core/logger.js' {
  /** A process-wide singleton that prints with console.log; it defaults to "debug". */
  const logger: { level: 'trace' | 'debug' | 'info' | 'warn' | 'error' };
  export = logger;
}
