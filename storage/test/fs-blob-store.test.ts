import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BlobNotFoundError, ChecksumMismatchError, FsBlobStore, InvalidBlobKeyError } from '../src/index.js';
import { readAll } from './read-all.js';

const sha = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** Every file under `dir`, relative, so tests can see leftovers such as temp files. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

describe('FsBlobStore (real filesystem, temp dir)', () => {
  let root: string;
  let store: FsBlobStore;

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'fanfare-blobs-'));
    store = new FsBlobStore(root);
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('round-trips a stream, reporting size, sha256 and content type', async () => {
    const content = Buffer.from(`${'a'.repeat(200_000)}end`);
    const info = await store.put(
      'tenants/t1/assets/a1/original.flac',
      Readable.from([content.subarray(0, 1000), content.subarray(1000)]),
      {
        contentType: 'audio/flac',
      },
    );
    expect(info).toEqual({
      key: 'tenants/t1/assets/a1/original.flac',
      size: content.length,
      sha256: sha(content),
      contentType: 'audio/flac',
    });
    expect(await readAll(await store.get(info.key))).toEqual(content);
    expect(await store.stat(info.key)).toEqual(info);
  });

  it('accepts bytes as well as streams', async () => {
    const info = await store.put('k/bytes.txt', new TextEncoder().encode('hello'), { contentType: 'text/plain' });
    expect(info.sha256).toBe(sha('hello'));
    expect((await readAll(await store.get('k/bytes.txt'))).toString()).toBe('hello');
  });

  it('reads an inclusive byte range, clamping an end past the last byte', async () => {
    await store.put('r/file.bin', Buffer.from('0123456789'), { contentType: 'application/octet-stream' });
    expect((await readAll(await store.get('r/file.bin', { start: 2, end: 5 }))).toString()).toBe('2345');
    expect((await readAll(await store.get('r/file.bin', { start: 8, end: 100 }))).toString()).toBe('89');
    await expect(store.get('r/file.bin', { start: 5, end: 2 })).rejects.toThrow(RangeError);
  });

  it('accepts a matching expected checksum in either case', async () => {
    const info = await store.put('c/ok.txt', Buffer.from('checked'), {
      contentType: 'text/plain',
      expectedSha256: sha('checked').toUpperCase(),
    });
    expect(info.sha256).toBe(sha('checked'));
  });

  it('on a checksum mismatch throws and leaves nothing behind, not even a temp file', async () => {
    const error = await store
      .put('c/bad.txt', Readable.from([Buffer.from('actual')]), {
        contentType: 'text/plain',
        expectedSha256: sha('expected'),
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChecksumMismatchError);
    expect(error).toMatchObject({ code: 'checksum_mismatch', expected: sha('expected'), actual: sha('actual') });
    expect(await store.stat('c/bad.txt')).toBeUndefined();
    expect(await listFiles(root)).toEqual([]);
  });

  it('keeps the previous content when an overwrite fails its checksum', async () => {
    await store.put('o/file.txt', Buffer.from('v1'), { contentType: 'text/plain' });
    await expect(
      store.put('o/file.txt', Buffer.from('v2'), { contentType: 'text/plain', expectedSha256: sha('nope') }),
    ).rejects.toThrow(ChecksumMismatchError);
    expect((await readAll(await store.get('o/file.txt'))).toString()).toBe('v1');
    expect(await listFiles(root)).toEqual(['o/file.txt', 'o/file.txt.meta.json']);
  });

  it('overwrites atomically: a reader opened before the overwrite still sees the old content whole', async () => {
    const v1 = Buffer.alloc(300_000, 1);
    const v2 = Buffer.alloc(100_000, 2);
    await store.put('o/track.wav', v1, { contentType: 'audio/wav' });
    const before = await store.get('o/track.wav');
    const info = await store.put('o/track.wav', Readable.from([v2]), { contentType: 'audio/x-wav' });
    expect(await readAll(before)).toEqual(v1);
    expect(await readAll(await store.get('o/track.wav'))).toEqual(v2);
    expect(await store.stat('o/track.wav')).toEqual(info);
    expect(await listFiles(root)).toEqual(['o/track.wav', 'o/track.wav.meta.json']);
  });

  it('cleans up its temp file when the source stream fails midway', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.from('partial'));
        this.destroy(new Error('upload connection reset'));
      },
    });
    await expect(store.put('f/broken.bin', failing, { contentType: 'application/octet-stream' })).rejects.toThrow(
      'upload connection reset',
    );
    expect(await listFiles(root)).toEqual([]);
  });

  it('reports absent blobs: get throws BlobNotFoundError, stat is undefined, delete is harmless', async () => {
    await expect(store.get('missing/file')).rejects.toBeInstanceOf(BlobNotFoundError);
    expect(await store.stat('missing/file')).toBeUndefined();
    await expect(store.delete('missing/file')).resolves.toBeUndefined();
  });

  it('deletes a blob and its sidecar', async () => {
    await store.put('d/file.txt', Buffer.from('bye'), { contentType: 'text/plain' });
    await store.delete('d/file.txt');
    expect(await store.stat('d/file.txt')).toBeUndefined();
    expect(await listFiles(root)).toEqual([]);
  });

  it('rehashes a blob whose sidecar is missing rather than inventing a checksum', async () => {
    await store.put('s/file.txt', Buffer.from('content'), { contentType: 'text/plain' });
    await rm(path.join(root, 's/file.txt.meta.json'));
    expect(await store.stat('s/file.txt')).toEqual({
      key: 's/file.txt',
      size: 7,
      sha256: sha('content'),
      contentType: 'application/octet-stream',
    });
  });

  it('rehashes when the sidecar describes an earlier file (crash between the two renames)', async () => {
    await store.put('s/file.txt', Buffer.from('old'), { contentType: 'text/plain' });
    // Same size as before, so only the inode tells the sidecar is stale.
    await writeFile(path.join(root, 's/replacement'), 'new');
    await rename(path.join(root, 's/replacement'), path.join(root, 's/file.txt'));
    const info = await store.stat('s/file.txt');
    expect(info?.sha256).toBe(sha('new'));
  });

  it.each([
    ['', 'must not be empty'],
    ['/etc/passwd', 'must be relative'],
    ['a/../../etc/passwd', '".." segments'],
    ['..', '".." segments'],
    ['a/./b', '".." segments'],
    ['a//b', 'empty segments'],
    ['a/b/', 'empty segments'],
    ['a\\b', 'separator'],
    ['C:/x', 'must be relative'],
    ['a/b.meta.json', 'must not end with'],
  ])('rejects the key %j with a clear error', async (key, reason) => {
    const error = await store.put(key, Buffer.from('x'), { contentType: 'text/plain' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidBlobKeyError);
    expect((error as Error).message).toContain(reason);
    await expect(store.get(key)).rejects.toBeInstanceOf(InvalidBlobKeyError);
    await expect(store.stat(key)).rejects.toBeInstanceOf(InvalidBlobKeyError);
    await expect(store.delete(key)).rejects.toBeInstanceOf(InvalidBlobKeyError);
    expect(await listFiles(root)).toEqual([]);
  });
});
