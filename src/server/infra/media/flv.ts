/**
 * FLV framing and the little AMF0 the media plane writes and reads: tag buffers for viewers and
 * recordings, the onMetaData script tag, and a tolerant decoder for tests and the indexer.
 */

export const TAG_AUDIO = 8;
export const TAG_VIDEO = 9;
export const TAG_SCRIPT = 18;

/** Bytes of a tag header and of the PreviousTagSize field that follows each tag. */
export const TAG_HEADER_BYTES = 11;
export const PREVIOUS_TAG_SIZE_BYTES = 4;

/** 'FLV', version 1, audio and video present, 9-byte header, then PreviousTagSize0. */
export const FLV_HEADER: Buffer = Buffer.from([0x46, 0x4c, 0x56, 0x01, 0x05, 0x00, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x00]);

/** One FLV tag with its trailing PreviousTagSize, in a buffer of its own. */
export function flvTag(type: number, timestamp: number, body: Buffer): Buffer {
  const tag = Buffer.allocUnsafe(TAG_HEADER_BYTES + body.length + PREVIOUS_TAG_SIZE_BYTES);
  tag[0] = type;
  tag.writeUIntBE(body.length, 1, 3);
  writeTagTimestamp(tag, timestamp);
  tag.writeUIntBE(0, 8, 3);
  body.copy(tag, TAG_HEADER_BYTES);
  tag.writeUInt32BE(TAG_HEADER_BYTES + body.length, TAG_HEADER_BYTES + body.length);
  return tag;
}

/** FLV keeps the low 24 bits of a timestamp first and the high 8 bits after them. */
export function readTagTimestamp(tag: Buffer, offset = 0): number {
  return (tag.readUIntBE(offset + 4, 3) | (tag[offset + 7]! << 24)) >>> 0;
}

export function writeTagTimestamp(tag: Buffer, timestamp: number, offset = 0): void {
  tag.writeUIntBE(timestamp & 0xffffff, offset + 4, 3);
  tag[offset + 7] = (timestamp >>> 24) & 0xff;
}

const setDataFrame = Buffer.from([0x02, 0x00, 0x0d, ...Buffer.from('@setDataFrame')]);
const onMetaDataName = Buffer.from([0x02, 0x00, 0x0a, ...Buffer.from('onMetaData')]);

/**
 * RTMP publishers send `"@setDataFrame", "onMetaData", {…}`; an FLV stream or file carries just
 * `"onMetaData", {…}`. Returns the script body to keep, or undefined for any other script data
 * (cue points, text), which players do not need.
 */
export function metadataBody(script: Buffer): Buffer | undefined {
  const body = script.subarray(0, setDataFrame.length).equals(setDataFrame) ? script.subarray(setDataFrame.length) : script;
  return body.subarray(0, onMetaDataName.length).equals(onMetaDataName) ? body : undefined;
}

// ---- AMF0 ------------------------------------------------------------------------------------

export type AmfValue = number | boolean | string | null | AmfValue[] | { [key: string]: AmfValue };

function amfKey(key: string): Buffer {
  const bytes = Buffer.from(key, 'utf8');
  const head = Buffer.alloc(2);
  head.writeUInt16BE(bytes.length);
  return Buffer.concat([head, bytes]);
}

const objectEnd = Buffer.from([0x00, 0x00, 0x09]);

export function encodeAmf(value: AmfValue): Buffer {
  if (typeof value === 'number') {
    const b = Buffer.alloc(9);
    b[0] = 0x00;
    b.writeDoubleBE(value, 1);
    return b;
  }
  if (typeof value === 'boolean') return Buffer.from([0x01, value ? 1 : 0]);
  if (typeof value === 'string') return Buffer.concat([Buffer.from([0x02]), amfKey(value)]);
  if (value === null) return Buffer.from([0x05]);
  if (Array.isArray(value)) {
    const head = Buffer.alloc(5);
    head[0] = 0x0a;
    head.writeUInt32BE(value.length, 1);
    return Buffer.concat([head, ...value.map(encodeAmf)]);
  }
  const fields = Object.entries(value).map(([k, v]) => Buffer.concat([amfKey(k), encodeAmf(v)]));
  return Buffer.concat([Buffer.from([0x03]), ...fields, objectEnd]);
}

/** `"onMetaData"` and an ECMA array, the way ffmpeg writes it. */
export function encodeOnMetaData(fields: Record<string, AmfValue>): Buffer {
  const entries = Object.entries(fields);
  const head = Buffer.alloc(5);
  head[0] = 0x08;
  head.writeUInt32BE(entries.length, 1);
  return Buffer.concat([
    onMetaDataName,
    head,
    ...entries.map(([k, v]) => Buffer.concat([amfKey(k), encodeAmf(v)])),
    objectEnd,
  ]);
}

/**
 * Decodes one AMF0 value at `offset`; undefined when the bytes are not a value it understands.
 * Depth-limited, so hostile input cannot exhaust the stack.
 */
export function decodeAmf(b: Buffer, offset = 0, depth = 0): { value: AmfValue; next: number } | undefined {
  if (offset >= b.length || depth > 16) return undefined;
  const type = b[offset]!;
  const need = (n: number) => offset + n <= b.length;
  switch (type) {
    case 0x00:
      return need(9) ? { value: b.readDoubleBE(offset + 1), next: offset + 9 } : undefined;
    case 0x01:
      return need(2) ? { value: b[offset + 1] !== 0, next: offset + 2 } : undefined;
    case 0x02: {
      if (!need(3)) return undefined;
      const end = offset + 3 + b.readUInt16BE(offset + 1);
      return end <= b.length ? { value: b.toString('utf8', offset + 3, end), next: end } : undefined;
    }
    case 0x05:
    case 0x06:
      return { value: null, next: offset + 1 };
    case 0x03:
    case 0x08: {
      let p = offset + 1 + (type === 0x08 ? 4 : 0);
      const object: Record<string, AmfValue> = {};
      while (p + 3 <= b.length) {
        const keyLength = b.readUInt16BE(p);
        if (keyLength === 0 && b[p + 2] === 0x09) return { value: object, next: p + 3 };
        const key = b.toString('utf8', p + 2, p + 2 + keyLength);
        const item = decodeAmf(b, p + 2 + keyLength, depth + 1);
        if (!item) return undefined;
        if (key !== '__proto__') object[key] = item.value;
        p = item.next;
      }
      return undefined;
    }
    case 0x0a: {
      if (!need(5)) return undefined;
      const count = b.readUInt32BE(offset + 1);
      const items: AmfValue[] = [];
      let p = offset + 5;
      for (let i = 0; i < count; i++) {
        const item = decodeAmf(b, p, depth + 1);
        if (!item) return undefined;
        items.push(item.value);
        p = item.next;
      }
      return { value: items, next: p };
    }
    default:
      return undefined;
  }
}
