import type { FastifyReply, FastifyRequest } from 'fastify';
import type { BlobStore } from '@fanfare/storage';
import { ApiError, notFound } from '../errors/api-error.js';
import { parseRange } from './byte-range.js';
import { attachmentDisposition } from './content-disposition.js';
import type { SigningKey } from './download-token.js';
import { checkDownloadToken, spendDownloadUse } from './redeem-download-token.js';

/** What serving a download needs besides the request. */
export interface ServeDownloadDeps {
  blobs: BlobStore;
  signingKeys: readonly SigningKey[];
}

/**
 * Answers `GET /v1/downloads/:token`: checks the token, checks the Range (a bad one costs no
 * use), spends one use atomically (a HEAD spends none), then streams the file or the range with its real content
 * type and a safe attachment filename.
 */
export async function serveDownload(
  request: FastifyRequest<{ Params: { token: string } }>,
  reply: FastifyReply,
  deps: ServeDownloadDeps,
): Promise<FastifyReply> {
  const { grant, asset } = await checkDownloadToken(request.em, request.params.token, deps.signingKeys, new Date());
  const stored = await deps.blobs.stat(asset.storageKey);
  if (stored === undefined) throw notFound('File');
  const rangeHeader = request.headers.range;
  const range = parseRange(rangeHeader, stored.size);
  if (range === null) {
    reply.header('content-range', `bytes */${stored.size}`);
    throw new ApiError(
      416,
      'range_not_satisfiable',
      `The range ${rangeHeader ?? ''} is not inside this ${stored.size}-byte file`,
    );
  }
  // Download managers ask with HEAD before they fetch: it answers the same headers, spends nothing.
  const probing = request.method === 'HEAD';
  const usesLeft = probing ? grant.usesLeft : await spendDownloadUse(request.em, grant, request.id, range ?? null);
  // Even for HEAD: Fastify drops a stream body of a HEAD answer but keeps its Content-Length.
  const body = await deps.blobs.get(asset.storageKey, range);
  reply
    .header('content-type', asset.contentType)
    .header('content-disposition', attachmentDisposition(asset.filename))
    .header('accept-ranges', 'bytes')
    .header('cache-control', 'private, no-store')
    .header('x-download-uses-left', String(usesLeft));
  if (range === undefined) return reply.status(200).header('content-length', String(stored.size)).send(body);
  return reply
    .status(206)
    .header('content-range', `bytes ${range.start}-${range.end}/${stored.size}`)
    .header('content-length', String(range.end - range.start + 1))
    .send(body);
}
