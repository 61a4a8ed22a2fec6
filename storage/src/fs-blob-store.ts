import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readFile, rename, rm, stat as fsStat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertValidBlobKey, META_SUFFIX } from './blob-key.js';
import {
  BlobNotFoundError,
  ChecksumMismatchError,
  type BlobInfo,
  type BlobStore,
  type ByteRange,
  type PutOptions,
} from './blob-store.js';
import { assertValidRange } from './byte-range.js';
import { HashingStream } from './hashing-stream.js';

/** What the sidecar beside each blob records; `ino` ties it to the exact file it describes. */
interface Sidecar {
  contentType: string;
  sha256: string;
  size: number;
  ino: number;
}

const FALLBACK_CONTENT_TYPE = 'application/octet-stream';

function isNotFound(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

/**
 * A `BlobStore` on a local directory, for development, tests and single-host installs. Writes
 * go to a temp file in the target's own directory and are renamed into place, so a reader sees
 * the old content or the new, never a half-written file.
 */
export class FsBlobStore implements BlobStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  /** The absolute path a key maps to; also guards against escaping the root. */
  pathOf(key: string): string {
    assertValidBlobKey(key);
    const file = path.resolve(this.root, ...key.split('/'));
    if (!file.startsWith(this.root + path.sep)) throw new Error(`Blob key ${key} resolves outside the store root`);
    return file;
  }

  async put(key: string, body: Readable | Uint8Array, options: PutOptions): Promise<BlobInfo> {
    const file = this.pathOf(key);
    const dir = path.dirname(file);
    await mkdir(dir, { recursive: true });
    const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
    const hasher = new HashingStream();
    const source = body instanceof Uint8Array ? Readable.from([Buffer.from(body)]) : body;
    try {
      await pipeline(source, hasher, createWriteStream(temp, { flags: 'wx' }));
      const { size, sha256 } = hasher.result();
      const expected = options.expectedSha256?.toLowerCase();
      if (expected !== undefined && expected !== sha256) throw new ChecksumMismatchError(key, expected, sha256);
      const { ino } = await fsStat(temp);
      const sidecar: Sidecar = { contentType: options.contentType, sha256, size, ino };
      const metaTemp = `${temp}${META_SUFFIX}`;
      await writeFile(metaTemp, JSON.stringify(sidecar), { flag: 'wx' });
      // The blob rename is the commit point; a crash before the sidecar follows is caught by `ino`.
      await rename(temp, file);
      await rename(metaTemp, `${file}${META_SUFFIX}`);
      return { key, size, sha256, contentType: options.contentType };
    } catch (error) {
      await Promise.all([rm(temp, { force: true }), rm(`${temp}${META_SUFFIX}`, { force: true })]);
      throw error;
    }
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    if (range !== undefined) assertValidRange(range);
    const file = this.pathOf(key);
    try {
      // Opening first turns a missing blob into an error here rather than on the stream later.
      const handle = await open(file, 'r');
      return handle.createReadStream(range === undefined ? {} : { start: range.start, end: range.end });
    } catch (error) {
      if (isNotFound(error)) throw new BlobNotFoundError(key);
      throw error;
    }
  }

  async stat(key: string): Promise<BlobInfo | undefined> {
    const file = this.pathOf(key);
    let fileStat: Awaited<ReturnType<typeof fsStat>>;
    try {
      fileStat = await fsStat(file);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
    const sidecar = await this.readSidecar(file);
    if (sidecar !== undefined && sidecar.ino === fileStat.ino && sidecar.size === fileStat.size) {
      return { key, size: sidecar.size, sha256: sidecar.sha256, contentType: sidecar.contentType };
    }
    // The sidecar is missing or describes an earlier file (a crash between the two renames):
    // the content is still the truth, so hash it again rather than report a stale checksum.
    const { size, sha256 } = await hashFile(file);
    return { key, size, sha256, contentType: sidecar?.contentType ?? FALLBACK_CONTENT_TYPE };
  }

  async delete(key: string): Promise<void> {
    const file = this.pathOf(key);
    await rm(file, { force: true });
    await rm(`${file}${META_SUFFIX}`, { force: true });
  }

  private async readSidecar(file: string): Promise<Sidecar | undefined> {
    try {
      const parsed: unknown = JSON.parse(await readFile(`${file}${META_SUFFIX}`, 'utf8'));
      return isSidecar(parsed) ? parsed : undefined;
    } catch (error) {
      if (isNotFound(error) || error instanceof SyntaxError) return undefined;
      throw error;
    }
  }
}

async function hashFile(file: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { size, sha256: hash.digest('hex') };
}

function isSidecar(value: unknown): value is Sidecar {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.contentType === 'string' &&
    typeof record.sha256 === 'string' &&
    typeof record.size === 'number' &&
    typeof record.ino === 'number'
  );
}
