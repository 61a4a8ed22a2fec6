export * from './blob-store.js';
export { assertValidBlobKey, InvalidBlobKeyError } from './blob-key.js';
export { FsBlobStore } from './fs-blob-store.js';
export {
  S3BlobStore,
  createS3Client,
  SHA256_METADATA_KEY,
  type S3BlobStoreOptions,
  type S3ClientSettings,
} from './s3-blob-store.js';
export { createBlobStore } from './create-blob-store.js';
