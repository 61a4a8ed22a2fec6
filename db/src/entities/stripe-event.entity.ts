import { defineEntity, p } from '@mikro-orm/core';
import { createdAt } from './columns.js';

const StripeEventSchema = defineEntity({
  name: 'StripeEvent',
  tableName: 'stripe_events',
  properties: {
    /** Stripe's event id (`evt_…`): the primary key makes "acted on once" a database fact. */
    id: p.string().primary(),
    type: p.string(),
    /** The storefront the event concerned, when it could be told. */
    tenantId: p.uuid().nullable().index(),
    receivedAt: createdAt(),
  },
});

/**
 * A Stripe webhook event that was verified and handed to its workflow. Platform-level: the
 * event arrives before anyone knows which tenant it belongs to.
 */
export class StripeEvent extends StripeEventSchema.class {}
StripeEventSchema.setClass(StripeEvent);

/** Metadata of `StripeEvent`. */
export { StripeEventSchema };
