// A receive-only WebSocket client for the bench's viewers, cheaper than `ws` per frame: reads
// land in one buffer shared by every socket (net's `onread`), so a frame costs no allocation,
// no stream machinery and no event emission, and only its first bytes are looked at unless the
// caller asks for the whole of it. Server frames are never masked or (from this server)
// fragmented; anything else a viewer would send, it does not.
import { randomBytes } from 'node:crypto';
import net from 'node:net';

export interface RawViewerHandlers {
  /**
   * The first `headLength` bytes of a text frame (64, or fewer if the frame is shorter). Return
   * true when they were enough; false to receive the whole payload in `onFrame`.
   */
  onHead(head: Buffer, headLength: number, now: number): boolean;
  onFrame(payload: Buffer, now: number): void;
  onOpen(): void;
  /** Once, with the close frame's code, 1006 when the connection just ended, or −status for a refused upgrade. */
  onClose(code: number, reason: string): void;
}

const headSize = 64;
const enum State {
  Handshake,
  Header,
  Payload,
}

/** One read buffer for every raw viewer: each read is handled before the next one is made. */
const shared = Buffer.allocUnsafe(256 * 1024);

export function openRawViewer(url: URL, origin: string | undefined, handlers: RawViewerHandlers): { close(): void } {
  let state = State.Handshake;
  let handshake = '';
  const header = Buffer.allocUnsafe(14);
  let headerLength = 0;
  const head = Buffer.allocUnsafe(headSize);
  let headLength = 0;
  let headWanted = 0;
  let opcode = 0;
  let payloadLength = 0;
  let remaining = 0;
  /** The whole payload, when the head was not enough or for control frames. */
  let whole: Buffer | undefined;
  let wholeLength = 0;
  let skipping = false;
  let closed = false;

  const finish = (code: number, reason: string) => {
    if (closed) return;
    closed = true;
    handlers.onClose(code, reason);
    socket.destroy();
  };

  const frameDone = (now: number) => {
    if (opcode === 0x8) {
      const code = whole && wholeLength >= 2 ? whole.readUInt16BE(0) : 1005;
      finish(code, whole && wholeLength > 2 ? whole.toString('utf8', 2, wholeLength) : '');
    } else if (opcode === 0x9) {
      // A pong must be masked like every client frame; a zero key leaves the payload as it is.
      const payload = whole ? whole.subarray(0, wholeLength) : Buffer.alloc(0);
      socket.write(Buffer.concat([Buffer.from([0x8a, 0x80 | payload.length, 0, 0, 0, 0]), payload]));
    } else if (opcode === 0x1 && !skipping) {
      handlers.onFrame(whole ? whole.subarray(0, wholeLength) : head.subarray(0, headLength), now);
    }
    whole = undefined;
    skipping = false;
    state = State.Header;
    headerLength = 0;
  };

  const onRead = (nread: number, buffer: Buffer): boolean => {
    const now = performance.now();
    let i = 0;
    if (state === State.Handshake) {
      const before = handshake.length;
      handshake += buffer.toString('latin1', 0, nread);
      const end = handshake.indexOf('\r\n\r\n');
      if (end < 0) return true;
      const status = Number(handshake.slice(9, 12));
      if (status !== 101) {
        finish(-status, handshake.split('\r\n', 1)[0] ?? '');
        return false;
      }
      handshake = '';
      state = State.Header;
      i = end + 4 - before;
      handlers.onOpen();
    }
    while (i < nread && !closed) {
      if (state === State.Header) {
        header[headerLength++] = buffer[i++]!;
        if (headerLength < 2) continue;
        const short = header[1]! & 0x7f;
        const needed = 2 + (short === 126 ? 2 : short === 127 ? 8 : 0) + (header[1]! & 0x80 ? 4 : 0);
        if (headerLength < needed) continue;
        opcode = header[0]! & 0x0f;
        payloadLength = short === 126 ? header.readUInt16BE(2) : short === 127 ? header.readUInt32BE(6) + header.readUInt32BE(2) * 2 ** 32 : short;
        if (!(header[0]! & 0x80) || opcode === 0x0) {
          finish(1002, 'fragmented frame');
          return false;
        }
        remaining = payloadLength;
        headLength = 0;
        wholeLength = 0;
        // Control frames are small and wanted whole; text frames start with their head; the
        // server sends no binary frames to a room socket, and they would be ignored.
        headWanted = opcode === 0x1 ? Math.min(headSize, payloadLength) : 0;
        if (opcode >= 0x8) whole = Buffer.allocUnsafe(payloadLength);
        skipping = opcode === 0x2;
        state = State.Payload;
        if (payloadLength === 0) frameDone(now);
        continue;
      }
      const take = Math.min(remaining, nread - i);
      let used = 0;
      if (headLength < headWanted) {
        used = Math.min(take, headWanted - headLength);
        buffer.copy(head, headLength, i, i + used);
        headLength += used;
        if (headLength === headWanted && !handlers.onHead(head, headLength, now)) {
          whole = Buffer.allocUnsafe(payloadLength);
          head.copy(whole, 0, 0, headLength);
          wholeLength = headLength;
        } else if (headLength === headWanted) skipping = true;
      }
      if (whole && !skipping && take > used) {
        buffer.copy(whole, wholeLength, i + used, i + take);
        wholeLength += take - used;
      }
      i += take;
      remaining -= take;
      if (remaining === 0) frameDone(now);
    }
    return true;
  };

  const socket = net.connect({ host: url.hostname, port: Number(url.port), onread: { buffer: shared, callback: onRead } });
  socket.setNoDelay(true);
  socket.on('connect', () => {
    socket.write(
      `GET ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n` +
        (origin ? `Origin: ${origin}\r\n` : '') +
        '\r\n',
    );
  });
  socket.on('error', (err) => finish(1006, err.message));
  socket.on('close', () => finish(1006, 'connection ended'));
  return { close: () => finish(1000, 'closed by the bench') };
}
