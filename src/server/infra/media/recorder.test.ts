import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlvTagParser } from './flv-tags';
import { createRecorder, indexFlv, RESERVED_METADATA_BYTES } from './recorder';
import { parseClip } from './rtmp-publisher';
import { StreamHub } from './stream-hub';

const clipFile = path.resolve(import.meta.dirname, '../../../../assets/media/demo-clip.flv');

describe('indexFlv', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tiantou-index-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('puts one onMetaData with duration and a keyframe index in front of the media', async () => {
    const target = path.join(dir, 'indexed.flv');
    const result = await indexFlv(clipFile, target);
    const data = await readFile(target);
    expect(result.bytes).toBe((await stat(target)).size);
    expect(result.keyframes).toBe(7);
    const tags = new FlvTagParser().push(data);
    const meta = tags[0]!.metadata as Record<string, any>;
    expect(meta).toMatchObject({ width: 640, height: 360, hasKeyframes: true, filesize: data.length });
    expect(meta.duration).toBeCloseTo(result.durationMs / 1000, 3);
    // Entry 0 is the sequence header (players skip it), then one entry per second.
    expect(meta.keyframes.times).toEqual([0, 0, 1, 2, 3, 4, 5, 6].map((s) => expect.closeTo(s, 1)));
    for (const [i, position] of (meta.keyframes.filepositions as number[]).entries()) {
      expect(data[position]).toBe(9);
      expect(data[position + 12]).toBe(i === 0 ? 0 : 1);
    }
    // Indexing an indexed file changes nothing: the old onMetaData is replaced, not kept.
    const again = path.join(dir, 'again.flv');
    await indexFlv(target, again);
    expect(await readFile(again)).toEqual(data);
  });

  it('keeps what was written before a crash cut the last tag short', async () => {
    const clip = await readFile(clipFile);
    const cut = path.join(dir, 'cut.flv.part');
    await writeFile(cut, clip.subarray(0, Math.floor(clip.length * 0.6)));
    const result = await indexFlv(cut, path.join(dir, 'cut.flv'));
    expect(result.durationMs).toBeGreaterThan(2000);
    expect(result.durationMs).toBeLessThan(6000);
    const tags = new FlvTagParser().push(await readFile(path.join(dir, 'cut.flv')));
    expect(tags.at(-1)!.timestamp).toBe(result.durationMs);
  });
});

describe('the recorder', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tiantou-recorder-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** Records one lap of the clip the way a live publish reaches the recorder, through the hub. */
  async function record(file: string, reservedBytes?: number, keep: (p: { type: number }) => boolean = () => true) {
    const clip = parseClip(await readFile(clipFile));
    const broadcast = new StreamHub().claim('s')!;
    const recorder = await createRecorder(file, reservedBytes);
    broadcast.subscribe(recorder);
    const toPacket = (p: (typeof clip.media)[number]) => ({ type: p.type, flags: p.flags, timestamp: p.timestamp + 5000, body: p.data });
    // A publisher's clock rarely starts at zero; the recording does.
    for (const p of [clip.metadata!, ...clip.headers, ...clip.media].filter(keep)) broadcast.packet(toPacket(p));
    broadcast.end();
    return recorder.finish();
  }

  async function expectSeekable(file: string, bytes: number) {
    const data = await readFile(file);
    expect(data.length).toBe(bytes);
    const tags = new FlvTagParser().push(data);
    expect(tags[0]).toMatchObject({ scriptName: 'onMetaData' });
    expect(tags.filter((t) => t.kind === 'script')).toHaveLength(1);
    const meta = tags[0]!.metadata as Record<string, any>;
    expect(meta).toMatchObject({ width: 640, height: 360, filesize: bytes, hasKeyframes: true });
    expect(meta.duration).toBeCloseTo(7, 0);
    expect(meta.keyframes.filepositions).toHaveLength(8);
    for (const [i, position] of (meta.keyframes.filepositions as number[]).entries()) {
      expect(data[position]).toBe(9);
      expect(data[position + 12]).toBe(i === 0 ? 0 : 1);
    }
    expect(tags.find((t) => t.kind === 'video')!.timestamp).toBe(0);
  }

  it('indexes in place, in the room it kept after the header', async () => {
    const file = path.join(dir, 'in-place', 'a.flv');
    const recorded = await record(file);
    expect(recorded).toMatchObject({ keyframes: 7, error: undefined });
    expect(recorded!.bytes).toBeGreaterThan(RESERVED_METADATA_BYTES);
    await expectSeekable(file, recorded!.bytes);
    await expect(stat(`${file}.part`)).rejects.toThrow();
  });

  it('indexes by copying when the index outgrows the room kept', async () => {
    const file = path.join(dir, 'copied', 'a.flv');
    // Room for the encoder's settings, not for them plus eight index entries.
    const recorded = await record(file, 420);
    await expectSeekable(file, recorded!.bytes);
    // The onMetaData written is larger than the room kept: the media was copied behind it.
    const [meta] = new FlvTagParser().push(await readFile(file));
    expect(meta!.size + 15).toBeGreaterThan(420);
    await expect(stat(`${file}.part`)).rejects.toThrow();
  });

  it('keeps nothing of a publish without video', async () => {
    const file = path.join(dir, 'audio', 'a.flv');
    expect(await record(file, undefined, (p) => p.type !== 9)).toBeUndefined();
    await expect(stat(file)).rejects.toThrow();
    await expect(stat(`${file}.part`)).rejects.toThrow();
  });
});
