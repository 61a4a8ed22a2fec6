import { defineEntity, p } from '@mikro-orm/core';
import { createdAt, instant } from './columns.js';

const MailDeliverySchema = defineEntity({
  name: 'MailDelivery',
  tableName: 'mail_deliveries',
  properties: {
    /** The sender's idempotency key: the primary key makes "sent once" a database fact. */
    idempotencyKey: p.string().length(200).primary(),
    /** The kind of letter (`receipt`, `sign-in-code`, …). */
    kind: p.string().length(40),
    /** Lower-cased address the letter was for. */
    recipient: p.string().lowercase().index(),
    locale: p.string().length(16),
    /** The storefront the letter was about, when it was about one. */
    tenantId: p.uuid().nullable().index(),
    /** `sent`: the backend took it; `suppressed`: not sent because the address bounced or complained. */
    status: p.enum(['sent', 'suppressed'] as const),
    /** The `Message-ID` header, derived from the key. */
    messageId: p.string(),
    /** The backend's id for the letter (SES message id, SMTP queue answer); null when suppressed. */
    providerMessageId: p.string().nullable(),
    createdAt: createdAt(),
    sentAt: instant().nullable(),
  },
});

/**
 * One transactional letter that was sent (or deliberately not sent). Platform-level: sign-in
 * codes belong to no storefront, and erasure pseudonymises recipients across all of them.
 */
export class MailDelivery extends MailDeliverySchema.class {}
MailDeliverySchema.setClass(MailDelivery);

/** Metadata of `MailDelivery`. */
export { MailDeliverySchema };
