import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

/**
 * One unmasked, final WebSocket text frame (RFC 6455 §5.2) holding `payload`, built once per tick
 * so that writing it to 10 000 sockets is 10 000 plain socket writes. `ws.send` would frame the
 * same bytes again for every socket; at 100 000 writes a second that framing is most of the cost.
 */
export function textFrame(payload: Buffer): Buffer {
  const length = payload.length;
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x81;
  if (length < 126) {
    frame[1] = length;
  } else if (length < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  payload.copy(frame, headerLength);
  return frame;
}

/**
 * The TCP socket under a server-side WebSocket, when pre-built frames may be written to it
 * directly: no compression was negotiated, so ws never holds frames back and a direct write
 * cannot overtake one of its own. `ws` keeps the socket in a private field; without it the
 * gateway falls back to `ws.send`.
 */
export function rawSocketOf(ws: WebSocket): Socket | undefined {
  if (ws.extensions !== '') return undefined;
  const raw = (ws as unknown as { _socket?: Socket })._socket;
  return raw && typeof raw.write === 'function' ? raw : undefined;
}
