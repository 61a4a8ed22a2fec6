import { describe, expect, it } from 'vitest';
import { createBlobStore, FsBlobStore, S3BlobStore } from '../src/index.js';

describe('createBlobStore', () => {
  it('chooses the filesystem adapter for backend fs', () => {
    expect(createBlobStore({ backend: 'fs', root: '/tmp/fanfare-blobs' })).toBeInstanceOf(FsBlobStore);
  });

  it('chooses the S3 adapter for backend s3 (no request is made)', () => {
    const store = createBlobStore({
      backend: 's3',
      bucket: 'b',
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:9000',
      forcePathStyle: true,
    });
    expect(store).toBeInstanceOf(S3BlobStore);
  });
});
