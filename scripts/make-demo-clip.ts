// Makes assets/media/demo-clip.flv, the video demo mode broadcasts, from the project's own
// drawings (src/server/demo/demo-images.ts): tea garden, gardenia, mandarin orchard, each with a
// slow pan or zoom, crossfaded, with a soft chime per scene. The clip loops seamlessly: it opens
// a few frames into the tea garden and ends with the crossfade back into its first frames.
//
//   npx tsx scripts/make-demo-clip.ts [output.flv]        (needs ffmpeg with libx264)
//
// Not run by `npm start`; the result is committed (about 200 KB).
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoPhoto, type DemoMotif } from '../src/server/demo/demo-images';

const root = path.resolve(import.meta.dirname, '..');
const output = path.resolve(process.argv[2] ?? path.join(root, 'assets/media/demo-clip.flv'));

const fps = 15;
const width = 640;
const height = 360;
/** Frames each scene is drawn for, and frames of each crossfade. */
const sceneFrames = 47;
const fadeFrames = 12;
/** Three scenes, three crossfades (the last one back into the first scene): 105 frames, 7 s. */
const totalFrames = 3 * (sceneFrames - fadeFrames);
const seconds = totalFrames / fps;

/** zoompan expressions: `on` is the output frame number, so each runs once over the scene. */
const scenes: Array<{ motif: DemoMotif; zoom: string; x: string; y: string }> = [
  // Tea garden: a slow push in towards the leaves.
  { motif: 'green_tea', zoom: `1.02+0.14*on/${sceneFrames}`, x: 'iw/2-(iw/zoom/2)', y: 'ih/2-(ih/zoom/2)' },
  // Gardenia: drift from left to right across the flowers.
  { motif: 'gardenia', zoom: '1.15', x: `(iw-iw/zoom)*on/${sceneFrames}`, y: 'ih/2-(ih/zoom/2)' },
  // Mandarin orchard: pull back to show the whole tree.
  { motif: 'mandarin', zoom: `1.18-0.14*on/${sceneFrames}`, x: 'iw/2-(iw/zoom/2)', y: 'ih/2-(ih/zoom/2)' },
];

function run(bin: string, args: string[]) {
  const result = spawnSync(bin, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error) throw new Error(`${bin} could not run: ${result.error.message} (apt-get install ffmpeg)`);
  if (result.status !== 0) throw new Error(`${bin} exited with ${result.status}`);
}

const work = await mkdtemp(path.join(tmpdir(), 'tiantou-clip-'));
try {
  const inputs: string[] = [];
  for (const [i, scene] of scenes.entries()) {
    const file = path.join(work, `${i}-${scene.motif}.jpg`);
    await writeFile(file, await demoPhoto(scene.motif));
    inputs.push('-i', file);
  }

  const t = (frames: number) => (frames / fps).toFixed(6);
  const fade = t(fadeFrames);
  const graph = [
    // 640×480 drawings, enlarged before zoompan (which moves in whole pixels: small inputs judder),
    // cut to 16:9 and moved over; each single picture becomes one scene of sceneFrames frames.
    ...scenes.map(
      (s, i) =>
        `[${i}:v]scale=2560:1920:flags=lanczos,crop=2560:1440:0:240,` +
        `zoompan=z='${s.zoom}':x='${s.x}':y='${s.y}':d=${sceneFrames}:s=${width}x${height}:fps=${fps},` +
        `format=yuv420p,setsar=1[s${i}]`,
    ),
    // The first scene is split: its opening frames end the clip (inside the last crossfade),
    // the rest opens it, so the last frame flows into the first.
    `[s0]split[s0a][s0b]`,
    `[s0a]trim=start_frame=${fadeFrames},setpts=PTS-STARTPTS[body]`,
    `[s0b]trim=end_frame=${fadeFrames},setpts=PTS-STARTPTS[head]`,
    `[body][s1]xfade=transition=fade:duration=${fade}:offset=${t(sceneFrames - 2 * fadeFrames)}[x1]`,
    `[x1][s2]xfade=transition=fade:duration=${fade}:offset=${t(2 * sceneFrames - 3 * fadeFrames)}[x2]`,
    `[x2][head]xfade=transition=fade:duration=${fade}:offset=${t(3 * sceneFrames - 4 * fadeFrames)},` +
      `trim=end_frame=${totalFrames}[v]`,
    // A soft two-note chime at the start of each scene's third of the loop, quiet (−24 dBFS peak).
    `aevalsrc='0.06*sin(2*PI*523.25*mod(t,${seconds / 3}))*exp(-4*mod(t,${seconds / 3}))` +
      `+0.04*sin(2*PI*784*mod(t,${seconds / 3}))*exp(-6*mod(t,${seconds / 3}))':s=44100:c=mono:d=${seconds},asetpts=PTS+1024[a]`,
  ].join(';');

  await mkdir(path.dirname(output), { recursive: true });
  run('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    ...inputs,
    '-filter_complex', graph,
    '-map', '[v]', '-map', '[a]',
    // Baseline H.264, a keyframe every second, no B-frames: what phones and mpegts.js decode
    // most easily, and what the GOP cache of the hub is sized for.
    '-c:v', 'libx264', '-profile:v', 'baseline', '-level', '3.0', '-pix_fmt', 'yuv420p',
    '-preset', 'slow', '-tune', 'stillimage', '-crf', '26', '-maxrate', '450k', '-bufsize', '900k',
    '-r', String(fps), '-g', String(fps), '-keyint_min', String(fps), '-sc_threshold', '0', '-bf', '0',
    '-c:a', 'aac', '-b:a', '32k', '-ac', '1', '-ar', '44100',
    '-t', seconds.toFixed(3),
    '-metadata', 'title=Tiantou demo clip',
    '-f', 'flv', output,
  ]);
  const { size } = await stat(output);
  console.log(`${path.relative(root, output)}: ${(size / 1024).toFixed(0)} KB, ${seconds} s, ${width}×${height} @ ${fps} fps`);
} finally {
  await rm(work, { recursive: true, force: true });
}
