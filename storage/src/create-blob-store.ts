import type { BlobConfig } from '@fanfare/config';
import type { BlobStore } from './blob-store.js';
import { FsBlobStore } from './fs-blob-store.js';
import { createS3Client, S3BlobStore } from './s3-blob-store.js';

/** The adapter `config` asks for: a directory in development, a bucket in production. */
export function createBlobStore(config: BlobConfig): BlobStore {
  switch (config.backend) {
    case 'fs':
      return new FsBlobStore(config.root);
    case 's3':
      return new S3BlobStore({ client: createS3Client(config), bucket: config.bucket });
    default:
      throw new Error(`Unknown blob backend ${String((config as { backend: unknown }).backend)}`);
  }
}
