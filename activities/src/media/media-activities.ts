import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ApplicationFailure } from '@temporalio/common';
import { BlobNotFoundError, type BlobStore } from '@fanfare/storage';
import { FailureType, type MediaActivities } from '@fanfare/contracts';
import { probeAudioFile } from './ffprobe.js';
import { sniffDocument, SNIFF_BYTES } from './magic-bytes.js';

/** What the media activities need. */
export interface MediaActivityDeps {
  blobs: Pick<BlobStore, 'get'>;
  /** The ffprobe binary, e.g. `/usr/bin/ffprobe`. */
  ffprobePath: string;
  /** Where to copy blobs for probing; the OS temp dir by default. */
  workDir?: string;
  /** How long one ffprobe run may take. */
  probeTimeoutMs?: number;
}

async function readHead(blobs: Pick<BlobStore, 'get'>, key: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of (await blobs.get(key, { start: 0, end: SNIFF_BYTES - 1 })) as AsyncIterable<Buffer>)
    chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Activities that identify media by content. */
export function createMediaActivities(deps: MediaActivityDeps): MediaActivities {
  return {
    async probeMedia({ storageKey }) {
      try {
        const document = sniffDocument(await readHead(deps.blobs, storageKey));
        if (document !== null) return document;
        // ffprobe needs to seek (an m4a's index may sit at the end), so it reads a local copy
        // whose name carries no extension: the content alone decides the format.
        const dir = await mkdtemp(path.join(deps.workDir ?? tmpdir(), 'fanfare-probe-'));
        try {
          const file = path.join(dir, 'blob');
          await pipeline(await deps.blobs.get(storageKey), createWriteStream(file));
          return await probeAudioFile(deps.ffprobePath, file, deps.probeTimeoutMs ?? 120_000);
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      } catch (error) {
        if (error instanceof BlobNotFoundError) {
          throw ApplicationFailure.nonRetryable(error.message, FailureType.blobNotFound);
        }
        throw error;
      }
    },
  };
}
