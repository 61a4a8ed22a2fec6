import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROLES } from '@fanfare/domain';
import { createBlobStore } from '@fanfare/storage';
import { requirePrincipal } from '../../auth/require-principal.js';
import { ApiError, forbidden } from '../../errors/api-error.js';
import { findCaller } from '../../users/find-caller.js';
import { issueDownloadLink } from '../../downloads/issue-download-link.js';
import { LinkRateLimiter } from '../../downloads/link-rate-limiter.js';
import { serveDownload } from '../../downloads/serve-download.js';
import { DownloadBody, DownloadLinkBody, DownloadLinkView, DownloadTokenParams } from '../../schemas/downloads.js';
import { errorResponses } from '../../schemas/error.js';

/**
 * `POST /v1/downloads/link` issues a signed, short-lived, limited-use link to a file the
 * signed-in buyer owns; `GET /v1/downloads/:token` serves it. The GET needs no Authorization
 * header (browsers and download managers follow the URL): the token is the credential.
 */
export const downloadRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { downloads, api } = app.config;
  const limiter = new LinkRateLimiter(downloads.linksPerMinute);
  const blobs = createBlobStore(app.config.blobs);

  app.post(
    '/downloads/link',
    {
      config: { tenant: true, roles: ROLES },
      schema: {
        tags: ['downloads'],
        summary: 'Issue a short-lived download link to a file of a product you own',
        security: [{ bearerAuth: [] }],
        body: DownloadLinkBody,
        response: { 201: DownloadLinkView, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      // Counted before any database work, per token subject and per client address.
      const decision = limiter.attempt(principal.subject, request.ip);
      if (!decision.allowed) {
        reply.header('retry-after', String(decision.retryAfterSeconds));
        throw new ApiError(
          429,
          'rate_limited',
          `Too many download links; retry in ${decision.retryAfterSeconds} seconds`,
          {
            limit: downloads.linksPerMinute,
            limitedBy: decision.limitedBy,
            retryAfterSeconds: decision.retryAfterSeconds,
          },
        );
      }
      const user = await findCaller(request.em, principal);
      if (user === null) throw forbidden('Your account does not own anything here yet');
      const link = await issueDownloadLink(
        request.tenantEm,
        { userId: user.id, email: user.email },
        request.body.assetId,
        {
          tenantId: request.tenant.id,
          signingKeys: downloads.signingKeys,
          ttlSeconds: downloads.linkTtlSeconds,
          publicUrl: api.publicUrl,
          requestId: request.id,
        },
      );
      return reply.status(201).send(link);
    },
  );

  app.get(
    '/downloads/:token',
    {
      schema: {
        tags: ['downloads'],
        summary: 'Download a file through a link issued by POST /v1/downloads/link (Range supported)',
        params: DownloadTokenParams,
        response: { 200: DownloadBody, 206: DownloadBody, ...errorResponses(403, 404, 410, 416) },
      },
    },
    async (request, reply) => serveDownload(request, reply, { blobs, signingKeys: downloads.signingKeys }),
  );
};
