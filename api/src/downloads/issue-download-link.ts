import { Asset, DownloadGrant, Entitlement, productsDelivering, type EntityManager } from '@fanfare/db';
import { type BuyerAccount, boughtBy } from '../auth/access-caller.js';
import { ApiError, forbidden, notFound } from '../errors/api-error.js';
import { auditDownload } from './download-audit.js';
import { downloadTokenHash, newNonce, signDownloadToken, type SigningKey } from './download-token.js';

/** What `POST /v1/downloads/link` answers. */
export interface IssuedDownloadLink {
  url: string;
  expiresAt: string;
  usesLeft: number;
}

/** What issuing needs from configuration and the request. */
export interface IssueLinkOptions {
  tenantId: string;
  signingKeys: readonly SigningKey[];
  ttlSeconds: number;
  publicUrl: string;
  requestId: string;
  now?: Date;
}

/**
 * The caller's active entitlement to `productId`, or to a bundle of it: bought while signed in,
 * or as a guest with the email the caller's token now proves. Subscriptions past their period
 * do not count.
 */
async function findActiveEntitlement(
  em: EntityManager,
  caller: BuyerAccount,
  productId: string,
  now: Date,
): Promise<Entitlement | null> {
  return em.findOne(
    Entitlement,
    {
      productId: { $in: await productsDelivering(em, productId) },
      status: 'active',
      $and: [boughtBy(caller, 'userId'), { $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }] }],
    },
    { orderBy: { grantedAt: 'desc' } },
  );
}

/**
 * Issues a short-lived, limited-use link to one downloadable asset of a product the caller
 * owns. Only the token's SHA-256 is stored, with the uses the entitlement allows per link; the
 * grant and its audit entry are written in one flush.
 */
export async function issueDownloadLink(
  em: EntityManager,
  caller: BuyerAccount,
  assetId: string,
  options: IssueLinkOptions,
): Promise<IssuedDownloadLink> {
  const now = options.now ?? new Date();
  const asset = await em.findOne(Asset, { id: assetId, kind: 'download', status: 'ready', productId: { $ne: null } });
  const productId = asset?.productId;
  if (productId == null) throw notFound('Asset');
  const entitlement = await findActiveEntitlement(em, caller, productId, now);
  if (entitlement === null) throw forbidden('You do not own the product this file belongs to');
  if (!entitlement.rights.download) throw forbidden('Your entitlement does not include downloads');
  const key = options.signingKeys[0];
  if (key === undefined) throw new ApiError(503, 'service_unavailable', 'Downloads are not configured');

  const expiresAt = Math.floor(now.getTime() / 1000) + options.ttlSeconds;
  const token = signDownloadToken(
    { userId: caller.userId, assetId, entitlementId: entitlement.id, expiresAt, nonce: newNonce() },
    key,
  );
  const usesLeft = entitlement.rights.downloadLimit;
  const grant = em.create(DownloadGrant, {
    entitlementId: entitlement.id,
    assetId,
    userId: caller.userId,
    tokenHash: downloadTokenHash(token),
    keyId: key.id,
    expiresAt: new Date(expiresAt * 1000),
    usesLeft,
    revokedAt: null,
  });
  auditDownload(em, {
    tenantId: options.tenantId,
    userId: caller.userId,
    action: 'download.link_issued',
    assetId,
    requestId: options.requestId,
    data: {
      grantId: grant.id,
      entitlementId: entitlement.id,
      keyId: key.id,
      expiresAt: grant.expiresAt.toISOString(),
      usesLeft,
    },
  });
  await em.flush();
  return {
    url: `${options.publicUrl.replace(/\/$/, '')}/v1/downloads/${token}`,
    expiresAt: grant.expiresAt.toISOString(),
    usesLeft,
  };
}
