import { Asset, DownloadGrant, Entitlement, forPlatform, forTenant, type EntityManager } from '@fanfare/db';
import { ApiError } from '../errors/api-error.js';
import { auditDownload } from './download-audit.js';
import { downloadTokenHash, parseDownloadToken, verifyDownloadToken, type SigningKey } from './download-token.js';

// Distinct codes so the library page can say what to do: forged links are refused outright,
// expired and used-up ones can be replaced by a fresh link, revoked ones cannot.
const invalid = () => new ApiError(403, 'download_token_invalid', 'This download link is not valid');
const expired = () => new ApiError(410, 'download_token_expired', 'This download link has expired; ask for a new one');
const revoked = () => new ApiError(410, 'download_revoked', 'This download is no longer available to you');
const exhausted = () =>
  new ApiError(
    410,
    'download_limit_reached',
    'This download link has been used as often as it allows; ask for a new one',
  );

/**
 * Checks a download token and finds what it opens, without spending a use. The token must be
 * well-formed, stored (by its hash), carry a valid MAC from a configured key for the stored
 * user, be unexpired, and stand on an active entitlement and an unblocked asset. The lookup by
 * hash is cross-tenant on purpose: the link is served from the API's own host, not a storefront.
 */
export async function checkDownloadToken(
  em: EntityManager,
  token: string,
  keys: readonly SigningKey[],
  now: Date,
): Promise<{ grant: DownloadGrant; asset: Asset }> {
  const parsed = parseDownloadToken(token);
  if (parsed === null) throw invalid();
  const grant = await forPlatform(em).findOne(DownloadGrant, { tokenHash: downloadTokenHash(token) });
  if (grant === null || grant.assetId !== parsed.assetId || grant.entitlementId !== parsed.entitlementId)
    throw invalid();
  if (!verifyDownloadToken(parsed, grant.userId, keys)) throw invalid();
  if (parsed.expiresAt * 1000 <= now.getTime() || grant.expiresAt.getTime() <= now.getTime()) throw expired();
  if (grant.revokedAt !== null) throw revoked();
  const tenantEm = forTenant(em, grant.tenantId);
  const [entitlement, asset] = await Promise.all([
    tenantEm.findOne(Entitlement, { id: grant.entitlementId }),
    tenantEm.findOne(Asset, { id: grant.assetId }),
  ]);
  if (entitlement === null || entitlement.status !== 'active' || asset === null || asset.status !== 'ready')
    throw revoked();
  if (entitlement.expiresAt != null && entitlement.expiresAt.getTime() <= now.getTime()) throw revoked();
  if (grant.usesLeft <= 0) throw exhausted();
  return { grant, asset };
}

/**
 * Spends one use of a checked grant with a single conditional UPDATE, so concurrent requests
 * can never spend more uses than the link has, and a revocation that lands in between wins.
 * Audits the use in the same transaction.
 */
export async function spendDownloadUse(
  em: EntityManager,
  grant: DownloadGrant,
  requestId: string,
  range: { start: number; end: number } | null,
): Promise<number> {
  return forTenant(em, grant.tenantId).transactional(async (tx) => {
    const rows = await tx
      .getConnection()
      .execute<Array<{ uses_left: number }>>(
        'update download_grants set uses_left = uses_left - 1 where id = ? and tenant_id = ? and uses_left > 0 and revoked_at is null returning uses_left',
        [grant.id, grant.tenantId],
        'all',
        tx.getTransactionContext(),
      );
    const row = rows[0];
    if (row === undefined) {
      const current = await forPlatform(tx).findOne(DownloadGrant, { id: grant.id }, { refresh: true });
      throw current?.revokedAt == null ? exhausted() : revoked();
    }
    const scoped = forTenant(tx, grant.tenantId);
    auditDownload(scoped, {
      tenantId: grant.tenantId,
      userId: grant.userId,
      action: 'download.used',
      assetId: grant.assetId,
      requestId,
      data: { grantId: grant.id, entitlementId: grant.entitlementId, usesLeft: row.uses_left, range },
    });
    await scoped.flush();
    return row.uses_left;
  });
}
