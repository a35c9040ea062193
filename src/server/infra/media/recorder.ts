import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { once } from 'node:events';
import path from 'node:path';
import { finished, pipeline } from 'node:stream/promises';
import {
  FLV_HEADER,
  PREVIOUS_TAG_SIZE_BYTES,
  TAG_AUDIO,
  TAG_HEADER_BYTES,
  TAG_SCRIPT,
  TAG_VIDEO,
  decodeAmf,
  encodeOnMetaData,
  flvTag,
  readTagTimestamp,
  writeTagTimestamp,
  type AmfValue,
} from './flv';
import type { StreamSubscriber } from './stream-hub';

/** Suffix of a recording still being written; only finished `.flv` files are ever served. */
export const PARTIAL_SUFFIX = '.part';

/**
 * Bytes kept free after the FLV header for the final onMetaData: its keyframe index costs 18
 * bytes a keyframe, so 256 KB covers about 4 hours at one keyframe a second (8 at two). A longer
 * recording is indexed by copying instead.
 */
export const RESERVED_METADATA_BYTES = 256 * 1024;

export interface RecordedFile {
  bytes: number;
  durationMs: number;
  keyframes: number;
  /** A write error (full disk) that stopped the recording early; what was written is kept. */
  error: Error | undefined;
}

export interface Recorder extends StreamSubscriber {
  /** Where the stream goes while live: `<file>.part`. */
  readonly partialFile: string;
  /**
   * Ends the recording and makes `file` a seekable FLV. Undefined, and no file, when no coded
   * keyframe was written (gone at once, or audio only). Throws, keeping the `.part`, if indexing fails.
   */
  finish(): Promise<RecordedFile | undefined>;
}

interface IndexEntry {
  timestamp: number;
  position: number;
  sequenceHeader: boolean;
}

/** The first two body bytes of a video tag: is it an H.264 sequence header, a keyframe to seek to? */
function classifyVideo(b0: number, b1: number | undefined): { sequenceHeader: boolean; keyframe: boolean } {
  const avc = (b0 & 0x0f) === 7;
  return { sequenceHeader: avc && b1 === 0, keyframe: b0 >> 4 === 1 && (!avc || b1 === 1) };
}

/** onMetaData with the padding that makes the tag exactly `tagBytes` long; undefined if it does not fit. */
function paddedMetadataTag(fields: Record<string, AmfValue>, tagBytes: number): Buffer | undefined {
  const body = encodeOnMetaData(fields);
  const bodyBytes = tagBytes - TAG_HEADER_BYTES - PREVIOUS_TAG_SIZE_BYTES;
  if (body.length > bodyBytes) return undefined;
  // Zeros after the AMF data: players and ffmpeg read one name and one value, then skip to the next tag.
  const padded = Buffer.alloc(bodyBytes);
  body.copy(padded);
  return flvTag(TAG_SCRIPT, 0, padded);
}

/** Fields the indexer computes; a publisher's values for them are stale once the file is cut. */
const computedFields = [
  'duration',
  'filesize',
  'hasVideo',
  'hasAudio',
  'hasKeyframes',
  'hasMetadata',
  'canSeekToEnd',
  'lasttimestamp',
  'lastkeyframetimestamp',
  'lastkeyframelocation',
  'keyframes',
];

/** What players and ffmpeg seek with, plus the publisher's own encoder settings. */
function metadataFields(
  publisher: Record<string, AmfValue>,
  index: { lastTimestamp: number; entries: IndexEntry[]; hasAudio: boolean; hasVideo: boolean; fileSize: number },
): Record<string, AmfValue> {
  const keyframes = index.entries.filter((e) => !e.sequenceHeader);
  const kept = Object.fromEntries(Object.entries(publisher).filter(([k]) => !computedFields.includes(k)));
  return {
    ...kept,
    duration: index.lastTimestamp / 1000,
    filesize: index.fileSize,
    hasVideo: index.hasVideo,
    hasAudio: index.hasAudio,
    hasKeyframes: keyframes.length > 0,
    hasMetadata: true,
    canSeekToEnd: true,
    lasttimestamp: index.lastTimestamp / 1000,
    lastkeyframetimestamp: keyframes.length ? keyframes[keyframes.length - 1]!.timestamp / 1000 : 0,
    // Entry 0 points at the sequence header, as flvtool and yamdi write it: flv.js and mpegts.js skip entry 0.
    keyframes: {
      times: index.entries.map((e) => (e.sequenceHeader ? 0 : e.timestamp / 1000)),
      filepositions: index.entries.map((e) => e.position),
    },
  };
}

/** Scalars only, and few: the publisher's encoder settings, not an arbitrary blob. */
function keepScalars(into: Record<string, AmfValue>, fields: AmfValue | undefined): void {
  if (!fields || typeof fields !== 'object' || Array.isArray(fields)) return;
  for (const [k, v] of Object.entries(fields)) {
    const scalar = typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && v.length <= 256);
    if (scalar && (k in into || Object.keys(into).length < 64)) into[k] = v;
  }
}

/**
 * A hub subscriber that writes one publish to disk as it arrives, timestamps rebased to start at
 * zero, keeping room after the header for the final onMetaData and noting where each keyframe
 * lands. Ending it then costs one small write and a rename, whatever the size of the recording.
 * It is never dropped for being slow (a lagging disk only grows this buffer), and a write error
 * stops it without touching the live.
 */
export async function createRecorder(file: string, reservedBytes = RESERVED_METADATA_BYTES): Promise<Recorder> {
  await mkdir(path.dirname(file), { recursive: true });
  const partialFile = file + PARTIAL_SUFFIX;
  const out = createWriteStream(partialFile, { flags: 'wx' });
  let error: Error | undefined;
  out.on('error', (err) => {
    error ??= err;
  });
  const closed = once(out, 'close').then(
    () => undefined,
    () => undefined,
  );
  // A valid, empty onMetaData holds the place, so even a file cut short by a crash plays.
  out.write(FLV_HEADER);
  out.write(paddedMetadataTag({}, reservedBytes)!);
  let position = FLV_HEADER.length + reservedBytes;
  let base: number | undefined;
  let lastTimestamp = 0;
  let hasAudio = false;
  let hasCodedKeyframe = false;
  const entries: IndexEntry[] = [];
  const publisherMetadata: Record<string, AmfValue> = {};
  let ended = false;

  const end = () => {
    if (ended) return;
    ended = true;
    out.end();
  };

  return {
    role: 'recorder',
    partialFile,
    maxBacklog: 256 * 1024 * 1024,
    write(chunk) {
      if (ended || error) return;
      const type = chunk[0];
      // The hub's FLV header: ours is already written.
      if (chunk.length === FLV_HEADER.length && chunk.toString('latin1', 0, 3) === 'FLV') return;
      if (chunk.length <= TAG_HEADER_BYTES + PREVIOUS_TAG_SIZE_BYTES) return;
      if (type === TAG_SCRIPT) {
        // Kept for the final onMetaData instead of being written mid-file.
        const body = chunk.subarray(TAG_HEADER_BYTES, chunk.length - PREVIOUS_TAG_SIZE_BYTES);
        const name = decodeAmf(body, 0);
        if (name?.value === 'onMetaData') keepScalars(publisherMetadata, decodeAmf(body, name.next)?.value);
        return;
      }
      const ts = readTagTimestamp(chunk);
      base ??= ts;
      const rebased = Math.max(0, ts - base);
      if (rebased !== ts) {
        // Tag buffers are shared with every viewer: patch a copy.
        chunk = Buffer.from(chunk);
        writeTagTimestamp(chunk, rebased);
      }
      lastTimestamp = Math.max(lastTimestamp, rebased);
      if (type === TAG_AUDIO) hasAudio = true;
      if (type === TAG_VIDEO) {
        const { sequenceHeader, keyframe } = classifyVideo(chunk[TAG_HEADER_BYTES]!, chunk[TAG_HEADER_BYTES + 1]);
        // The sequence header is indexed once, as entry 0, before the first keyframe.
        if ((sequenceHeader && entries.length === 0) || keyframe) entries.push({ timestamp: rebased, position, sequenceHeader });
        if (keyframe) hasCodedKeyframe = true;
      }
      position += chunk.length;
      out.write(chunk);
    },
    backlog: () => out.writableLength,
    end,

    async finish() {
      end();
      await closed;
      if (!hasCodedKeyframe) {
        await rm(partialFile, { force: true });
        return undefined;
      }
      if (error) {
        // After a write error the file ends where the disk gave out, perhaps mid-tag: scan it.
        const scanned = await indexFlv(partialFile, file);
        await rm(partialFile, { force: true });
        return { ...scanned, error };
      }
      const fields = metadataFields(publisherMetadata, { lastTimestamp, entries, hasAudio, hasVideo: true, fileSize: position });
      const keyframes = entries.filter((e) => !e.sequenceHeader).length;
      const tag = paddedMetadataTag(fields, reservedBytes);
      const handle = await open(partialFile, 'r+');
      try {
        await handle.write(Buffer.from([(hasAudio ? 4 : 0) | 1]), 0, 1, 4);
        if (!tag) {
          // An index too long for the room kept: the publisher's settings go there, then the copy.
          const settings = paddedMetadataTag(publisherMetadata, reservedBytes) ?? paddedMetadataTag({}, reservedBytes)!;
          await handle.write(settings, 0, reservedBytes, FLV_HEADER.length);
        } else {
          await handle.write(tag, 0, tag.length, FLV_HEADER.length);
          await handle.sync();
        }
      } finally {
        await handle.close();
      }
      if (!tag) {
        const copied = await indexFlv(partialFile, file);
        await rm(partialFile, { force: true });
        return { ...copied, error: undefined };
      }
      await rename(partialFile, file);
      return { bytes: position, durationMs: Math.round(lastTimestamp), keyframes, error: undefined };
    },
  };
}

// ---- indexing by copy: recordings too long for the reserved room, and files cut short ---------

interface ScannedTag {
  pos: number;
  type: number;
  size: number;
  timestamp: number;
  keyframe: boolean;
  sequenceHeader: boolean;
  onMetaData: boolean;
}

/** Reads a file through a sliding window, so a scan costs one read per megabyte, not per tag. */
class FileWindow {
  private buffer = Buffer.alloc(0);
  private start = 0;
  constructor(
    private readonly fd: FileHandle,
    readonly size: number,
  ) {}
  async bytes(pos: number, length: number): Promise<Buffer> {
    if (pos < this.start || pos + length > this.start + this.buffer.length) {
      const want = Math.min(Math.max(length, 1024 * 1024), this.size - pos);
      const buffer = Buffer.alloc(want);
      const { bytesRead } = await this.fd.read(buffer, 0, want, pos);
      this.buffer = buffer.subarray(0, bytesRead);
      this.start = pos;
    }
    return this.buffer.subarray(pos - this.start, pos - this.start + length);
  }
}

const onMetaDataName = Buffer.from([0x02, 0x00, 0x0a, ...Buffer.from('onMetaData')]);

async function scan(file: string) {
  const fd = await open(file, 'r');
  try {
    const { size } = await fd.stat();
    const window = new FileWindow(fd, size);
    const head = await window.bytes(0, 13);
    if (head.length < 13 || head.toString('latin1', 0, 3) !== 'FLV') throw new Error(`${file} is not an FLV file`);
    const tags: ScannedTag[] = [];
    const metadata: Record<string, AmfValue> = {};
    let pos = head.readUInt32BE(5) + PREVIOUS_TAG_SIZE_BYTES;
    while (pos + TAG_HEADER_BYTES <= size) {
      const header = await window.bytes(pos, TAG_HEADER_BYTES);
      const type = header[0]! & 0x1f;
      const bodySize = header.readUIntBE(1, 3);
      // A tag cut short (the process died, the disk filled) ends the recording there.
      if (pos + TAG_HEADER_BYTES + bodySize + PREVIOUS_TAG_SIZE_BYTES > size) break;
      const tag: ScannedTag = { pos, type, size: bodySize, timestamp: readTagTimestamp(header), keyframe: false, sequenceHeader: false, onMetaData: false };
      if (type === TAG_VIDEO && bodySize >= 2) {
        const b = await window.bytes(pos + TAG_HEADER_BYTES, 2);
        Object.assign(tag, classifyVideo(b[0]!, b[1]));
      } else if (type === TAG_SCRIPT && bodySize >= onMetaDataName.length) {
        const name = await window.bytes(pos + TAG_HEADER_BYTES, onMetaDataName.length);
        tag.onMetaData = name.equals(onMetaDataName);
        if (tag.onMetaData && bodySize <= 2 * RESERVED_METADATA_BYTES) {
          const body = await window.bytes(pos + TAG_HEADER_BYTES, bodySize);
          keepScalars(metadata, decodeAmf(body, onMetaDataName.length)?.value);
        }
      }
      tags.push(tag);
      pos += TAG_HEADER_BYTES + bodySize + PREVIOUS_TAG_SIZE_BYTES;
    }
    return { tags, metadata };
  } finally {
    await fd.close();
  }
}

export interface IndexResult {
  bytes: number;
  durationMs: number;
  keyframes: number;
}

/**
 * Copies `source` to `target` with one fresh onMetaData at the front: duration, file size and
 * `keyframes {times, filepositions}`, which is what flv.js/mpegts.js and ffmpeg seek with. The
 * recorder normally indexes in place; this is for recordings whose index outgrew the reserved
 * room and for files cut short. `target` appears only when complete.
 */
export async function indexFlv(source: string, target: string): Promise<IndexResult> {
  const { tags, metadata } = await scan(source);
  const media = tags.filter((t) => !(t.type === TAG_SCRIPT && t.onMetaData));
  const lastTimestamp = media.reduce((max, t) => Math.max(max, t.timestamp), 0);
  const sequenceHeader = media.find((t) => t.sequenceHeader);
  const indexed = [...(sequenceHeader ? [sequenceHeader] : []), ...media.filter((t) => t.type === TAG_VIDEO && t.keyframe)];
  const hasAudio = media.some((t) => t.type === TAG_AUDIO);
  const hasVideo = media.some((t) => t.type === TAG_VIDEO);
  const build = (positions: Map<ScannedTag, number>, fileSize: number) =>
    flvTag(
      TAG_SCRIPT,
      0,
      encodeOnMetaData(
        metadataFields(metadata, {
          lastTimestamp,
          entries: indexed.map((t) => ({ timestamp: t.timestamp, position: positions.get(t) ?? 0, sequenceHeader: t.sequenceHeader })),
          hasAudio,
          hasVideo,
          fileSize,
        }),
      ),
    );
  // AMF numbers have a fixed size, so the tag's length does not depend on the values: measure
  // it with zeros, then fill in the real positions.
  const metadataLength = build(new Map(), 0).length;
  const positions = new Map<ScannedTag, number>();
  let p = FLV_HEADER.length + metadataLength;
  for (const t of media) {
    positions.set(t, p);
    p += TAG_HEADER_BYTES + t.size + PREVIOUS_TAG_SIZE_BYTES;
  }
  const fileSize = p;
  const metadataTag = build(positions, fileSize);
  if (metadataTag.length !== metadataLength) throw new Error('onMetaData changed size while indexing');

  const header = Buffer.from(FLV_HEADER);
  header[4] = (hasAudio ? 4 : 0) | (hasVideo ? 1 : 0);
  const temporary = `${target}.indexing`;
  const out = createWriteStream(temporary, { flags: 'w' });
  try {
    out.write(header);
    out.write(metadataTag);
    // Media tags are copied as contiguous runs between the old onMetaData tags.
    const runs: Array<[number, number]> = [];
    let runStart: number | undefined;
    let runEnd = 0;
    for (const t of tags) {
      if (t.type === TAG_SCRIPT && t.onMetaData) {
        if (runStart !== undefined) runs.push([runStart, runEnd]);
        runStart = undefined;
        continue;
      }
      runStart ??= t.pos;
      runEnd = t.pos + TAG_HEADER_BYTES + t.size + PREVIOUS_TAG_SIZE_BYTES;
    }
    if (runStart !== undefined) runs.push([runStart, runEnd]);
    for (const [start, end] of runs) {
      if (end > start) await pipeline(createReadStream(source, { start, end: end - 1 }), out, { end: false });
    }
    out.end();
    await finished(out);
  } catch (err) {
    out.destroy();
    await rm(temporary, { force: true });
    throw err;
  }
  const written = (await stat(temporary)).size;
  if (written !== fileSize) {
    await rm(temporary, { force: true });
    throw new Error(`indexed FLV has ${written} bytes, expected ${fileSize}`);
  }
  await rename(temporary, target);
  return { bytes: fileSize, durationMs: Math.round(lastTimestamp), keyframes: indexed.length - (sequenceHeader ? 1 : 0) };
}
