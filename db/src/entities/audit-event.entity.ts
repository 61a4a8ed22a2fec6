import { defineEntity, p } from '@mikro-orm/core';
import { tenantFilters, tenantIdColumn } from '../tenancy/tenant-filter.js';
import { uuidPrimaryKey } from './columns.js';

/** Who did something. */
export type AuditActorType = 'user' | 'system' | 'workflow';

const AuditEventSchema = defineEntity({
  name: 'AuditEvent',
  tableName: 'audit_events',
  filters: tenantFilters,
  indexes: [{ properties: ['tenantId', 'subjectType', 'subjectId'] }],
  properties: {
    id: uuidPrimaryKey(),
    tenantId: tenantIdColumn(),
    actorType: p.enum(['user', 'system', 'workflow'] as const),
    actorId: p.string(),
    action: p.string(),
    subjectType: p.string(),
    subjectId: p.string(),
    data: p.json<Record<string, unknown>>().default('{}'),
    requestId: p.string().nullable(),
    occurredAt: p
      .datetime()
      .columnType('timestamptz')
      .onCreate(() => new Date())
      .index(),
  },
});

/**
 * One entry of the append-only audit trail; a database trigger rejects UPDATE and DELETE, so
 * not even a bug or a hurried operator can rewrite history.
 */
export class AuditEvent extends AuditEventSchema.class {}
AuditEventSchema.setClass(AuditEvent);

/** Metadata of `AuditEvent`. */
export { AuditEventSchema };
