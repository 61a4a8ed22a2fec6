import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { AuditEvent, forTenant, type EntityManager } from '@fanfare/db';
import { ApplicationFailure } from '@temporalio/common';
import { FailureType, type AuditActivities, type AuditEntry } from '@fanfare/contracts';
import type { DbActivityDeps } from './asset-activities.js';
import { isUuid, uuidFromKey } from './deterministic-uuid.js';

/**
 * Adds `entry` to `em`'s unit of work, for an activity that writes it in its own transaction. Its id
 * is derived from the idempotency key, so the row is the one `appendAuditEvent` would write.
 */
export function addAuditEvent(em: EntityManager, entry: AuditEntry): void {
  em.create(AuditEvent, {
    id: uuidFromKey(entry.idempotencyKey),
    tenantId: entry.tenantId,
    actorType: entry.actorType,
    actorId: entry.actorId,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    data: entry.data,
    requestId: null,
  });
}

/** Activities over the append-only audit trail. */
export function createAuditActivities(deps: DbActivityDeps): AuditActivities {
  return {
    async appendAuditEvent(entry) {
      if (!isUuid(entry.tenantId)) {
        throw ApplicationFailure.nonRetryable(
          `Audit entry for a malformed tenant id ${entry.tenantId}`,
          FailureType.invalidInput,
        );
      }
      const em = forTenant(deps.em, entry.tenantId);
      // The id is derived from the idempotency key: a retry after a lost acknowledgement finds
      // its own earlier row instead of adding a second one (rows can never be updated).
      const id = uuidFromKey(entry.idempotencyKey);
      if ((await em.count(AuditEvent, { id })) > 0) return;
      addAuditEvent(em, entry);
      try {
        await em.flush();
      } catch (error) {
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
      }
    },
  };
}
