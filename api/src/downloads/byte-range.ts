/** An inclusive byte range of a file. */
export interface SatisfiableRange {
  start: number;
  end: number;
}

/**
 * The one range a `Range` header asks for in a file of `size` bytes: undefined when there is
 * no header (send everything), null when it is malformed, asks for several ranges or for
 * nothing inside the file (answer 416). An end past the file clamps to its last byte.
 */
export function parseRange(header: string | undefined, size: number): SatisfiableRange | null | undefined {
  if (header === undefined) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (match === null) return null;
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') return null;
  if (from === '') {
    // A suffix range: the last `to` bytes.
    const length = Number(to);
    if (length === 0 || size === 0) return null;
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (!Number.isSafeInteger(start) || start >= size || (to !== '' && Number(to) < start)) return null;
  return { start, end };
}
