import {
  FailureType,
  type AuditActivities,
  type CapacityActivities,
  type DiscountActivities,
  type InvoiceActivities,
  type OrderActivities,
  type PaymentActivities,
} from '@fanfare/contracts';
import { proxyLocalActivities } from '@temporalio/workflow';

/**
 * The activity proxies checkout calls, one per retry character. Workflow-side only.
 *
 * Local activities: each step is a short database or Stripe call whose answer the buyer is
 * waiting for (`POST /v1/checkout` returns when the PaymentIntent exists). Running them inside
 * the workflow task saves two server round trips per step (a single checkout answered in about
 * 150 ms instead of 750 ms in `pnpm bench:checkout`); every step is idempotent, so a retry
 * after a worker crash is safe.
 */

// Orders, invoices, ledger and audit must reach the database: retry until it is back, except
// for answers no retry changes (an unknown product, a missing price).
export const records = proxyLocalActivities<
  OrderActivities & AuditActivities & DiscountActivities & CapacityActivities & InvoiceActivities
>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: [
      FailureType.discountCodeInvalid,
      FailureType.capacityExhausted,
      FailureType.invalidInput,
      FailureType.orderNotFound,
      FailureType.orderTransitionRefused,
    ],
  },
});

// Stripe writes carry idempotency keys, so retrying is safe; a refusal (card state, amount) is named.
export const payments = proxyLocalActivities<PaymentActivities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    maximumInterval: '30 seconds',
    nonRetryableErrorTypes: [FailureType.refundRefused, FailureType.invalidInput],
  },
});
