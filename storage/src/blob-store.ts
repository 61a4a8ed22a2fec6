import type { Readable } from 'node:stream';

/** What a store knows about one blob once it is written. */
export interface BlobInfo {
  key: string;
  size: number;
  /** Lower-case hex SHA-256 of the content. */
  sha256: string;
  contentType: string;
}

/** A byte range, both ends inclusive, as HTTP Range requests name them. */
export interface ByteRange {
  start: number;
  end: number;
}

/** Options for writing a blob. */
export interface PutOptions {
  contentType: string;
  /** When given, the write fails with `checksum_mismatch` and leaves nothing behind if the content differs. */
  expectedSha256?: string;
}

/**
 * Where files live: originals, renditions, cover art, e-books. Keys are slash-separated paths
 * such as `tenants/<tenantId>/assets/<assetId>/original.flac`. Everything streams; nothing
 * buffers a whole file in memory.
 */
export interface BlobStore {
  /** Streams `body` to `key`, computing size and SHA-256 on the way. Overwrites atomically. */
  put(key: string, body: Readable | Uint8Array, options: PutOptions): Promise<BlobInfo>;
  /** Streams the blob, or one range of it. Throws `BlobNotFoundError` when absent. */
  get(key: string, range?: ByteRange): Promise<Readable>;
  /** Size, checksum and type, or undefined when absent. */
  stat(key: string): Promise<BlobInfo | undefined>;
  /** Removes the blob; removing an absent blob is not an error. */
  delete(key: string): Promise<void>;
}

/** The blob does not exist. */
export class BlobNotFoundError extends Error {
  readonly code = 'blob_not_found';
  constructor(readonly key: string) {
    super(`No blob at ${key}`);
    this.name = 'BlobNotFoundError';
  }
}

/** The content written did not match the checksum the caller expected. */
export class ChecksumMismatchError extends Error {
  readonly code = 'checksum_mismatch';
  constructor(
    readonly key: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(`Checksum mismatch for ${key}: expected ${expected}, got ${actual}`);
    this.name = 'ChecksumMismatchError';
  }
}
