/**
 * `npm run bench:transcode`: a 5-minute 44.1 kHz stereo FLAC (made with ffmpeg) through the whole
 * local ladder (loudness analysis of both mixes, then 64k mono / 128k / 256k stereo HLS, the
 * 30 s preview, waveform PCM and both waveform resolutions), reported as × realtime beside
 * ffmpeg's single 128 kb/s AAC encode of the same file as the floor, in the same run. Target:
 * the ladder at ≥ 20× realtime on a 2-core machine. Not a test.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { TRANSCODE_PRESET } from '@fanfare/contracts';
import { createFfmpegTranscoder } from '../../activities/src/media/ffmpeg-transcoder.js';
import { waveformPeaks } from '../../activities/src/media/waveform.js';

const execFileAsync = promisify(execFile);
const FFMPEG = process.env.FFMPEG ?? 'ffmpeg';
const SECONDS = Number(process.argv[2] ?? 300);
const TARGET = 20;

async function timed<T>(work: () => Promise<T>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

const dir = await mkdtemp(path.join(tmpdir(), 'fanfare-bench-transcode-'));
try {
  const source = path.join(dir, 'source.flac');
  // A chord on the left, another on the right and pink noise under both: decorrelated like a mix.
  await execFileAsync(FFMPEG, [
    ...['-v', 'error', '-y'],
    ...['-f', 'lavfi', '-i', `sine=frequency=220:duration=${SECONDS}:sample_rate=44100`],
    ...['-f', 'lavfi', '-i', `sine=frequency=331:duration=${SECONDS}:sample_rate=44100`],
    ...['-f', 'lavfi', '-i', `anoisesrc=color=pink:duration=${SECONDS}:sample_rate=44100:amplitude=0.2`],
    ...['-filter_complex', '[0:a][1:a]amerge=inputs=2[c];[2:a]aformat=channel_layouts=stereo[n];[c][n]amix=inputs=2'],
    ...['-ar', '44100', '-ac', '2', source],
  ]);

  const floorSeconds = await timed(() =>
    execFileAsync(FFMPEG, [
      '-v',
      'error',
      '-y',
      '-i',
      source,
      '-c:a',
      'aac',
      '-b:a',
      '128k',
      path.join(dir, 'floor.m4a'),
    ]),
  );

  const outputDir = path.join(dir, 'ladder');
  await mkdir(outputDir);
  const transcoder = createFfmpegTranscoder(FFMPEG);
  const ladderSeconds = await timed(async () => {
    const { waveformPcmFile } = await transcoder.transcode({
      inputFile: source,
      outputDir,
      preset: TRANSCODE_PRESET,
      declaredSeconds: SECONDS,
    });
    const pcm = await readFile(waveformPcmFile);
    for (const samplesPerPixel of TRANSCODE_PRESET.waveformSamplesPerPixel) {
      waveformPeaks(pcm, TRANSCODE_PRESET.waveformSampleRate, samplesPerPixel);
    }
  });

  const realtime = (seconds: number) => `${(SECONDS / seconds).toFixed(1)}× realtime (${seconds.toFixed(2)} s)`;
  console.log(`source: ${SECONDS} s, 44.1 kHz stereo FLAC; ${cpus().length} cores, load ${loadavg()[0]?.toFixed(1)}`);
  console.log(`floor  (one 128 kb/s AAC encode): ${realtime(floorSeconds)}`);
  console.log(`ladder (analysis + 3 HLS renditions + preview + waveform): ${realtime(ladderSeconds)}`);
  console.log(
    `ladder / floor: ${(ladderSeconds / floorSeconds).toFixed(2)}; target ≥ ${TARGET}× realtime: ${SECONDS / ladderSeconds >= TARGET ? 'met' : 'not met'}`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
