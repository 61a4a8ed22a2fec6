import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { sdkStreamMixin } from '@smithy/util-stream';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { BlobNotFoundError, ChecksumMismatchError, InvalidBlobKeyError, S3BlobStore } from '../src/index.js';
import { readAll } from './read-all.js';

const sha = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');
const BUCKET = 'fanfare-blobs';
const FIVE_MIB = 5 * 1024 * 1024;

describe('S3BlobStore', () => {
  const s3 = mockClient(S3Client);
  let store: S3BlobStore;

  beforeEach(() => {
    s3.reset();
    s3.on(PutObjectCommand).resolves({});
    s3.on(CopyObjectCommand).resolves({});
    s3.on(DeleteObjectCommand).resolves({});
    s3.on(CreateMultipartUploadCommand).resolves({ UploadId: 'upload-1' });
    s3.on(UploadPartCommand).callsFake((input: { PartNumber?: number }) => ({ ETag: `"etag-${input.PartNumber}"` }));
    s3.on(CompleteMultipartUploadCommand).resolves({});
    store = new S3BlobStore({ client: new S3Client({ region: 'us-east-1' }), bucket: BUCKET, partSize: FIVE_MIB });
  });

  it('puts bytes in one PutObject that S3 verifies, with the hex sha256 in metadata (S3 client mocked)', async () => {
    const info = await store.put('tenants/t1/covers/c.jpg', Buffer.from('jpeg'), { contentType: 'image/jpeg' });
    expect(info).toEqual({ key: 'tenants/t1/covers/c.jpg', size: 4, sha256: sha('jpeg'), contentType: 'image/jpeg' });
    const [put] = s3.commandCalls(PutObjectCommand);
    expect(put?.args[0].input).toMatchObject({
      Bucket: BUCKET,
      Key: 'tenants/t1/covers/c.jpg',
      ContentType: 'image/jpeg',
      ChecksumSHA256: createHash('sha256').update('jpeg').digest('base64'),
      Metadata: { sha256: sha('jpeg') },
    });
  });

  it('refuses bytes that do not match the expected checksum before sending anything (S3 client mocked)', async () => {
    await expect(
      store.put('k/a', Buffer.from('x'), { contentType: 'text/plain', expectedSha256: sha('y') }),
    ).rejects.toBeInstanceOf(ChecksumMismatchError);
    expect(s3.calls()).toHaveLength(0);
  });

  it('streams to a staging key, copies it into place with metadata, then removes the staging object (S3 client mocked)', async () => {
    const info = await store.put(
      'tenants/t1/assets/a1/original.flac',
      Readable.from([Buffer.from('fl'), Buffer.from('ac')]),
      {
        contentType: 'audio/flac',
        expectedSha256: sha('flac'),
      },
    );
    expect(info).toEqual({
      key: 'tenants/t1/assets/a1/original.flac',
      size: 4,
      sha256: sha('flac'),
      contentType: 'audio/flac',
    });
    const staged = s3.commandCalls(PutObjectCommand)[0]?.args[0].input;
    expect(staged).toMatchObject({ Bucket: BUCKET, ContentType: 'audio/flac', ChecksumAlgorithm: 'SHA256' });
    expect(staged?.Key).toMatch(/^tenants\/t1\/assets\/a1\/original\.flac\.staging-[0-9a-f]{12}$/);
    expect(s3.commandCalls(CopyObjectCommand)[0]?.args[0].input).toEqual({
      Bucket: BUCKET,
      Key: 'tenants/t1/assets/a1/original.flac',
      CopySource: `${BUCKET}/${staged?.Key}`,
      MetadataDirective: 'REPLACE',
      ContentType: 'audio/flac',
      Metadata: { sha256: sha('flac') },
      ChecksumAlgorithm: 'SHA256',
    });
    expect(s3.commandCalls(DeleteObjectCommand)[0]?.args[0].input).toEqual({ Bucket: BUCKET, Key: staged?.Key });
  });

  it('uploads a stream larger than a part as a multipart upload with SHA-256 part checksums (S3 client mocked)', async () => {
    const content = Buffer.alloc(FIVE_MIB + 1234, 7);
    const info = await store.put('big/file.wav', Readable.from([content]), { contentType: 'audio/wav' });
    expect(info).toMatchObject({ size: content.length, sha256: sha(content) });
    expect(s3.commandCalls(CreateMultipartUploadCommand)[0]?.args[0].input).toMatchObject({
      ChecksumAlgorithm: 'SHA256',
      ContentType: 'audio/wav',
    });
    expect(s3.commandCalls(UploadPartCommand)).toHaveLength(2);
    expect(s3.commandCalls(CompleteMultipartUploadCommand)).toHaveLength(1);
    expect(s3.commandCalls(CopyObjectCommand)[0]?.args[0].input).toMatchObject({
      Key: 'big/file.wav',
      Metadata: { sha256: sha(content) },
    });
  });

  it('on a streamed checksum mismatch never touches the real key and removes the staging object (S3 client mocked)', async () => {
    const error = await store
      .put('k/track.mp3', Readable.from([Buffer.from('actual')]), {
        contentType: 'audio/mpeg',
        expectedSha256: sha('expected'),
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChecksumMismatchError);
    expect(s3.commandCalls(CopyObjectCommand)).toHaveLength(0);
    const staged = s3.commandCalls(PutObjectCommand)[0]?.args[0].input.Key;
    expect(s3.commandCalls(DeleteObjectCommand).map((c) => c.args[0].input.Key)).toEqual([staged]);
  });

  it('gets a byte range with an HTTP Range header (S3 client mocked)', async () => {
    s3.on(GetObjectCommand).resolves({ Body: sdkStreamMixin(Readable.from([Buffer.from('2345')])) });
    const body = await store.get('r/file.bin', { start: 2, end: 5 });
    expect((await readAll(body)).toString()).toBe('2345');
    expect(s3.commandCalls(GetObjectCommand)[0]?.args[0].input).toEqual({
      Bucket: BUCKET,
      Key: 'r/file.bin',
      Range: 'bytes=2-5',
    });
  });

  it('turns NoSuchKey into BlobNotFoundError (S3 client mocked)', async () => {
    s3.on(GetObjectCommand).rejects(
      new NoSuchKey({ message: 'The specified key does not exist.', $metadata: { httpStatusCode: 404 } }),
    );
    await expect(store.get('missing/file')).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it('stats through HeadObject, reading the sha256 from metadata (S3 client mocked)', async () => {
    s3.on(HeadObjectCommand).resolves({ ContentLength: 42, ContentType: 'audio/flac', Metadata: { sha256: sha('x') } });
    expect(await store.stat('a/b.flac')).toEqual({
      key: 'a/b.flac',
      size: 42,
      sha256: sha('x'),
      contentType: 'audio/flac',
    });
  });

  it('stats an object written elsewhere from its full-object checksum (S3 client mocked)', async () => {
    s3.on(HeadObjectCommand).resolves({
      ContentLength: 1,
      ContentType: 'text/plain',
      ChecksumSHA256: createHash('sha256').update('y').digest('base64'),
      ChecksumType: 'FULL_OBJECT',
    });
    expect((await store.stat('a/b.txt'))?.sha256).toBe(sha('y'));
  });

  it('stats an absent object as undefined when HeadObject says NotFound (S3 client mocked)', async () => {
    s3.on(HeadObjectCommand).rejects(new NotFound({ message: 'Not Found', $metadata: { httpStatusCode: 404 } }));
    expect(await store.stat('missing/file')).toBeUndefined();
  });

  it('deletes with DeleteObject (S3 client mocked)', async () => {
    await store.delete('d/file.txt');
    expect(s3.commandCalls(DeleteObjectCommand)[0]?.args[0].input).toEqual({ Bucket: BUCKET, Key: 'd/file.txt' });
  });

  it('rejects unsafe keys without calling S3 (S3 client mocked)', async () => {
    await expect(store.put('../x', Buffer.from('x'), { contentType: 'text/plain' })).rejects.toBeInstanceOf(
      InvalidBlobKeyError,
    );
    await expect(store.get('a//b')).rejects.toBeInstanceOf(InvalidBlobKeyError);
    await expect(store.stat('/abs')).rejects.toBeInstanceOf(InvalidBlobKeyError);
    expect(s3.calls()).toHaveLength(0);
  });
});
