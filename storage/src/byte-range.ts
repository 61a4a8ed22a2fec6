import type { ByteRange } from './blob-store.js';

/**
 * Rejects ranges no HTTP `Range` header could mean. An end beyond the blob is allowed and
 * clamps to its last byte, as HTTP servers do.
 */
export function assertValidRange(range: ByteRange): void {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new RangeError(`Invalid byte range ${start}-${end}: need integers with 0 <= start <= end`);
  }
}

/** The value of an HTTP/S3 `Range` header for an inclusive range. */
export function rangeHeader(range: ByteRange): string {
  return `bytes=${range.start}-${range.end}`;
}
