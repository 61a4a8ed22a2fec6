import type { PaymentActivities } from '@fanfare/contracts';
import type { PaymentGateway } from './payment-gateway.js';

/** What the payment activities need: a gateway built from configuration. */
export interface PaymentActivityDeps {
  payments: PaymentGateway;
}

/** Activities over the payment processor; idempotency keys come from the workflow. */
export function createPaymentActivities(deps: PaymentActivityDeps): PaymentActivities {
  return {
    createPaymentIntent: (input) => deps.payments.createPaymentIntent(input),
    cancelPaymentIntent: (input) => deps.payments.cancelPaymentIntent(input),
    createRefund: (input) => deps.payments.createRefund(input),
  };
}
