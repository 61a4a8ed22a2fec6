/** A key that cannot name a safe location in a store. */
export class InvalidBlobKeyError extends Error {
  readonly code = 'invalid_blob_key';
  constructor(
    readonly key: string,
    readonly reason: string,
  ) {
    super(`Invalid blob key "${key}": ${reason}`);
    this.name = 'InvalidBlobKeyError';
  }
}

/**
 * Checks that `key` is a relative, slash-separated path with no empty, `.` or `..` segments.
 * Both adapters enforce the same rule so a key that works in development works on S3, and a
 * crafted key can never climb out of the filesystem root.
 */
export function assertValidBlobKey(key: string): void {
  if (key === '') throw new InvalidBlobKeyError(key, 'must not be empty');
  if (key.startsWith('/') || /^[A-Za-z]:/.test(key)) throw new InvalidBlobKeyError(key, 'must be relative');
  if (key.includes('\\')) throw new InvalidBlobKeyError(key, 'must use "/" as the separator');
  if (key.includes('\0')) throw new InvalidBlobKeyError(key, 'must not contain NUL');
  for (const segment of key.split('/')) {
    if (segment === '') throw new InvalidBlobKeyError(key, 'must not contain empty segments');
    if (segment === '.' || segment === '..')
      throw new InvalidBlobKeyError(key, 'must not contain "." or ".." segments');
  }
  // The fs adapter keeps its content type beside each blob under this suffix.
  if (key.endsWith(META_SUFFIX)) throw new InvalidBlobKeyError(key, `must not end with ${META_SUFFIX}`);
}

/** Suffix of the sidecar file where the fs adapter records a blob's content type and checksum. */
export const META_SUFFIX = '.meta.json';
