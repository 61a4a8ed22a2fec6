/** One entry for the append-only audit trail. */
export interface AuditEntry {
  tenantId: string;
  actorType: 'user' | 'system' | 'workflow';
  /** A user id, a system component, or a workflow id. */
  actorId: string;
  /** What happened, as `subject.verb` (`asset.ingested`, `asset.rejected`). */
  action: string;
  subjectType: string;
  subjectId: string;
  data: Record<string, unknown>;
  /** The same key always means the same event, so a retried append writes it once. */
  idempotencyKey: string;
}

/** Activities over the audit trail, as workflows see them. */
export interface AuditActivities {
  /** Appends an entry once per idempotency key. */
  appendAuditEvent(entry: AuditEntry): Promise<void>;
}
