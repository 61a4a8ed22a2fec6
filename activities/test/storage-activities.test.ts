import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { FsBlobStore } from '@fanfare/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorageActivities } from '../src/index.js';
import { makeTempDir } from './support/media-fixtures.js';

describe('statBlob (real fs BlobStore)', () => {
  let dir: string;
  let blobs: FsBlobStore;

  beforeAll(async () => {
    dir = await makeTempDir('storage');
    blobs = new FsBlobStore(dir);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('describes a stored blob with its size, checksum and declared type', async () => {
    await blobs.put('tenants/t/a.flac', Buffer.from('flac bytes'), { contentType: 'audio/flac' });
    expect(await createStorageActivities({ blobs }).statBlob({ storageKey: 'tenants/t/a.flac' })).toEqual({
      storageKey: 'tenants/t/a.flac',
      sizeBytes: 10,
      sha256: createHash('sha256').update('flac bytes').digest('hex'),
      declaredContentType: 'audio/flac',
    });
  });

  it('returns null for a key with nothing stored', async () => {
    expect(await createStorageActivities({ blobs }).statBlob({ storageKey: 'tenants/t/missing' })).toBeNull();
  });
});
