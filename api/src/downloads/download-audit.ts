import { AuditEvent, type EntityManager } from '@fanfare/db';

/** One audit entry for a download link being issued or used, written with the caller's flush. */
export function auditDownload(
  em: EntityManager,
  entry: {
    tenantId: string;
    userId: string;
    action: 'download.link_issued' | 'download.used';
    assetId: string;
    requestId: string;
    data: Record<string, unknown>;
  },
): void {
  em.create(AuditEvent, {
    tenantId: entry.tenantId,
    actorType: 'user',
    actorId: entry.userId,
    action: entry.action,
    subjectType: 'asset',
    subjectId: entry.assetId,
    data: entry.data,
    requestId: entry.requestId,
  });
}
