import { randomBytes, createHash } from 'node:crypto';
import { pipeline, Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
  type HeadObjectCommandOutput,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { assertValidBlobKey } from './blob-key.js';
import {
  BlobNotFoundError,
  ChecksumMismatchError,
  type BlobInfo,
  type BlobStore,
  type ByteRange,
  type PutOptions,
} from './blob-store.js';
import { assertValidRange, rangeHeader } from './byte-range.js';
import { HashingStream } from './hashing-stream.js';

/** Object metadata key (sent as `x-amz-meta-sha256`) holding the hex SHA-256 of the content. */
export const SHA256_METADATA_KEY = 'sha256';

const FALLBACK_CONTENT_TYPE = 'application/octet-stream';

/** What an `S3BlobStore` needs: a configured client and the bucket it owns keys in. */
export interface S3BlobStoreOptions {
  client: S3Client;
  bucket: string;
  /** Multipart part size in bytes (S3's minimum, 5 MiB, by default). */
  partSize?: number;
}

function isMissing(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    (error.name === 'NotFound' || error.name === 'NoSuchKey' || error.$metadata.httpStatusCode === 404)
  );
}

function hexFromBase64(value: string): string {
  return Buffer.from(value, 'base64').toString('hex');
}

/**
 * A `BlobStore` on an S3 bucket (or any S3-compatible service). Streams go up as multipart
 * uploads; the hex SHA-256 is kept in object metadata so `stat` never rereads content.
 */
export class S3BlobStore implements BlobStore {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly partSize: number | undefined;

  constructor(options: S3BlobStoreOptions) {
    this.client = options.client;
    this.bucket = options.bucket;
    this.partSize = options.partSize;
  }

  async put(key: string, body: Readable | Uint8Array, options: PutOptions): Promise<BlobInfo> {
    assertValidBlobKey(key);
    const expected = options.expectedSha256?.toLowerCase();
    if (body instanceof Uint8Array) return this.putBytes(key, body, options.contentType, expected);
    return this.putStream(key, body, options.contentType, expected);
  }

  /** Small bodies: checked before sending, then one PutObject that S3 verifies against the hash. */
  private async putBytes(
    key: string,
    body: Uint8Array,
    contentType: string,
    expected: string | undefined,
  ): Promise<BlobInfo> {
    const digest = createHash('sha256').update(body).digest();
    const sha256 = digest.toString('hex');
    if (expected !== undefined && expected !== sha256) throw new ChecksumMismatchError(key, expected, sha256);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: body,
        ContentType: contentType,
        ChecksumSHA256: digest.toString('base64'),
        Metadata: { [SHA256_METADATA_KEY]: sha256 },
      }),
    );
    return { key, size: body.byteLength, sha256, contentType };
  }

  /**
   * Streams: the hash is known only at the end, and metadata must be sent at the start, so the
   * content goes to a staging key first and is copied into place once it checks out. The copy
   * is what makes an overwrite atomic and a mismatch leave the old object untouched.
   */
  private async putStream(
    key: string,
    body: Readable,
    contentType: string,
    expected: string | undefined,
  ): Promise<BlobInfo> {
    const staging = `${key}.staging-${randomBytes(6).toString('hex')}`;
    const hasher = new HashingStream();
    const hashed = pipeline(body, hasher, () => undefined);
    try {
      await new Upload({
        client: this.client,
        ...(this.partSize === undefined ? {} : { partSize: this.partSize }),
        params: {
          Bucket: this.bucket,
          Key: staging,
          Body: hashed,
          ContentType: contentType,
          ChecksumAlgorithm: 'SHA256',
        },
      }).done();
      const { size, sha256 } = hasher.result();
      if (expected !== undefined && expected !== sha256) throw new ChecksumMismatchError(key, expected, sha256);
      await this.client.send(
        new CopyObjectCommand({
          Bucket: this.bucket,
          Key: key,
          CopySource: `${this.bucket}/${staging.split('/').map(encodeURIComponent).join('/')}`,
          MetadataDirective: 'REPLACE',
          ContentType: contentType,
          Metadata: { [SHA256_METADATA_KEY]: sha256 },
          ChecksumAlgorithm: 'SHA256',
        }),
      );
      return { key, size, sha256, contentType };
    } finally {
      // Best effort: the caller's outcome is already decided, and a bucket lifecycle rule on
      // `.staging-` keys sweeps whatever a failed delete leaves.
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: staging })).catch(() => undefined);
    }
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    assertValidBlobKey(key);
    if (range !== undefined) assertValidRange(range);
    try {
      const response = await this.client.send(
        new GetObjectCommand({
          Bucket: this.bucket,
          Key: key,
          ...(range === undefined ? {} : { Range: rangeHeader(range) }),
        }),
      );
      if (!(response.Body instanceof Readable)) throw new Error(`S3 returned no readable body for ${key}`);
      return response.Body;
    } catch (error) {
      if (isMissing(error)) throw new BlobNotFoundError(key);
      // A range that starts past the end is empty on the fs adapter; say the same here.
      if (error instanceof S3ServiceException && error.name === 'InvalidRange') return Readable.from([]);
      throw error;
    }
  }

  async stat(key: string): Promise<BlobInfo | undefined> {
    assertValidBlobKey(key);
    let head: HeadObjectCommandOutput;
    try {
      head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key, ChecksumMode: 'ENABLED' }));
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    const size = head.ContentLength ?? 0;
    const contentType = head.ContentType ?? FALLBACK_CONTENT_TYPE;
    const sha256 =
      head.Metadata?.[SHA256_METADATA_KEY] ?? this.fullObjectChecksum(head) ?? (await this.hashObject(key));
    return { key, size, sha256, contentType };
  }

  async delete(key: string): Promise<void> {
    assertValidBlobKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  /** S3's own SHA-256, when it covers the whole object (a multipart one is a hash of hashes). */
  private fullObjectChecksum(head: HeadObjectCommandOutput): string | undefined {
    if (head.ChecksumSHA256 === undefined || head.ChecksumType === 'COMPOSITE' || head.ChecksumSHA256.includes('-'))
      return undefined;
    return hexFromBase64(head.ChecksumSHA256);
  }

  /** Last resort for objects written outside this store: read them once and hash. */
  private async hashObject(key: string): Promise<string> {
    const hash = createHash('sha256');
    for await (const chunk of (await this.get(key)) as AsyncIterable<Buffer>) hash.update(chunk);
    return hash.digest('hex');
  }
}

/** Settings for the S3 client, as `BlobConfig` names them. */
export interface S3ClientSettings {
  region: string;
  endpoint: string | undefined;
  forcePathStyle: boolean;
}

/** An S3 client for AWS or an S3-compatible endpoint (MinIO, LocalStack). */
export function createS3Client(settings: S3ClientSettings): S3Client {
  return new S3Client({
    region: settings.region,
    forcePathStyle: settings.forcePathStyle,
    ...(settings.endpoint === undefined ? {} : { endpoint: settings.endpoint }),
  });
}
