import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { FsBlobStore } from '@fanfare/storage';
import { FailureType } from '@fanfare/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMediaActivities, FfprobeUnavailableError } from '../src/index.js';
import { epubHead, FFPROBE, generateTone, makeTempDir, zipWithFirstEntry } from './support/media-fixtures.js';

describe('probeMedia (real ffprobe, real files made with ffmpeg)', () => {
  let dir: string;
  let blobs: FsBlobStore;
  let media: ReturnType<typeof createMediaActivities>;

  beforeAll(async () => {
    dir = await makeTempDir('media');
    blobs = new FsBlobStore(path.join(dir, 'blobs'));
    media = createMediaActivities({ blobs, ffprobePath: FFPROBE, workDir: dir });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['tone.wav', 'wav', 'pcm_s16le', 2, 44100],
    ['tone.flac', 'flac', 'flac', 1, 48000],
    ['tone.m4a', 'mov,mp4,m4a,3gp,3g2,mj2', 'aac', 2, 44100],
  ])(
    'reads format, codec, duration, channels and sample rate of %s',
    async (name, container, codec, channels, sampleRate) => {
      const bytes = await generateTone(dir, name, 2.5, { channels, sampleRate });
      // The key's extension is deliberately wrong: only the content may decide.
      await blobs.put(`probe/${name}.bin`, bytes, { contentType: 'application/octet-stream' });
      expect(await media.probeMedia({ storageKey: `probe/${name}.bin` })).toEqual({
        type: 'audio',
        container,
        codec,
        durationMs: 2500,
        channels,
        sampleRateHz: sampleRate,
        bitRate: expect.any(Number),
      });
    },
  );

  it('reads an mp3, whose duration includes the encoder delay', async () => {
    await blobs.put('probe/tone.mp3', await generateTone(dir, 'tone.mp3', 2), { contentType: 'audio/mpeg' });
    const probe = await media.probeMedia({ storageKey: 'probe/tone.mp3' });
    expect(probe).toMatchObject({ type: 'audio', container: 'mp3', codec: 'mp3' });
    expect(probe.type === 'audio' && probe.durationMs).toBeGreaterThanOrEqual(2000);
    expect(probe.type === 'audio' && probe.durationMs).toBeLessThan(2100);
  });

  it('calls a text file named .mp3 unrecognized, quoting ffprobe without the temp path', async () => {
    await blobs.put('probe/fake.mp3', Buffer.from('this is a text file pretending to be a song\n'.repeat(20)), {
      contentType: 'audio/mpeg',
    });
    const probe = await media.probeMedia({ storageKey: 'probe/fake.mp3' });
    expect(probe).toEqual({ type: 'unrecognized', detail: 'Invalid data found when processing input' });
  });

  it('recognises a PDF and an EPUB by magic bytes, whatever their names', async () => {
    await blobs.put('probe/book.mp3', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), {
      contentType: 'audio/mpeg',
    });
    await blobs.put('probe/book.pdf', epubHead(), { contentType: 'application/pdf' });
    expect(await media.probeMedia({ storageKey: 'probe/book.mp3' })).toEqual({ type: 'document', format: 'pdf' });
    expect(await media.probeMedia({ storageKey: 'probe/book.pdf' })).toEqual({ type: 'document', format: 'epub' });
  });

  it('does not take an ordinary ZIP for an EPUB', async () => {
    await blobs.put('probe/archive.epub', zipWithFirstEntry('readme.txt', 'hello'), {
      contentType: 'application/epub+zip',
    });
    expect(await media.probeMedia({ storageKey: 'probe/archive.epub' })).toMatchObject({ type: 'unrecognized' });
  });

  it('throws a non-retryable BlobNotFound failure for a missing blob', async () => {
    const error = await media.probeMedia({ storageKey: 'probe/never-uploaded.wav' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApplicationFailure);
    expect(error).toMatchObject({ type: FailureType.blobNotFound, nonRetryable: true });
  });

  it('throws (so Temporal retries) when ffprobe itself cannot run', async () => {
    const broken = createMediaActivities({ blobs, ffprobePath: path.join(dir, 'no-such-ffprobe'), workDir: dir });
    await blobs.put('probe/again.wav', await generateTone(dir, 'again.wav', 0.5), { contentType: 'audio/wav' });
    await expect(broken.probeMedia({ storageKey: 'probe/again.wav' })).rejects.toBeInstanceOf(FfprobeUnavailableError);
  });

  it('leaves no temp copies behind', async () => {
    expect((await readdir(dir)).filter((name) => name.startsWith('fanfare-probe-'))).toEqual([]);
  });
});
