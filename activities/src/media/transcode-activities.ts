import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import {
  FailureType,
  TRANSCODE_PRESET,
  type RenditionEntry,
  type TranscodeActivities,
  type TranscodePreset,
} from '@fanfare/contracts';
import { BlobNotFoundError, type BlobStore } from '@fanfare/storage';
import { createFfmpegTranscoder } from './ffmpeg-transcoder.js';
import { UndecodableInputError } from './ffmpeg-run.js';
import type { Transcoder } from './transcoder.js';
import { waveformPeaks } from './waveform.js';
import { renderCover } from './cover-art.js';

/** What the transcode activities need. */
export interface TranscodeActivityDeps {
  blobs: Pick<BlobStore, 'get' | 'put' | 'delete'>;
  /** `ffmpeg` on the PATH by default. */
  ffmpegPath?: string;
  /** The backend; the local ffmpeg one unless the deployment chooses another. */
  transcoder?: Transcoder;
  workDir?: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.json': 'application/json',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
};

/** Files below `dir`, as paths relative to it. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** `BANDWIDTH` and `CODECS` of each `#EXT-X-STREAM-INF` in a master playlist, with its URI. */
function masterEntries(master: string, prefix: string): RenditionEntry[] {
  const lines = master.split('\n').map((line) => line.trim());
  const entries: RenditionEntry[] = [];
  lines.forEach((line, index) => {
    if (!line.startsWith('#EXT-X-STREAM-INF:')) return;
    const uri = lines.slice(index + 1).find((next) => next !== '' && !next.startsWith('#')) ?? '';
    entries.push({
      name: uri.split('/')[0] ?? uri,
      bandwidth: Number(/BANDWIDTH=(\d+)/.exec(line)?.[1] ?? 0),
      codecs: /CODECS="([^"]+)"/.exec(line)?.[1] ?? '',
      playlistKey: `${prefix}/${uri}`,
    });
  });
  return entries;
}

/** The preset a stored version names; only the current one can be rendered. */
function presetFor(version: number): TranscodePreset {
  if (version !== TRANSCODE_PRESET.version) {
    throw ApplicationFailure.nonRetryable(`Preset version ${version} is not known`, FailureType.invalidInput);
  }
  return TRANSCODE_PRESET;
}

/**
 * Uploads every file below `dir` to `prefix`, recording each key before it is written so a
 * failure half-way can remove exactly what exists.
 */
async function uploadAll(blobs: TranscodeActivityDeps['blobs'], dir: string, prefix: string, written: string[]) {
  for (const file of await listFiles(dir)) {
    const key = `${prefix}/${file.split(path.sep).join('/')}`;
    written.push(key);
    await blobs.put(key, createReadStream(path.join(dir, file)), {
      contentType: CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    });
  }
}

async function removeKeys(blobs: TranscodeActivityDeps['blobs'], keys: string[]) {
  await Promise.all(keys.map((key) => blobs.delete(key)));
}

/** The transcode activities over a blob store and a transcoder. */
export function createTranscodeActivities(deps: TranscodeActivityDeps): TranscodeActivities {
  const transcoder = deps.transcoder ?? createFfmpegTranscoder(deps.ffmpegPath ?? 'ffmpeg');
  const scratch = () => mkdtemp(path.join(deps.workDir ?? tmpdir(), 'fanfare-transcode-'));
  return {
    async transcodeAudio({ storageKey, declaredDurationMs, outputPrefix, presetVersion }) {
      const preset = presetFor(presetVersion);
      const context = Context.current();
      const dir = await scratch();
      const written: string[] = [];
      try {
        const inputFile = path.join(dir, 'original');
        const outputDir = path.join(dir, 'out');
        await mkdir(outputDir);
        await pipeline(await deps.blobs.get(storageKey), createWriteStream(inputFile));
        const measured = await transcoder.transcode({
          inputFile,
          outputDir,
          preset,
          declaredSeconds: declaredDurationMs / 1000,
          onProgress: (fraction) => context.heartbeat({ progress: Math.round(fraction * 1000) / 1000 }),
          signal: context.cancellationSignal,
        });
        const pcm = await readFile(measured.waveformPcmFile);
        await rm(measured.waveformPcmFile);
        const durationMs = Math.round(((pcm.length / 2) * 1000) / preset.waveformSampleRate);
        await mkdir(path.join(outputDir, 'waveform'));
        const waveformKeys: string[] = [];
        for (const samplesPerPixel of preset.waveformSamplesPerPixel) {
          const peaks = waveformPeaks(pcm, preset.waveformSampleRate, samplesPerPixel);
          const name = `waveform/${samplesPerPixel}.json`;
          await pipeline(
            async function* () {
              yield JSON.stringify(peaks);
            },
            createWriteStream(path.join(outputDir, name)),
          );
          waveformKeys.push(`${outputPrefix}/${name}`);
        }
        const master = await readFile(path.join(outputDir, preset.fullPrefix, 'master.m3u8'), 'utf8');
        context.heartbeat({ progress: 1, uploading: true });
        await uploadAll(deps.blobs, outputDir, outputPrefix, written);
        return {
          durationMs,
          inputLufs: measured.inputLufs,
          inputTruePeakDb: measured.inputTruePeakDb,
          masterPlaylistKey: `${outputPrefix}/${preset.fullPrefix}/master.m3u8`,
          renditions: masterEntries(master, `${outputPrefix}/${preset.fullPrefix}`),
          previewPlaylistKey: `${outputPrefix}/${preset.previewPrefix}/index.m3u8`,
          waveformKeys,
          keys: written,
        };
      } catch (error) {
        // Nothing half-written stays behind: a retry starts clean, a failure leaves no orphan.
        await removeKeys(deps.blobs, written);
        if (error instanceof BlobNotFoundError) {
          throw ApplicationFailure.nonRetryable(error.message, FailureType.blobNotFound);
        }
        if (error instanceof UndecodableInputError) {
          throw ApplicationFailure.nonRetryable(
            `ffmpeg cannot decode the file: ${error.message}`,
            FailureType.undecodableMedia,
          );
        }
        throw error;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },

    async renderCoverArt({ storageKey, outputPrefix, presetVersion }) {
      const preset = presetFor(presetVersion);
      const dir = await scratch();
      const written: string[] = [];
      try {
        const chunks: Buffer[] = [];
        for await (const chunk of (await deps.blobs.get(storageKey)) as AsyncIterable<Buffer>) chunks.push(chunk);
        const outputDir = path.join(dir, 'cover');
        await mkdir(outputDir);
        await renderCover(Buffer.concat(chunks), preset.coverWidths, outputDir);
        await uploadAll(deps.blobs, outputDir, outputPrefix, written);
        return written;
      } catch (error) {
        await removeKeys(deps.blobs, written);
        if (error instanceof BlobNotFoundError) {
          throw ApplicationFailure.nonRetryable(error.message, FailureType.blobNotFound);
        }
        throw error;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },

    async removeTranscodeOutput({ keys }) {
      await removeKeys(deps.blobs, keys);
    },
  };
}
