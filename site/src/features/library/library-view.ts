import type { ApiResult } from '../../lib/api-fetch';
import type { MessageKey } from '../../lib/i18n';

/** A file of an owned product (`GET /v1/me/entitlements`). */
export interface LibraryAsset {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
}

/** One owned product (`GET /v1/me/entitlements`). */
export interface LibraryEntitlement {
  id: string;
  orderId: string;
  status: 'active' | 'revoked' | 'expired';
  grantedAt: string;
  expiresAt: string | null;
  rights: { download: boolean; stream: boolean; deviceLimit: number; downloadLimit: number; usageUsed: number };
  product: { id: string; title: string; slug: string; kind: string; mediaType: string };
  assets: LibraryAsset[];
}

/** `POST /v1/downloads/link` answer. */
export interface DownloadLink {
  url: string;
  expiresAt: string;
}

/** The strings the library's status and download wording draw on. */
export const LIBRARY_STATUS_LABELS = [
  'statusActive',
  'statusRevoked',
  'statusExpired',
  'revokedNote',
  'expiredNote',
  'downloadRateLimited',
  'downloadForbidden',
  'downloadNotFound',
  'downloadFailed',
  'needsConnection',
  'errSessionExpired',
] as const satisfies readonly MessageKey[];

type StatusLabel = (typeof LIBRARY_STATUS_LABELS)[number];

/** The files the buyer may download now: none unless the entitlement is active and grants downloads. */
export function downloadableAssets(entitlement: LibraryEntitlement): LibraryAsset[] {
  return entitlement.status === 'active' && entitlement.rights.download ? entitlement.assets : [];
}

/** The badge and, for a product that cannot be downloaded any more, the note saying why. */
export function statusWording(entitlement: LibraryEntitlement): { badge: StatusLabel; note: StatusLabel | null } {
  if (entitlement.status === 'revoked') return { badge: 'statusRevoked', note: 'revokedNote' };
  if (entitlement.status === 'expired') return { badge: 'statusExpired', note: 'expiredNote' };
  return { badge: 'statusActive', note: null };
}

/**
 * A refused download link in plain words: 429 with when to retry, 403 (not owned, revoked),
 * 404 (file gone), 401 (sign-in expired), offline, else the code.
 */
export function downloadErrorWording(failure: Extract<ApiResult<unknown>, { ok: false }>): {
  label: StatusLabel;
  retryAfterSeconds: number | null;
} {
  const label: StatusLabel =
    failure.status === 0
      ? 'needsConnection'
      : failure.status === 401
        ? 'errSessionExpired'
        : failure.status === 403
          ? 'downloadForbidden'
          : failure.status === 404
            ? 'downloadNotFound'
            : failure.status === 429
              ? 'downloadRateLimited'
              : 'downloadFailed';
  return { label, retryAfterSeconds: failure.status === 429 ? (failure.retryAfterSeconds ?? 60) : null };
}
