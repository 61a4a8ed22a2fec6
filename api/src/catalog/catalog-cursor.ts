import { ApiError } from '../errors/api-error.js';

/** Where a catalog page ended: the last product's creation time and id (newest first). */
export interface CatalogCursor {
  createdAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An opaque `nextCursor` for clients. */
export function encodeCursor(cursor: CatalogCursor): string {
  return Buffer.from(`${cursor.createdAt.toISOString()}|${cursor.id}`, 'utf8').toString('base64url');
}

/** Reads a cursor a client sent back; a 400 naming `cursor` when it was not one of ours. */
export function decodeCursor(text: string): CatalogCursor {
  const [at, id, ...rest] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (rest.length > 0 || id === undefined || !UUID.test(id) || Number.isNaN(createdAt.getTime())) {
    throw new ApiError(400, 'validation_failed', 'Invalid querystring: "cursor" is not a cursor this API gave out', {
      location: 'querystring',
      field: 'cursor',
    });
  }
  return { createdAt, id };
}
