import { spawn } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Broadcast } from './stream-hub';

/** Whether `ffmpeg -version` runs; HLS is offered only then. */
export function ffmpegAvailable(bin = 'ffmpeg'): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      const probe = spawn(bin, ['-version'], { stdio: 'ignore' });
      probe.on('error', () => resolve(false));
      probe.on('exit', (code) => resolve(code === 0));
    } catch {
      resolve(false);
    }
  });
}

export const hlsPlaylist = 'index.m3u8';
export const hlsSegmentPattern = /^seg_\d{5}\.ts$/;

export interface HlsOptions {
  /** Put before segment names in the playlist, e.g. `<session key>/`, so each publish's segment URLs are new. */
  segmentBaseUrl?: string;
  bin?: string;
  segmentSeconds?: number;
  listSize?: number;
  log: Logger;
}

export interface HlsSegmenter {
  /** Stops ffmpeg and removes the stream's HLS files. */
  stop(): Promise<void>;
}

/**
 * HLS for players without Media Source Extensions: one ffmpeg per live stream, fed the stream's
 * FLV on stdin as a hub subscriber and copying the codecs (no transcoding, so little CPU).
 * Segments and the playlist are written under temporary names and renamed, so a player never
 * reads half a file.
 */
export async function startHls(broadcast: Broadcast, dir: string, options: HlsOptions): Promise<HlsSegmenter> {
  const { bin = 'ffmpeg', segmentSeconds = 2, listSize = 6, segmentBaseUrl, log } = options;
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const args = [
    '-hide_banner',
    '-loglevel', 'error',
    '-nostdin',
    '-f', 'flv',
    '-i', 'pipe:0',
    '-c', 'copy',
    '-f', 'hls',
    '-hls_time', String(segmentSeconds),
    '-hls_list_size', String(listSize),
    '-hls_flags', 'delete_segments+independent_segments+omit_endlist+temp_file',
    '-hls_segment_filename', path.join(dir, 'seg_%05d.ts'),
    ...(segmentBaseUrl ? ['-hls_base_url', segmentBaseUrl] : []),
    path.join(dir, hlsPlaylist),
  ];
  // -nostdin only stops ffmpeg reading the keyboard; pipe:0 is still its input.
  const ffmpeg = spawn(bin, args, { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  let stopping = false;
  ffmpeg.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  // EPIPE when ffmpeg exits first; 'exit' below says why.
  ffmpeg.stdin.on('error', () => {});
  const exited = new Promise<void>((resolve) => {
    ffmpeg.on('error', (err) => {
      log.warn({ err, streamId: broadcast.streamId }, 'HLS segmenter did not start');
      resolve();
    });
    ffmpeg.on('exit', (code, signal) => {
      unsubscribe();
      if (!stopping) log.warn({ streamId: broadcast.streamId, code, signal, stderr: stderr.trim() }, 'HLS segmenter stopped on its own');
      resolve();
    });
  });
  const unsubscribe = broadcast.subscribe({
    role: 'hls',
    write: (chunk) => void ffmpeg.stdin.write(chunk),
    backlog: () => ffmpeg.stdin.writableLength,
    maxBacklog: 32 * 1024 * 1024,
    end: () => ffmpeg.stdin.end(),
  });

  return {
    async stop() {
      if (!stopping) {
        stopping = true;
        unsubscribe();
        ffmpeg.stdin.end();
        // ffmpeg finishes the last segment when its input ends; one that hangs is killed.
        const kill = setTimeout(() => ffmpeg.kill('SIGKILL'), 5000);
        kill.unref();
        await exited;
        clearTimeout(kill);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
