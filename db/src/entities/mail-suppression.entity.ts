import { defineEntity, p } from '@mikro-orm/core';
import { createdAt } from './columns.js';

const MailSuppressionSchema = defineEntity({
  name: 'MailSuppression',
  tableName: 'mail_suppressions',
  properties: {
    /** Lower-cased address that gets nothing but sign-in codes. */
    email: p.string().lowercase().primary(),
    /** A permanent bounce, a complaint (marked as spam), or an operator's decision. */
    reason: p.enum(['bounce', 'complaint', 'manual'] as const),
    /** What the reporter said (SES bounce subtype, complaint feedback type). */
    detail: p.string().nullable(),
    /** The report's id (SES feedback id), so the decision can be traced. */
    sourceId: p.string().nullable(),
    createdAt: createdAt(),
  },
});

/** An address Fanfare stops writing to, because mail to it bounced or its owner complained. Platform-level. */
export class MailSuppression extends MailSuppressionSchema.class {}
MailSuppressionSchema.setClass(MailSuppression);

/** Metadata of `MailSuppression`. */
export { MailSuppressionSchema };
