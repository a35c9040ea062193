// The room bench's load generator: a separate process (forked by run.ts) that holds the viewer
// and sender sockets, sends chat and likes, and measures what every viewer receives.
//
// It must stay lean: ten thousand sockets receive ~10 frames/s each, on a machine whose other
// core runs the node. So a frame is JSON-parsed once per distinct `from-to` range (identical
// ranges carry identical events on every node), the per-socket path reads only the first bytes
// of each frame, and latencies go into a fixed histogram rather than arrays.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import WebSocket from 'ws';
import { openRawViewer } from './raw-viewer';
import { histogramBuckets, round, summarise, type FromGenerator, type GeneratorConfig, type GeneratorReport, type ToGenerator } from './messages';

interface WireEvent {
  seq: number;
  type: string;
  data: Record<string, unknown>;
}
interface EventsFrame {
  t: 'events';
  from: number;
  to: number;
  events: WireEvent[];
}
/** One distinct frame, parsed once: which of our chat messages it carries, and at which seqs. */
interface FrameInfo {
  messages: Int32Array;
  seqs: Float64Array;
}

const send = (message: FromGenerator) => process.send?.(message);
const progress = (text: string) => send({ type: 'progress', text });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let stopReason: string | null = null;

async function run(config: GeneratorConfig): Promise<GeneratorReport> {
  const viewerCount = config.viewers;
  const senderCount = config.senderCookies.length;
  const maxMessages = Math.ceil(config.chatRate * config.seconds) + 16;

  // Per viewer.
  const lastSeq = new Float64Array(viewerCount);
  const hasSnapshot = new Uint8Array(viewerCount);
  const isOpen = new Uint8Array(viewerCount);
  const chatsReceived = new Uint32Array(viewerCount);
  // One bit per (viewer, message): exact duplicate and missing counts. 10 000 × 6 000 is 7.5 MB.
  const rowBytes = Math.ceil(maxMessages / 8);
  const tracked = viewerCount * rowBytes <= 256 * 1024 * 1024;
  const seen = new Uint8Array(tracked ? viewerCount * rowBytes : 0);

  // Per chat message n (text `b<n>`, ref `<n>`).
  const sentAt = new Float64Array(maxMessages);
  const ackSeq = new Float64Array(maxMessages);
  const answered = new Uint8Array(maxMessages);
  const eventSeq = new Float64Array(maxMessages);

  const histogram = new Uint32Array(histogramBuckets);
  let maxLatency = 0;
  const frames = new Map<number, FrameInfo>();
  const counts = {
    gaps: 0,
    duplicateFrames: 0,
    overlappingFrames: 0,
    duplicateDeliveries: 0,
    outOfOrderDeliveries: 0,
    protocolErrors: 0,
    seqMismatches: 0,
    resyncs: 0,
    viewersClosed: 0,
    chatDeliveries: 0,
    eventDeliveries: 0,
    framesReceived: 0,
    chatAcked: 0,
    chatUnmatchedReplies: 0,
    likesTotalSeen: 0,
    presenceMaxSeen: 0,
  };
  const closeCodes: Record<string, number> = {};
  const chatRefused: Record<string, number> = {};
  const otherRefusals: Record<string, number> = {};
  const connectErrors = new Map<string, number>();
  let measuring = false;
  let sending = false;
  let senderReconnects = 0;
  let likesAtStart = -1;
  // Replies each sender still owes; a closed socket's are given up, so the drain can end.
  const senderOf = new Uint16Array(maxMessages);
  const outstanding = new Uint32Array(senderCount);
  let awaitingReplies = 0;
  let measureStart = 0;
  let lastChatArrival = 0;
  let eventsAtLastChat = 0;
  let framesAtLastChat = 0;
  let maxChatSeq = 0;

  // ---- frame reading -------------------------------------------------------------------

  // `{"t":"events","from":F,"to":T,…`: the server writes the keys in this order, so the range
  // is read from the first bytes without parsing the frame.
  const prefix = Buffer.from('{"t":"events","from":');
  const toKey = Buffer.from(',"to":');
  let headerFrom = 0;
  let headerTo = 0;
  const readHeader = (data: Buffer): boolean => {
    if (data.length < prefix.length + 8) return false;
    for (let i = 0; i < prefix.length; i++) if (data[i] !== prefix[i]) return false;
    let i = prefix.length;
    let from = 0;
    let digits = 0;
    for (let c = data[i]!; c >= 48 && c <= 57; c = data[++i]!) (from = from * 10 + (c - 48)), digits++;
    if (!digits) return false;
    for (let k = 0; k < toKey.length; k++) if (data[i + k] !== toKey[k]) return false;
    i += toKey.length;
    let to = 0;
    digits = 0;
    for (let c = data[i]!; c >= 48 && c <= 57; c = data[++i]!) (to = to * 10 + (c - 48)), digits++;
    if (!digits) return false;
    headerFrom = from;
    headerTo = to;
    return true;
  };

  const frameKey = (from: number, to: number) => from * 1_048_576 + (to - from);

  // `{"t":"snapshot",["resync":true,]"room":{"seq":N,…`: a resync goes to every socket that fell
  // behind, so its seq is read without parsing the whole room.
  const snapshotPrefix = Buffer.from('{"t":"snapshot"');
  const seqKey = Buffer.from('"room":{"seq":');
  const readSnapshotSeq = (data: Buffer): number => {
    if (data.length < 40) return -1;
    for (let i = 0; i < snapshotPrefix.length; i++) if (data[i] !== snapshotPrefix[i]) return -1;
    const at = data.subarray(0, 64).indexOf(seqKey);
    if (at < 0) return -1;
    let i = at + seqKey.length;
    let seq = 0;
    let digits = 0;
    for (let c = data[i]!; c >= 48 && c <= 57; c = data[++i]!) (seq = seq * 10 + (c - 48)), digits++;
    return digits ? seq : -1;
  };

  const parseFrame = (frame: EventsFrame): FrameInfo => {
    const messages: number[] = [];
    const seqs: number[] = [];
    const events = frame.events;
    let contiguous = events.length === frame.to - frame.from + 1;
    for (let k = 0; k < events.length; k++) {
      const event = events[k]!;
      if (event.seq !== frame.from + k) contiguous = false;
      if (event.type === 'chat') {
        const text = event.data.text;
        if (typeof text === 'string' && text.length > 1 && text.charCodeAt(0) === 98 /* b */) {
          const n = Number(text.slice(1));
          if (Number.isInteger(n) && n >= 0 && n < maxMessages && sentAt[n]! > 0) {
            messages.push(n);
            seqs.push(event.seq);
            if (event.seq > maxChatSeq) maxChatSeq = event.seq;
            if (eventSeq[n] === 0) eventSeq[n] = event.seq;
            else if (eventSeq[n] !== event.seq) counts.seqMismatches++;
          }
        }
      } else if (event.type === 'likes') {
        const total = Number(event.data.total);
        if (total > counts.likesTotalSeen) counts.likesTotalSeen = total;
      } else if (event.type === 'presence') {
        const viewers = Number(event.data.viewers);
        if (viewers > counts.presenceMaxSeen) counts.presenceMaxSeen = viewers;
      }
    }
    if (!contiguous) counts.protocolErrors++;
    return { messages: Int32Array.from(messages), seqs: Float64Array.from(seqs) };
  };

  const deliver = (v: number, from: number, to: number, info: FrameInfo, now: number) => {
    if (measuring) counts.framesReceived++;
    if (!hasSnapshot[v]) {
      counts.protocolErrors++;
      return;
    }
    const last = lastSeq[v]!;
    if (from === last + 1) lastSeq[v] = to;
    else if (from > last + 1) {
      counts.gaps++;
      lastSeq[v] = to;
    } else if (to <= last) counts.duplicateFrames++;
    else {
      counts.overlappingFrames++;
      lastSeq[v] = to;
    }
    if (measuring && to > last) counts.eventDeliveries += to - Math.max(from, last + 1) + 1;
    const messages = info.messages;
    for (let k = 0; k < messages.length; k++) {
      const n = messages[k]!;
      if (tracked) {
        const at = v * rowBytes + (n >> 3);
        const bit = 1 << (n & 7);
        if (seen[at]! & bit) {
          counts.duplicateDeliveries++;
          continue;
        }
        seen[at] = seen[at]! | bit;
      } else if (info.seqs[k]! <= last) {
        counts.duplicateDeliveries++;
        continue;
      }
      if (info.seqs[k]! <= last) counts.outOfOrderDeliveries++;
      chatsReceived[v] = chatsReceived[v]! + 1;
      counts.chatDeliveries++;
      const latency = now - sentAt[n]!;
      histogram[latency < 10_000 ? (latency > 0 ? Math.floor(latency) : 0) : 10_000]!++;
      if (latency > maxLatency) maxLatency = latency;
      lastChatArrival = now;
      eventsAtLastChat = counts.eventDeliveries;
      framesAtLastChat = counts.framesReceived;
    }
  };

  /** Everything that is not an events frame in the expected layout: parsed, it is rare. */
  const readOther = (data: Buffer): { t?: string } & Record<string, unknown> => {
    try {
      return JSON.parse(data.toString('utf8')) as { t?: string } & Record<string, unknown>;
    } catch {
      counts.protocolErrors++;
      return {};
    }
  };

  const onViewerFrame = (v: number, data: Buffer, onSnapshot: () => void, now: number) => {
    if (readHeader(data)) {
      const key = frameKey(headerFrom, headerTo);
      let info = frames.get(key);
      if (info === undefined) {
        const parsed = readOther(data) as unknown as EventsFrame;
        info = parseFrame(parsed);
        frames.set(key, info);
      }
      deliver(v, headerFrom, headerTo, info, now);
      return;
    }
    const snapshotSeq = readSnapshotSeq(data);
    if (snapshotSeq >= 0) {
      if (hasSnapshot[v]) counts.resyncs++;
      hasSnapshot[v] = 1;
      lastSeq[v] = snapshotSeq;
      onSnapshot();
      return;
    }
    const frame = readOther(data);
    if (frame.t === 'events') {
      // Same meaning, unexpected key order: correct but slow, so it is counted.
      const events = frame as unknown as EventsFrame;
      const key = frameKey(events.from, events.to);
      let info = frames.get(key);
      if (info === undefined) frames.set(key, (info = parseFrame(events)));
      counts.protocolErrors++;
      deliver(v, events.from, events.to, info, now);
    } else if (frame.t === 'snapshot') {
      const room = frame.room as { seq: number };
      if (hasSnapshot[v]) counts.resyncs++;
      hasSnapshot[v] = 1;
      lastSeq[v] = room.seq;
      onSnapshot();
    } else if (frame.t !== 'pong') counts.protocolErrors++;
  };

  /** The raw client's first look at a frame: enough for a known range or a snapshot's seq. */
  const onViewerHead = (v: number, head: Buffer, length: number, onSnapshot: () => void, now: number): boolean => {
    if (length < head.length) return false;
    if (readHeader(head)) {
      const info = frames.get(frameKey(headerFrom, headerTo));
      if (info === undefined) return false;
      deliver(v, headerFrom, headerTo, info, now);
      return true;
    }
    const snapshotSeq = readSnapshotSeq(head);
    if (snapshotSeq < 0) return false;
    if (hasSnapshot[v]) counts.resyncs++;
    hasSnapshot[v] = 1;
    lastSeq[v] = snapshotSeq;
    onSnapshot();
    return true;
  };

  // ---- sockets ------------------------------------------------------------------------

  const socketOptions = (node: number, cookie?: string): WebSocket.ClientOptions => ({
    perMessageDeflate: false,
    skipUTF8Validation: true,
    origin: config.origins[node],
    handshakeTimeout: 30_000,
    ...(cookie ? { headers: { cookie } } : {}),
  });
  const roomUrl = (node: number) => `${config.nodeUrls[node]}/ws/rooms/${encodeURIComponent(config.roomId)}`;
  const noteError = (err: Error) => connectErrors.set(err.message, (connectErrors.get(err.message) ?? 0) + 1);

  let viewersConnected = 0;
  let viewersFailed = 0;
  const openViewer = (v: number) =>
    new Promise<void>((resolve) => {
      const node = v % config.nodeUrls.length;
      let settled = false;
      const settle = (ok: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (ok) viewersConnected++;
        else viewersFailed++;
        resolve();
      };
      const timer = setTimeout(() => settle(false), config.connectTimeoutSeconds * 1000);
      const onSnapshot = () => settle(true);
      const onClose = (code: number) => {
        if (isOpen[v] && hasSnapshot[v]) {
          counts.viewersClosed++;
          closeCodes[code] = (closeCodes[code] ?? 0) + 1;
        }
        isOpen[v] = 0;
        settle(false);
      };
      if (config.client === 'raw') {
        openRawViewer(new URL(roomUrl(node)), config.origins[node], {
          onOpen: () => (isOpen[v] = 1),
          onHead: (head, length, now) => onViewerHead(v, head, length, onSnapshot, now),
          onFrame: (payload, now) => onViewerFrame(v, payload, onSnapshot, now),
          onClose: (code, reason) => {
            if (code < 0 || !isOpen[v]) noteError(new Error(reason));
            onClose(code);
          },
        });
        return;
      }
      const ws = new WebSocket(roomUrl(node), socketOptions(node));
      ws.on('open', () => (isOpen[v] = 1));
      ws.on('message', (data) => onViewerFrame(v, data as Buffer, onSnapshot, performance.now()));
      ws.on('error', noteError);
      ws.on('close', onClose);
    });

  const senders: WebSocket[] = [];
  const onReply = (frame: Record<string, unknown>) => {
    const ref = typeof frame.ref === 'string' ? Number(frame.ref) : NaN;
    const chat = Number.isInteger(ref) && ref >= 0 && ref < maxMessages && sentAt[ref]! > 0 && !answered[ref];
    if (!chat) {
      if (frame.ok === false) {
        const code = (frame.error as { code?: string } | undefined)?.code ?? 'UNKNOWN';
        otherRefusals[code] = (otherRefusals[code] ?? 0) + 1;
      } else counts.chatUnmatchedReplies++;
      return;
    }
    answered[ref] = 1;
    const j = senderOf[ref]!;
    if (outstanding[j]! > 0) {
      outstanding[j]!--;
      awaitingReplies--;
    }
    if (frame.ok === true) {
      const seq = Number(frame.seq);
      ackSeq[ref] = seq;
      counts.chatAcked++;
      if (seq > maxChatSeq) maxChatSeq = seq;
      if (eventSeq[ref] !== 0 && eventSeq[ref] !== seq) counts.seqMismatches++;
    } else {
      const code = (frame.error as { code?: string } | undefined)?.code ?? 'UNKNOWN';
      chatRefused[code] = (chatRefused[code] ?? 0) + 1;
    }
  };
  const openSender = (j: number) =>
    new Promise<boolean>((resolve) => {
      const node = j % config.nodeUrls.length;
      const ws = new WebSocket(roomUrl(node), socketOptions(node, config.senderCookies[j]));
      senders[j] = ws;
      const timer = setTimeout(() => resolve(false), config.connectTimeoutSeconds * 1000);
      ws.on('message', (raw) => {
        const data = raw as Buffer;
        // Senders take part in the room but are not measured: their event frames are skipped.
        if (readHeader(data)) return;
        const frame = readOther(data);
        if (frame.t === 'snapshot') {
          // The room's like count before this run, so the run's own likes can be told apart.
          const likes = (frame.room as { likes?: number } | undefined)?.likes;
          if (likesAtStart < 0 && typeof likes === 'number') likesAtStart = likes;
          clearTimeout(timer);
          resolve(true);
        } else if (frame.t === 'reply') onReply(frame);
      });
      ws.on('error', noteError);
      ws.on('close', (code) => {
        clearTimeout(timer);
        closeCodes[`sender:${code}`] = (closeCodes[`sender:${code}`] ?? 0) + 1;
        awaitingReplies -= outstanding[j]!;
        outstanding[j] = 0;
        resolve(false);
        // A client the server closed comes back, as an app would, so the load keeps its shape;
        // what was in flight on the old socket is lost and shows as unanswered.
        if (sending) {
          senderReconnects++;
          setTimeout(() => void openSender(j), 200);
        }
      });
    });
  /** The index of the sender for message or like k, or of the next one that is open; -1 if none is. */
  const senderFor = (k: number): number => {
    for (let tries = 0; tries < senderCount; tries++) {
      const j = (k + tries) % senderCount;
      if (senders[j]!.readyState === WebSocket.OPEN) return j;
    }
    return -1;
  };

  // ---- connect ------------------------------------------------------------------------

  const connectStart = performance.now();
  const sendersOk = (await Promise.all(config.senderCookies.map((_, j) => openSender(j)))).filter(Boolean).length;
  if (sendersOk < senderCount) {
    progress(`only ${sendersOk}/${senderCount} senders connected; errors: ${JSON.stringify([...connectErrors])}`);
  }
  for (let start = 0; start < viewerCount && !stopReason; start += config.connectBatch) {
    const batch: Promise<void>[] = [];
    for (let v = start; v < Math.min(viewerCount, start + config.connectBatch); v++) batch.push(openViewer(v));
    await Promise.all(batch);
    const done = Math.min(viewerCount, start + config.connectBatch);
    if (done % 2000 < config.connectBatch || done === viewerCount) {
      progress(`${done}/${viewerCount} viewers (${viewersConnected} with a snapshot, ${viewersFailed} failed)`);
    }
  }
  const connectSeconds = (performance.now() - connectStart) / 1000;
  if (connectErrors.size) progress(`connection errors: ${JSON.stringify([...connectErrors].slice(0, 5))}`);
  // Let the joins' presence updates settle before the clock starts.
  await sleep(1000);

  // ---- measured window ------------------------------------------------------------------

  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  const messagesToSend = Math.min(maxMessages - 16, Math.floor(config.chatRate * config.seconds));
  const likeFrame = JSON.stringify({ t: 'like', n: config.likeBatch });
  const likeFramesToSend = Math.floor((config.likeRate / config.likeBatch) * config.seconds);
  let chatSent = 0;
  let likeFramesSent = 0;
  let chatSkipped = 0;
  let likeFramesSkipped = 0;
  let peakRss = process.memoryUsage().rss;
  const rssSampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 500);

  send({ type: 'measure-start' });
  const cpuBefore = process.cpuUsage();
  measureStart = performance.now();
  measuring = true;
  sending = true;
  loopDelay.enable();
  let lastReport = measureStart;
  await new Promise<void>((resolve) => {
    const ticker = setInterval(() => {
      const now = performance.now();
      const elapsed = (now - measureStart) / 1000;
      const chatDue = Math.min(messagesToSend, Math.floor(elapsed * config.chatRate));
      while (chatSent < chatDue) {
        const n = chatSent++;
        const j = senderFor(n);
        if (j < 0) {
          chatSkipped++;
          continue;
        }
        sentAt[n] = performance.now();
        senderOf[n] = j;
        outstanding[j]!++;
        awaitingReplies++;
        senders[j]!.send(`{"t":"chat","text":"b${n}","ref":"${n}"}`);
      }
      const likesDue = Math.min(likeFramesToSend, Math.floor((elapsed * config.likeRate) / config.likeBatch));
      while (likeFramesSent < likesDue) {
        const j = senderFor(likeFramesSent++);
        if (j >= 0) senders[j]!.send(likeFrame);
        else likeFramesSkipped++;
      }
      if (now - lastReport >= 10_000) {
        lastReport = now;
        progress(
          `${Math.round(elapsed)}/${config.seconds} s: ${chatSent} chat sent, ${counts.chatAcked} acked, ` +
            `${counts.chatDeliveries} deliveries, p99 so far ${summarise(histogram, maxLatency).p99_ms} ms`,
        );
      }
      if (elapsed >= config.seconds || stopReason) {
        clearInterval(ticker);
        resolve();
      }
    }, 5);
  });
  sending = false;
  const sendEnd = performance.now();
  const sendSeconds = (sendEnd - measureStart) / 1000;
  const eventsAtSendEnd = counts.eventDeliveries;
  const framesAtSendEnd = counts.framesReceived;
  const cpu = process.cpuUsage(cpuBefore);
  send({ type: 'measure-end' });

  // ---- drain ----------------------------------------------------------------------------

  const drainStart = performance.now();
  const drainLimit = stopReason ? 2000 : config.drainSeconds * 1000;
  let drained = false;
  while (performance.now() - drainStart < drainLimit) {
    // Every message has its answer, or went down with a socket the server closed: the node
    // has read everything the senders wrote.
    const repliesDone = awaitingReplies === 0;
    let behind = 0;
    for (let v = 0; v < viewerCount; v++) if (isOpen[v] && hasSnapshot[v] && lastSeq[v]! < maxChatSeq) behind++;
    if (repliesDone && behind === 0) {
      drained = true;
      break;
    }
    await sleep(100);
  }
  const drainSeconds = (performance.now() - drainStart) / 1000;
  // A few more ticks, so the last likes and presence counts arrive; nothing here is timed.
  if (drained) await sleep(500);
  measuring = false;
  loopDelay.disable();
  clearInterval(rssSampler);

  // ---- results --------------------------------------------------------------------------

  // A message the room accepted: acknowledged, or seen in a frame although its reply was lost.
  const accepted = new Uint8Array(chatSent);
  let acceptedCount = 0;
  for (let n = 0; n < chatSent; n++) if (ackSeq[n]! > 0 || eventSeq[n]! > 0) (accepted[n] = 1), acceptedCount++;
  let missing = 0;
  let viewersBehind = 0;
  let measuredViewers = 0;
  for (let v = 0; v < viewerCount; v++) {
    if (!hasSnapshot[v]) continue;
    measuredViewers++;
    if (lastSeq[v]! < maxChatSeq) viewersBehind++;
    // Viewers the server closed are reported apart; their missing messages are the close's.
    if (!isOpen[v]) continue;
    if (!tracked) {
      missing += Math.max(0, acceptedCount - chatsReceived[v]!);
      continue;
    }
    const row = v * rowBytes;
    for (let n = 0; n < chatSent; n++) if (accepted[n] && !(seen[row + (n >> 3)]! & (1 << (n & 7)))) missing++;
  }
  // Rates over one window for all three figures: from the first send until sending stopped, or
  // until the last chat message arrived if that was later (a node that fell behind).
  const lateChat = lastChatArrival > sendEnd;
  const rateWindow = ((lateChat ? lastChatArrival : sendEnd) - measureStart) / 1000;
  const eventsInWindow = lateChat ? eventsAtLastChat : eventsAtSendEnd;
  const framesInWindow = lateChat ? framesAtLastChat : framesAtSendEnd;
  const rate = (count: number) => (rateWindow > 0 ? Math.round(count / rateWindow) : null);
  const expected = acceptedCount * measuredViewers;
  const refusedTotal = Object.values(chatRefused).reduce((a, b) => a + b, 0);
  return {
    viewers_requested: viewerCount,
    viewers_connected: viewersConnected,
    viewers_failed: viewersFailed,
    viewers_closed: counts.viewersClosed,
    close_codes: closeCodes,
    senders_connected: sendersOk,
    connect_seconds: round(connectSeconds, 1),
    resyncs: counts.resyncs,
    chat_sent: chatSent - chatSkipped,
    chat_skipped: chatSkipped,
    chat_acked: counts.chatAcked,
    chat_accepted: acceptedCount,
    chat_refused: chatRefused,
    chat_unanswered: chatSent - chatSkipped - counts.chatAcked - refusedTotal,
    like_frames_sent: likeFramesSent - likeFramesSkipped,
    like_taps_sent: (likeFramesSent - likeFramesSkipped) * config.likeBatch,
    sender_reconnects: senderReconnects,
    other_refusals: otherRefusals,
    unmatched_replies: counts.chatUnmatchedReplies,
    likes_total_seen: counts.likesTotalSeen,
    likes_counted: counts.likesTotalSeen > 0 ? counts.likesTotalSeen - Math.max(0, likesAtStart) : 0,
    presence_max_seen: counts.presenceMaxSeen,
    send_seconds: round(sendSeconds, 2),
    drain_seconds: round(drainSeconds, 2),
    drained,
    stopped_early: stopReason,
    latency: summarise(histogram, maxLatency),
    chat_deliveries: counts.chatDeliveries,
    chat_deliveries_expected: expected,
    fraction_delivered: expected ? round(counts.chatDeliveries / expected, 4) : null,
    fraction_of_sent_delivered:
      chatSent - chatSkipped && measuredViewers ? round(counts.chatDeliveries / ((chatSent - chatSkipped) * measuredViewers), 4) : null,
    event_deliveries: counts.eventDeliveries,
    frames_received: counts.framesReceived,
    rate_window_seconds: round(rateWindow, 2),
    chat_deliveries_per_s: rate(counts.chatDeliveries),
    event_deliveries_per_s: rate(eventsInWindow),
    frames_per_s: rate(framesInWindow),
    ordering: {
      gaps: counts.gaps,
      duplicate_frames: counts.duplicateFrames,
      overlapping_frames: counts.overlappingFrames,
      duplicate_deliveries: counts.duplicateDeliveries,
      out_of_order_deliveries: counts.outOfOrderDeliveries,
      missing,
      viewers_behind: viewersBehind,
      protocol_errors: counts.protocolErrors,
      seq_mismatches: counts.seqMismatches,
      tracked_per_message: tracked,
    },
    generator: {
      cpu_percent: round(((cpu.user + cpu.system) / 1000 / (sendSeconds * 1000)) * 100, 1),
      loop_delay_p99_ms: round(loopDelay.percentile(99) / 1e6, 1),
      loop_delay_max_ms: round(loopDelay.max / 1e6, 1),
      peak_rss_mb: Math.round(peakRss / 1048576),
    },
  };
}

process.on('message', (message: ToGenerator) => {
  if (message.type === 'stop') stopReason = message.reason;
  else if (message.type === 'start') {
    run(message.config).then(
      (report) => process.send?.({ type: 'report', report } satisfies FromGenerator, () => process.exit(0)),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  }
});
// The orchestrator owns this process: when it goes, so do the sockets.
process.on('disconnect', () => process.exit(0));
