// What the orchestrator (run.ts) and the load generator (load-generator.ts) say to each other
// over the fork IPC channel, and the latency histogram both sides read.

export interface GeneratorConfig {
  label: string;
  roomId: string;
  /** ws://127.0.0.1:<port> of each node; viewer i and sender j go to node i % n and j % n. */
  nodeUrls: string[];
  /** Sent as Origin, so a gateway that checks it sees a same-site client. */
  origins: string[];
  viewers: number;
  /** `ws`: the ws package's client; `raw`: raw-viewer.ts, receive-only and cheaper per frame. */
  client: 'ws' | 'raw';
  /** One `tt_session=…` cookie per sender. */
  senderCookies: string[];
  seconds: number;
  chatRate: number;
  likeRate: number;
  /** Taps per like frame. */
  likeBatch: number;
  connectBatch: number;
  connectTimeoutSeconds: number;
  drainSeconds: number;
}

export type ToGenerator = { type: 'start'; config: GeneratorConfig } | { type: 'stop'; reason: string };

export type FromGenerator =
  | { type: 'progress'; text: string }
  /** Sending starts now: the orchestrator takes its CPU baseline. */
  | { type: 'measure-start' }
  /** Sending stopped; the generator waits for deliveries to drain. */
  | { type: 'measure-end' }
  | { type: 'report'; report: GeneratorReport };

export interface LatencySummary {
  p50_ms: number | null;
  p90_ms: number | null;
  p99_ms: number | null;
  max_ms: number | null;
  samples: number;
}

export interface GeneratorReport {
  viewers_requested: number;
  viewers_connected: number;
  viewers_failed: number;
  /** Closed by the server (or the network) after the snapshot; code → count. */
  viewers_closed: number;
  close_codes: Record<string, number>;
  senders_connected: number;
  connect_seconds: number;
  resyncs: number;
  chat_sent: number;
  /** Not sent because no sender socket was open at the time. */
  chat_skipped: number;
  chat_acked: number;
  /** Acknowledged, or seen in a frame though the reply was lost with a closed sender. */
  chat_accepted: number;
  chat_refused: Record<string, number>;
  chat_unanswered: number;
  like_frames_sent: number;
  like_taps_sent: number;
  /** Senders the server closed during the window, reopened after 200 ms. */
  sender_reconnects: number;
  /** Other refusals (likes, unexpected replies), by error code. */
  other_refusals: Record<string, number>;
  /** ok replies that match no message awaiting one (a second reply, or an unknown ref). */
  unmatched_replies: number;
  /** Highest `likes.total` and `presence.viewers` seen in any frame: the room's own counts. */
  likes_total_seen: number;
  /** likes_total_seen less the room's count in the first snapshot: this run's taps as the room counted them. */
  likes_counted: number;
  presence_max_seen: number;
  send_seconds: number;
  drain_seconds: number;
  drained: boolean;
  stopped_early: string | null;
  latency: LatencySummary;
  /** (chat message, viewer) pairs that arrived, first arrivals only. */
  chat_deliveries: number;
  chat_deliveries_expected: number;
  /** Of (accepted message, viewer) pairs. */
  fraction_delivered: number | null;
  /** Of (sent message, viewer) pairs: also counts what the server refused or lost with a closed sender. */
  fraction_of_sent_delivered: number | null;
  /** Events of any type (chat, likes, presence …) that reached a viewer, from the first send. */
  event_deliveries: number;
  /** Event frames received by viewers from the first send. */
  frames_received: number;
  /** From the first send to the end of sending, or to the last chat arrival if later. */
  rate_window_seconds: number;
  chat_deliveries_per_s: number | null;
  event_deliveries_per_s: number | null;
  frames_per_s: number | null;
  ordering: OrderingCounts;
  generator: { cpu_percent: number; loop_delay_p99_ms: number; loop_delay_max_ms: number; peak_rss_mb: number };
}

export interface OrderingCounts {
  /** Frames whose `from` skipped past the viewer's last seq + 1 (the first one must be snapshot.seq + 1). */
  gaps: number;
  /** Frames wholly at or below the viewer's last seq. */
  duplicate_frames: number;
  /** Frames that start at or below the last seq but reach past it. */
  overlapping_frames: number;
  /** (message, viewer) pairs that arrived more than once. */
  duplicate_deliveries: number;
  /** First arrivals in a frame that came after a later seq had already arrived. */
  out_of_order_deliveries: number;
  /** (accepted message, viewer) pairs that never arrived at a viewer that stayed connected. */
  missing: number;
  /** Viewers whose last seq ended below the highest seq of any of our chat messages. */
  viewers_behind: number;
  /** Event frames before the snapshot, frames whose events are not exactly from..to, unknown frames. */
  protocol_errors: number;
  /** A message carried a different seq on another node, or its reply's seq differed from the event's. */
  seq_mismatches: number;
  /** Whether the per-(message, viewer) bitset ran (it is skipped when it would exceed 256 MB). */
  tracked_per_message: boolean;
}

/** 1 ms buckets up to 10 s, then one overflow bucket: flat memory however many deliveries. */
export const histogramBuckets = 10_001;

export function summarise(histogram: Uint32Array, maxMs: number): LatencySummary {
  let samples = 0;
  for (const count of histogram) samples += count;
  const at = (q: number) => {
    if (!samples) return null;
    const rank = Math.ceil(q * samples);
    let seen = 0;
    for (let i = 0; i < histogram.length; i++) {
      seen += histogram[i]!;
      // The bucket's upper edge, so a quantile never reads better than it was.
      if (seen >= rank) return i + 1 < histogram.length ? Math.min(i + 1, round(maxMs, 1)) : round(maxMs, 1);
    }
    return round(maxMs, 1);
  };
  return { p50_ms: at(0.5), p90_ms: at(0.9), p99_ms: at(0.99), max_ms: samples ? round(maxMs, 1) : null, samples };
}

export const round = (value: number, digits = 0) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};
