import { execFile, execFileSync } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { ApplicationFailure } from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { FsBlobStore } from '@fanfare/storage';
import { FailureType, TRANSCODE_PRESET, type TranscodedAudio } from '@fanfare/contracts';
import { Parser } from 'm3u8-parser';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranscodeActivities, type WaveformPeaks } from '../src/index.js';
import { FFMPEG, makeTempDir } from './support/media-fixtures.js';

const execFileAsync = promisify(execFile);
const SECONDS = 36;

/** Integrated loudness and true peak of a local file or playlist, as ffmpeg's ebur128 measures them. */
async function ebur128(file: string): Promise<{ lufs: number; truePeakDb: number }> {
  const { stderr } = await execFileAsync(FFMPEG, [
    '-hide_banner',
    '-nostats',
    '-i',
    file,
    '-af',
    'ebur128=peak=true',
    '-f',
    'null',
    '-',
  ]);
  const summary = stderr.slice(stderr.lastIndexOf('Summary:'));
  return {
    lufs: Number(/I:\s+(-?[\d.]+) LUFS/.exec(summary)?.[1]),
    truePeakDb: Number(/Peak:\s+(-?[\d.]+) dBFS/.exec(summary)?.[1]),
  };
}

function parse(text: string) {
  const parser = new Parser();
  parser.push(text);
  parser.end();
  return parser.manifest;
}

/** ffmpeg processes reading files below `dir`. */
function ffmpegsUnder(dir: string): string[] {
  const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes('ffmpeg') && line.includes(dir));
}

async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
}

describe('transcodeAudio (real ffmpeg, local backend)', () => {
  let dir: string;
  let blobRoot: string;
  let workDir: string;
  let blobs: FsBlobStore;
  let transcoding: ReturnType<typeof createTranscodeActivities>;

  beforeAll(async () => {
    dir = await makeTempDir('transcode');
    blobRoot = path.join(dir, 'blobs');
    workDir = path.join(dir, 'work');
    await execFileAsync('mkdir', ['-p', workDir]);
    blobs = new FsBlobStore(blobRoot);
    transcoding = createTranscodeActivities({ blobs, ffmpegPath: FFMPEG, workDir });
    // A quiet stereo chord, 48 kHz FLAC: the ladder must raise it to −14 LUFS and resample it.
    const source = path.join(dir, 'source.flac');
    await execFileAsync(FFMPEG, [
      '-v',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      `sine=frequency=220:duration=${SECONDS}:sample_rate=48000`,
      '-f',
      'lavfi',
      '-i',
      `sine=frequency=330:duration=${SECONDS}:sample_rate=48000`,
      '-filter_complex',
      '[0:a][1:a]amerge=inputs=2,volume=-24dB',
      source,
    ]);
    await blobs.put('originals/tone.flac', await readFile(source), { contentType: 'audio/flac' });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  function run(env: MockActivityEnvironment, storageKey: string, outputPrefix: string, seconds = SECONDS) {
    return env.run(transcoding.transcodeAudio, {
      storageKey,
      declaredDurationMs: seconds * 1000,
      outputPrefix,
      presetVersion: TRANSCODE_PRESET.version,
    });
  }

  it('renders every rendition and the preview at −14 LUFS, true peak ≤ −1 dBTP, in 6 s segments', async () => {
    const env = new MockActivityEnvironment();
    const progress: number[] = [];
    env.on('heartbeat', (details: { progress?: number }) => {
      if (typeof details.progress === 'number') progress.push(details.progress);
    });
    const result = (await run(env, 'originals/tone.flac', 'out/full')) as TranscodedAudio;
    const local = (key: string) => path.join(blobRoot, ...key.split('/'));

    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toBe(1);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(Math.abs(result.durationMs - SECONDS * 1000)).toBeLessThan(100);
    expect(result.inputLufs).toBeLessThan(-25);

    const master = parse(await readFile(local(result.masterPlaylistKey), 'utf8'));
    expect(master.playlists?.map((p) => [p.uri, p.attributes.CODECS])).toEqual([
      ['64k/index.m3u8', 'mp4a.40.2'],
      ['128k/index.m3u8', 'mp4a.40.2'],
      ['256k/index.m3u8', 'mp4a.40.2'],
    ]);
    const bandwidths = master.playlists?.map((p) => p.attributes.BANDWIDTH ?? 0) ?? [];
    expect(bandwidths[0]).toBeGreaterThanOrEqual(64_000);
    expect(bandwidths[2]).toBeGreaterThan(bandwidths[1] ?? 0);
    expect(result.renditions.map((r) => r.name)).toEqual(['64k', '128k', '256k']);

    const playlists = [
      ...result.renditions.map((r) => [r.playlistKey, SECONDS] as const),
      [result.previewPlaylistKey, 30] as const,
    ];
    for (const [key, seconds] of playlists) {
      const media = parse(await readFile(local(key), 'utf8'));
      expect(media.endList).toBe(true);
      expect(media.targetDuration).toBe(6);
      const durations = media.segments.map((segment) => segment.duration);
      for (const duration of durations.slice(0, -1)) expect(Math.abs(duration - 6)).toBeLessThan(0.1);
      expect(durations.at(-1)).toBeLessThanOrEqual(6.1);
      expect(Math.abs(durations.reduce((a, b) => a + b, 0) - seconds)).toBeLessThan(0.2);
      const { lufs, truePeakDb } = await ebur128(local(key));
      expect(Math.abs(lufs - -14), `${key} at ${lufs} LUFS`).toBeLessThanOrEqual(0.5);
      expect(truePeakDb, `${key} true peak`).toBeLessThanOrEqual(-1);
    }

    expect(result.waveformKeys).toHaveLength(2);
    for (const [index, key] of result.waveformKeys.entries()) {
      const peaks = JSON.parse(await readFile(local(key), 'utf8')) as WaveformPeaks;
      const samplesPerPixel = TRANSCODE_PRESET.waveformSamplesPerPixel[index] ?? 0;
      expect(peaks).toMatchObject({
        version: 2,
        channels: 1,
        bits: 8,
        sample_rate: 8000,
        samples_per_pixel: samplesPerPixel,
      });
      expect(peaks.data).toHaveLength(peaks.length * 2);
      const seconds = (peaks.length * samplesPerPixel) / peaks.sample_rate;
      expect(Math.abs(seconds - SECONDS)).toBeLessThanOrEqual(samplesPerPixel / peaks.sample_rate);
      expect(Math.max(...peaks.data)).toBeGreaterThan(0);
    }
    // Every key it reports is stored, and nothing else is left in the scratch directory.
    expect(result.keys.length).toBeGreaterThan(20);
    expect(await filesUnder(workDir)).toEqual([]);
  });

  it('cancelled half-way: kills ffmpeg and leaves no partial file or blob', async () => {
    const env = new MockActivityEnvironment();
    let cancelledAt: number | null = null;
    env.on('heartbeat', (details: { progress?: number }) => {
      if (cancelledAt === null && (details.progress ?? 0) > 0.4) {
        cancelledAt = details.progress ?? 0;
        env.cancel();
      }
    });
    await expect(run(env, 'originals/tone.flac', 'out/cancelled')).rejects.toThrow();
    expect(cancelledAt).not.toBeNull();
    expect(ffmpegsUnder(workDir)).toEqual([]);
    expect(await filesUnder(workDir)).toEqual([]);
    await expect(readdir(path.join(blobRoot, 'out', 'cancelled'))).rejects.toThrow(/ENOENT/);
  });

  it.each([
    ['a "WAV" that is text', Buffer.from('RIFF? no, just a text file pretending to be a WAV\n'.repeat(50))],
    ['a 0-byte file', Buffer.alloc(0)],
  ])('%s fails for good with the reason and leaves nothing', async (_name, bytes) => {
    const key = `originals/bad-${bytes.length}.wav`;
    await blobs.put(key, bytes, { contentType: 'audio/wav' });
    const failure = await run(new MockActivityEnvironment(), key, `out/bad-${bytes.length}`, 3).catch((e) => e);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: FailureType.undecodableMedia, nonRetryable: true });
    expect((failure as Error).message).toMatch(/^ffmpeg cannot decode the file: .+/);
    expect(await filesUnder(workDir)).toEqual([]);
  });

  it('a corrupt FLAC (cut off mid-frame) fails for good as undecodable', async () => {
    const whole = await readFile(path.join(dir, 'source.flac'));
    await writeFile(path.join(dir, 'cut.flac'), whole.subarray(0, Math.floor(whole.length / 3)));
    await blobs.put('originals/cut.flac', await readFile(path.join(dir, 'cut.flac')), { contentType: 'audio/flac' });
    const failure = await run(new MockActivityEnvironment(), 'originals/cut.flac', 'out/cut').catch((e) => e);
    expect(failure).toMatchObject({ type: FailureType.undecodableMedia, nonRetryable: true });
    await expect(readdir(path.join(blobRoot, 'out', 'cut'))).rejects.toThrow(/ENOENT/);
  });
});

describe('renderCoverArt (real sharp)', () => {
  it('renders 1200, 512 and 128 px squares as WebP and JPEG from a landscape cover', async () => {
    const dir = await makeTempDir('cover');
    try {
      const blobs = new FsBlobStore(path.join(dir, 'blobs'));
      const transcoding = createTranscodeActivities({ blobs, workDir: dir });
      const cover = await sharp({ create: { width: 1800, height: 1400, channels: 3, background: '#c0392b' } })
        .png()
        .toBuffer();
      await blobs.put('covers/c.png', cover, { contentType: 'image/png' });
      const keys: string[] = await new MockActivityEnvironment().run(transcoding.renderCoverArt, {
        storageKey: 'covers/c.png',
        outputPrefix: 'out/cover',
        presetVersion: TRANSCODE_PRESET.version,
      });
      expect([...keys].sort()).toEqual(
        ['1200', '128', '512'].flatMap((width) => [`out/cover/${width}.jpg`, `out/cover/${width}.webp`]).sort(),
      );
      for (const key of keys) {
        const meta = await sharp(path.join(dir, 'blobs', ...key.split('/'))).metadata();
        const width = Number(path.basename(key).split('.')[0]);
        expect([meta.width, meta.height, meta.format]).toEqual([width, width, key.endsWith('.jpg') ? 'jpeg' : 'webp']);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
