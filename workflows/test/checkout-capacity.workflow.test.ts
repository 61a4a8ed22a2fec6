import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkoutWorkflowId,
  FailureType,
  type CheckoutInput,
  type CheckoutQuote,
  type CheckoutResult,
} from '@fanfare/contracts';
import { checkoutInput, sendEvent, startCheckout, succeeded } from './support/checkout-driver.js';
import { fakeCheckoutActivities, QUOTE, type CheckoutActivities } from './support/fake-checkout-activities.js';
import { connectHarness, uniqueTaskQueue, type TemporalHarness } from './support/temporal-harness.js';

const taskQueue = uniqueTaskQueue('checkout-capacity');
let temporal: TemporalHarness;
beforeAll(async () => {
  temporal = await connectHarness();
});
afterAll(async () => {
  await temporal?.close();
});

const TOKEN_PACK = '00000000-0000-4000-8000-000000000002';
/** The fake cart whose second line (quantity 2) is a token pack of 100 units. */
const TOKEN_QUOTE: CheckoutQuote = {
  ...QUOTE,
  lines: QUOTE.lines.map((line) => (line.productId === TOKEN_PACK ? { ...line, tokenAmount: 100 } : line)),
};

const handleOf = (input: CheckoutInput) =>
  temporal.client.workflow.getHandle(checkoutWorkflowId(input.tenantId, input.idempotencyKey));

function withWorker<T>(activities: CheckoutActivities, fn: () => Promise<T>): Promise<T> {
  return temporal.withWorker(taskQueue, activities, fn);
}

/** Fakes that record reservations, releases and order moves in one sequence. */
function sequenced(overrides: Partial<CheckoutActivities> = {}) {
  const order: string[] = [];
  const fakes = fakeCheckoutActivities({
    priceCheckout: async () => TOKEN_QUOTE,
    reserveTokenCapacity: async ({ lines }) => {
      order.push(`reserve capacity ${lines.map((line) => `${line.productId}:${line.units}`).join(',')}`);
      return lines.map((line) => ({ ...line, status: 'reserved' as const }));
    },
    releaseTokenCapacity: async () => {
      order.push('release capacity');
      return [];
    },
    confirmTokenCapacity: async () => {
      order.push('confirm capacity');
      return [];
    },
    cancelPaymentIntent: async () => void order.push('cancel payment intent'),
    setOrderStatus: async ({ status }) => void order.push(`order ${status}`),
    // The move to awaiting_payment is one step with the PaymentIntent's record (checkout-fewer-steps).
    recordAwaitingPayment: async () => void order.push('order awaiting_payment'),
    ...overrides,
  });
  return { ...fakes, order };
}

describe('checkoutWorkflow token capacity (real Temporal dev server, fake activities)', () => {
  it('reserves tokenAmount × quantity before the PaymentIntent and confirms it when paid', async () => {
    const { activities, calls } = fakeCheckoutActivities({ priceCheckout: async () => TOKEN_QUOTE });
    const input = checkoutInput({ aftercareSeconds: 1 });
    const result = await withWorker(activities, async () => {
      await startCheckout(temporal.client, taskQueue, input);
      await sendEvent(temporal.client, input, succeeded());
      return (await handleOf(input).result()) as CheckoutResult;
    });
    expect(result.orderStatus).toBe('paid');
    expect(calls.capacity).toEqual([`reserve ${TOKEN_PACK}:200`, 'confirm']);
  });

  it('touches no capacity for a cart without token packs', async () => {
    const { activities, calls } = fakeCheckoutActivities();
    const input = checkoutInput({ aftercareSeconds: 1 });
    await withWorker(activities, async () => {
      await startCheckout(temporal.client, taskQueue, input);
      await sendEvent(temporal.client, input, succeeded());
      await handleOf(input).result();
    });
    expect(calls.capacity).toEqual([]);
  });

  it('releases the capacity on expiry, newest reservation first', async () => {
    const { activities, order } = sequenced({
      priceCheckout: async () => ({ ...TOKEN_QUOTE, discountId: 'd-1' }),
      reserveDiscountRedemption: async () => {
        order.push('reserve discount');
        return { redemptionId: 'r', status: 'reserved' };
      },
      releaseDiscountRedemption: async () => {
        order.push('release discount');
        return { redemptionId: 'r', status: 'released' };
      },
    });
    const input = checkoutInput({ paymentWindowSeconds: 1 });
    const result = await withWorker(activities, async () => {
      await startCheckout(temporal.client, taskQueue, input);
      return (await handleOf(input).result()) as CheckoutResult;
    });
    expect(result.orderStatus).toBe('expired');
    expect(order).toEqual([
      'reserve discount',
      `reserve capacity ${TOKEN_PACK}:200`,
      'order awaiting_payment',
      'cancel payment intent',
      'release capacity',
      'release discount',
      'order expired',
    ]);
  });

  it('releases the capacity when the payment fails for good', async () => {
    const { activities, order } = sequenced();
    const input = checkoutInput({ maxPaymentAttempts: 1 });
    const result = await withWorker(activities, async () => {
      await startCheckout(temporal.client, taskQueue, input);
      await sendEvent(temporal.client, input, {
        kind: 'payment_failed',
        eventId: 'evt_f1',
        paymentIntentId: 'pi_fake',
        reason: 'card_declined',
      });
      return (await handleOf(input).result()) as CheckoutResult;
    });
    expect(result.orderStatus).toBe('failed');
    expect(order).toEqual([
      `reserve capacity ${TOKEN_PACK}:200`,
      'order awaiting_payment',
      'cancel payment intent',
      'release capacity',
      'order failed',
    ]);
  });

  it('refuses the checkout with capacity_exhausted before any PaymentIntent, giving the discount back', async () => {
    const { activities, calls } = fakeCheckoutActivities({
      priceCheckout: async () => ({ ...TOKEN_QUOTE, discountId: 'd-2' }),
      reserveTokenCapacity: async () => {
        throw ApplicationFailure.nonRetryable('Only 100 units of API calls are left', FailureType.capacityExhausted, {
          code: 'capacity_exhausted',
          details: { productId: TOKEN_PACK, availableUnits: 100 },
        });
      },
    });
    const input = checkoutInput();
    const error = await withWorker(activities, () =>
      startCheckout(temporal.client, taskQueue, input).catch((e: unknown) => e),
    );
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (error as WorkflowUpdateFailedError).cause as ApplicationFailure;
    expect(cause.type).toBe('capacity_exhausted');
    expect(cause.message).toBe('Only 100 units of API calls are left');
    expect(calls.paymentIntents).toEqual([]);
    expect(calls.discounts).toEqual(['reserve d-2', 'release d-2']);
    expect(calls.capacity).toEqual([]);
    expect(calls.statuses).toEqual(['failed']);
    expect(((await handleOf(input).result()) as CheckoutResult).orderStatus).toBe('failed');
  });
});
