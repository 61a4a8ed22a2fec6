import type { BlobStore } from '@fanfare/storage';
import type { StorageActivities } from '@fanfare/contracts';

/** What the storage activities need: only reading a blob's description. */
export interface StorageActivityDeps {
  blobs: Pick<BlobStore, 'stat'>;
}

/** Activities over the blob store. */
export function createStorageActivities(deps: StorageActivityDeps): StorageActivities {
  return {
    async statBlob({ storageKey }) {
      const info = await deps.blobs.stat(storageKey);
      if (info === undefined) return null;
      return { storageKey: info.key, sizeBytes: info.size, sha256: info.sha256, declaredContentType: info.contentType };
    },
  };
}
