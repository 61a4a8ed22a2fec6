import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkoutStatusQuery,
  checkoutWorkflowId,
  entitlementWorkflowId,
  FailureType,
  OrderIdAttribute,
  ProcessStatusAttribute,
  requestRefundUpdate,
  type CheckoutInput,
  type CheckoutResult,
  type CheckoutStatus,
} from '@fanfare/contracts';
import { checkoutInput, sendEvent, startCheckout, succeeded } from './support/checkout-driver.js';
import { fakeCheckoutActivities, QUOTE, type CheckoutActivities } from './support/fake-checkout-activities.js';
import { connectHarness, uniqueTaskQueue, type TemporalHarness } from './support/temporal-harness.js';

const taskQueue = uniqueTaskQueue('checkout-wf');
let temporal: TemporalHarness;
beforeAll(async () => {
  temporal = await connectHarness();
});
afterAll(async () => {
  await temporal?.close();
});

const handleOf = (input: CheckoutInput) =>
  temporal.client.workflow.getHandle(checkoutWorkflowId(input.tenantId, input.idempotencyKey));

/** Polls the status query until `done` holds (signals are asynchronous). */
async function until(input: CheckoutInput, done: (status: CheckoutStatus) => boolean): Promise<CheckoutStatus> {
  for (let i = 0; i < 200; i += 1) {
    const status = await handleOf(input).query(checkoutStatusQuery);
    if (done(status)) return status;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('checkout never reached the expected state');
}

const sum = (legs: Array<{ amountMinor: number }>) => legs.reduce((total, leg) => total + leg.amountMinor, 0);

/** Runs `fn` with a worker over `activities`. */
function withWorker<T>(activities: CheckoutActivities, fn: () => Promise<T>): Promise<T> {
  return temporal.withWorker(taskQueue, activities, fn);
}

describe('checkoutWorkflow (real Temporal dev server, fake activities)', () => {
  it('answers the start update with the PaymentIntent, then pays, invoices, records the sale and starts entitlements', async () => {
    const { activities, calls } = fakeCheckoutActivities();
    const input = checkoutInput({ aftercareSeconds: 1 }, { tenantHandle: 'aurora' });
    const { started, result, described, entitlement, details } = await withWorker(activities, async () => {
      const started = await startCheckout(temporal.client, taskQueue, input);
      await sendEvent(temporal.client, input, succeeded());
      const result = (await handleOf(input).result()) as CheckoutResult;
      const entitlement = await temporal.client.workflow
        .getHandle(entitlementWorkflowId(input.tenantId, input.orderId))
        .describe();
      const details = await handleOf(input).query<{ currentDetails: string }>('__temporal_workflow_metadata');
      return { started, result, described: await handleOf(input).describe(), entitlement, details };
    });
    expect(started).toEqual({
      orderId: input.orderId,
      workflowId: checkoutWorkflowId(input.tenantId, input.idempotencyKey),
      status: 'awaiting_payment',
      totals: { subtotal: 2000, discount: 0, tax: 160, total: 2160, currency: 'USD' },
      payment: { provider: 'stripe', paymentIntentId: 'pi_fake', clientSecret: 'pi_fake_secret_x' },
    });
    expect(result).toEqual({
      orderId: input.orderId,
      orderStatus: 'paid',
      invoiceNumber: '2026-000001',
      refundedMinor: 0,
    });
    expect(calls.paymentIntents).toEqual([
      `${checkoutWorkflowId(input.tenantId, input.idempotencyKey)}/payment-intent`,
    ]);
    expect(calls.paid).toEqual([input.orderId]);
    expect(calls.ledger).toHaveLength(1);
    const sale = calls.ledger[0]!.legs;
    expect(sum(sale)).toBe(0);
    // 2000 net of tax; 10% platform fee = 200; estimated processor fee 2.9% of 2160 + 30 = 93.
    expect(sale).toEqual(
      expect.arrayContaining([
        { account: 'clearing', kind: 'sale', amountMinor: -2000, creatorId: null },
        { account: 'platform_revenue', kind: 'platform_fee', amountMinor: 200, creatorId: null },
        { account: 'processor_fees', kind: 'processor_fee', amountMinor: 93, creatorId: null },
      ]),
    );
    expect(calls.audit.map((entry) => entry.action)).toEqual([
      'order.created',
      'order.awaiting_payment',
      'order.paid',
      'entitlements.requested',
    ]);
    expect(new Set(calls.audit.map((entry) => entry.idempotencyKey)).size).toBe(calls.audit.length);
    expect(described.typedSearchAttributes.get(OrderIdAttribute)).toBe(input.orderId);
    expect(described.typedSearchAttributes.get(ProcessStatusAttribute)).toBe('closed');
    // The kit's summary: set at start (static), then the current details once paid.
    expect(await described.staticSummary()).toBe('Checkout · aurora · 1 item');
    expect(details.currentDetails).toBe('Checkout · aurora · 2026-000001 · $21.60');
    expect(entitlement.type).toBe('entitlementWorkflow');
  });

  it('returns the same order for a repeated start and never creates a second PaymentIntent', async () => {
    const { activities, calls } = fakeCheckoutActivities();
    const input = checkoutInput();
    const [first, second, third] = await withWorker(activities, async () => {
      const first = await startCheckout(temporal.client, taskQueue, input);
      const again = await Promise.all([
        startCheckout(temporal.client, taskQueue, { ...input, orderId: 'another-order-id' }),
        startCheckout(temporal.client, taskQueue, input),
      ]);
      await handleOf(input).terminate('test done');
      return [first, ...again];
    });
    expect(second).toEqual(first);
    expect(third).toEqual(first);
    expect(calls.paymentIntents).toHaveLength(1);
  });

  it('acts once on duplicated events and keeps a refund or dispute that arrives before the payment for later', async () => {
    const { activities, calls } = fakeCheckoutActivities();
    const input = checkoutInput();
    const status = await withWorker(activities, async () => {
      await startCheckout(temporal.client, taskQueue, input);
      await sendEvent(temporal.client, input, {
        kind: 'dispute_closed',
        eventId: 'evt_closed',
        paymentIntentId: 'pi_fake',
        disputeId: 'dp_1',
        won: true,
      });
      const paid = succeeded('evt_paid');
      await sendEvent(temporal.client, input, paid);
      await sendEvent(temporal.client, input, paid);
      await sendEvent(temporal.client, input, {
        kind: 'payment_failed',
        eventId: 'evt_late_failure',
        paymentIntentId: 'pi_fake',
        reason: 'late',
      });
      const status = await until(
        input,
        (s) => s.step === 'paid' && s.orderStatus === 'paid' && calls.ledger.length === 3,
      );
      await handleOf(input).terminate('test done');
      return status;
    });
    expect(status.paymentAttempts).toBe(0);
    expect(calls.paid).toHaveLength(1);
    // The early dispute_closed counts as opened and won: held back, then given back.
    expect(calls.ledger.map((entry) => entry.key.split('/ledger/')[1])).toEqual([
      'sale',
      'dispute/dp_1/opened',
      'dispute/dp_1/won',
    ]);
    expect(sum(calls.ledger[1]!.legs) + sum(calls.ledger[2]!.legs)).toBe(0);
    expect(calls.statuses).toEqual(['awaiting_payment', 'disputed', 'paid']);
  });

  it('counts failed payments and fails the order after the last allowed attempt, cancelling the PaymentIntent', async () => {
    const { activities, calls } = fakeCheckoutActivities();
    const input = checkoutInput({ maxPaymentAttempts: 2 });
    const result = await withWorker(activities, async () => {
      await startCheckout(temporal.client, taskQueue, input);
      await sendEvent(temporal.client, input, {
        kind: 'payment_failed',
        eventId: 'evt_f1',
        paymentIntentId: 'pi_fake',
        reason: 'card_declined',
      });
      await until(input, (s) => s.paymentAttempts === 1 && s.step === 'awaiting_payment');
      await sendEvent(temporal.client, input, {
        kind: 'payment_failed',
        eventId: 'evt_f2',
        paymentIntentId: 'pi_fake',
        reason: 'card_declined',
      });
      return (await handleOf(input).result()) as CheckoutResult;
    });
    expect(result.orderStatus).toBe('failed');
    expect(calls.cancelled).toEqual(['pi_fake']);
    expect(calls.statuses).toEqual(['awaiting_payment', 'failed']);
    expect(calls.paid).toEqual([]);
    expect(calls.ledger).toEqual([]);
  });

  it('expires when no result arrives within the payment window and compensates newest first', async () => {
    const order: string[] = [];
    const { activities, calls } = fakeCheckoutActivities();
    const input = checkoutInput({ paymentWindowSeconds: 1 });
    const result = await withWorker(
      {
        ...activities,
        cancelPaymentIntent: async () => void order.push('cancel payment intent'),
        setOrderStatus: async ({ status }) => void order.push(`order ${status}`),
        // The move to awaiting_payment is one step with the PaymentIntent's record (checkout-fewer-steps).
        recordAwaitingPayment: async () => void order.push('order awaiting_payment'),
      },
      async () => {
        await startCheckout(temporal.client, taskQueue, input);
        return (await handleOf(input).result()) as CheckoutResult;
      },
    );
    expect(result.orderStatus).toBe('expired');
    expect(order).toEqual(['order awaiting_payment', 'cancel payment intent', 'order expired']);
    expect(calls.audit.map((entry) => entry.action)).toContain('order.expired');
  });

  it('refunds partially, then the rest, reversing the ledger exactly and revoking entitlements on the full refund', async () => {
    const { activities, calls } = fakeCheckoutActivities();
    const input = checkoutInput();
    const { partial, rest, tooMuch } = await withWorker(activities, async () => {
      await startCheckout(temporal.client, taskQueue, input);
      await sendEvent(temporal.client, input, succeeded());
      await until(input, (s) => s.step === 'paid');
      const request = { amountMinor: 1000, productIds: null, reason: 'requested_by_customer', requestedBy: 'finance' };
      const partial = await handleOf(input).executeUpdate(requestRefundUpdate, {
        args: [{ ...request, requestId: 'r1' }],
      });
      const tooMuch = await handleOf(input)
        .executeUpdate(requestRefundUpdate, { args: [{ ...request, requestId: 'r2', amountMinor: 5000 }] })
        .catch((error: unknown) => error);
      const rest = await handleOf(input).executeUpdate(requestRefundUpdate, {
        args: [{ ...request, requestId: 'r3', amountMinor: null }],
      });
      // Stripe's own charge.refunded for our refunds adds nothing.
      await sendEvent(temporal.client, input, {
        kind: 'charge_refunded',
        eventId: 'evt_r',
        paymentIntentId: 'pi_fake',
        amountRefundedMinor: 2160,
      });
      await until(input, () => calls.revoked.length === 2);
      await handleOf(input).terminate('test done');
      return { partial, rest, tooMuch };
    });
    expect(partial).toMatchObject({
      refundId: 're_1',
      amountMinor: 1000,
      orderStatus: 'partially_refunded',
      refundedMinor: 1000,
    });
    expect(tooMuch).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(rest).toMatchObject({ amountMinor: 1160, orderStatus: 'refunded', refundedMinor: 2160 });
    expect(calls.refunds.map((r) => r.idempotencyKey.split('/').pop())).toEqual(['r1', 'r3']);
    const [sale, ...reversals] = calls.ledger;
    expect(reversals).toHaveLength(2);
    for (const reversal of reversals) expect(sum(reversal.legs)).toBe(0);
    // Per account, the sale and its two reversals cancel out exactly.
    const net = new Map<string, number>();
    for (const leg of [...sale!.legs, ...reversals.flatMap((r) => r.legs)])
      net.set(`${leg.account}/${leg.creatorId}`, (net.get(`${leg.account}/${leg.creatorId}`) ?? 0) + leg.amountMinor);
    expect([...net.values()].every((value) => value === 0)).toBe(true);
    expect(calls.revoked.sort()).toEqual(QUOTE.lines.map((line) => `ent-${line.productId}`).sort());
    expect(calls.documents).toEqual(['invoice 2160', 'credit 1000', 'credit 1160']);
  });

  it('gives back the in-flight amount of a refund Stripe refuses, so the next full refund takes everything', async () => {
    const refused = fakeCheckoutActivities();
    const { activities, calls } = fakeCheckoutActivities({
      createRefund: async (input) => {
        if (input.idempotencyKey.endsWith('/r1'))
          throw ApplicationFailure.nonRetryable('Charge already disputed', FailureType.refundRefused);
        return refused.activities.createRefund(input);
      },
    });
    const input = checkoutInput();
    const { failedRefund, rest, status } = await withWorker(activities, async () => {
      await startCheckout(temporal.client, taskQueue, input);
      await sendEvent(temporal.client, input, succeeded());
      await until(input, (s) => s.step === 'paid');
      const request = { productIds: null, reason: 'requested_by_customer', requestedBy: 'finance' };
      const failedRefund = await handleOf(input)
        .executeUpdate(requestRefundUpdate, { args: [{ ...request, requestId: 'r1', amountMinor: 500 }] })
        .catch((error: unknown) => error);
      const rest = await handleOf(input).executeUpdate(requestRefundUpdate, {
        args: [{ ...request, requestId: 'r2', amountMinor: null }],
      });
      const status = await handleOf(input).query(checkoutStatusQuery);
      await handleOf(input).terminate('test done');
      return { failedRefund, rest, status };
    });
    expect(failedRefund).toBeInstanceOf(WorkflowUpdateFailedError);
    // Before the fix the refused 500 stayed "in flight" for good: the full refund came to 1660.
    expect(rest).toMatchObject({ amountMinor: 2160, orderStatus: 'refunded', refundedMinor: 2160 });
    expect(status.refundedMinor).toBe(2160);
    expect(calls.refunds).toHaveLength(0);
    expect(refused.calls.refunds.map((r) => r.amountMinor)).toEqual([2160]);
  });

  it('holds back the earnings and revokes on a dispute; a lost dispute leaves the order refunded', async () => {
    const { activities, calls } = fakeCheckoutActivities();
    const input = checkoutInput();
    const status = await withWorker(activities, async () => {
      await startCheckout(temporal.client, taskQueue, input);
      await sendEvent(temporal.client, input, succeeded());
      await sendEvent(temporal.client, input, {
        kind: 'dispute_created',
        eventId: 'evt_d1',
        paymentIntentId: 'pi_fake',
        disputeId: 'dp_9',
      });
      await until(input, (s) => s.orderStatus === 'disputed');
      const refused = await handleOf(input)
        .executeUpdate(requestRefundUpdate, {
          args: [{ requestId: 'r', amountMinor: null, productIds: null, reason: 'x', requestedBy: 'admin' }],
        })
        .catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
      await sendEvent(temporal.client, input, {
        kind: 'dispute_closed',
        eventId: 'evt_d2',
        paymentIntentId: 'pi_fake',
        disputeId: 'dp_9',
        won: false,
      });
      const status = await until(input, (s) => s.orderStatus === 'refunded' && calls.revoked.length === 2);
      await handleOf(input).terminate('test done');
      return status;
    });
    expect(status.refundedMinor).toBe(0);
    expect(calls.statuses).toEqual(['awaiting_payment', 'disputed', 'refunded']);
    expect(sum(calls.ledger[1]!.legs)).toBe(0);
    expect(calls.ledger[1]!.legs.find((leg) => leg.account === 'clearing')?.amountMinor).toBe(2000);
  });

  it('holds the discount redemption before payment, confirms it when paid and releases it on expiry', async () => {
    const discounted = { ...QUOTE, discountId: 'd-1' };
    const paid = fakeCheckoutActivities({ priceCheckout: async () => discounted });
    const paidInput = checkoutInput({ aftercareSeconds: 1 });
    await withWorker(paid.activities, async () => {
      await startCheckout(temporal.client, taskQueue, paidInput);
      await sendEvent(temporal.client, paidInput, succeeded());
      await handleOf(paidInput).result();
    });
    expect(paid.calls.discounts).toEqual(['reserve d-1', 'confirm d-1']);
    const order: string[] = [];
    const expired = fakeCheckoutActivities({
      priceCheckout: async () => discounted,
      reserveDiscountRedemption: async () => {
        order.push('reserve discount');
        return { redemptionId: 'r', status: 'reserved' };
      },
      releaseDiscountRedemption: async () => {
        order.push('release discount');
        return { redemptionId: 'r', status: 'released' };
      },
      cancelPaymentIntent: async () => void order.push('cancel payment intent'),
      setOrderStatus: async ({ status }) => void order.push(`order ${status}`),
      // The move to awaiting_payment is one step with the PaymentIntent's record (checkout-fewer-steps).
      recordAwaitingPayment: async () => void order.push('order awaiting_payment'),
    });
    const expiring = checkoutInput({ paymentWindowSeconds: 1 });
    await withWorker(expired.activities, async () => {
      await startCheckout(temporal.client, taskQueue, expiring);
      await handleOf(expiring).result();
    });
    expect(order).toEqual([
      'reserve discount',
      'order awaiting_payment',
      'cancel payment intent',
      'release discount',
      'order expired',
    ]);
  });

  it('refuses the checkout when the discount is used up meanwhile, before any PaymentIntent', async () => {
    const { activities, calls } = fakeCheckoutActivities({
      priceCheckout: async () => ({ ...QUOTE, discountId: 'd-2' }),
      reserveDiscountRedemption: async () => {
        throw ApplicationFailure.nonRetryable('LASTONE has been used up', FailureType.discountCodeInvalid, {
          code: 'discount_exhausted',
          details: {},
        });
      },
    });
    const input = checkoutInput();
    const error = await withWorker(activities, () =>
      startCheckout(temporal.client, taskQueue, input).catch((e: unknown) => e),
    );
    expect(((error as WorkflowUpdateFailedError).cause as ApplicationFailure).type).toBe('discount_exhausted');
    expect(calls.paymentIntents).toEqual([]);
    expect(calls.statuses).toEqual(['failed']);
  });

  it('refuses a cart that cannot be priced: the start update fails with the reason and nothing is reserved', async () => {
    const { activities, calls } = fakeCheckoutActivities({
      priceCheckout: async () => {
        throw ApplicationFailure.nonRetryable('Product x is not for sale', 'product_not_for_sale');
      },
    });
    const input = checkoutInput();
    const error = await withWorker(activities, () =>
      startCheckout(temporal.client, taskQueue, input).catch((e: unknown) => e),
    );
    expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (error as WorkflowUpdateFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    expect((cause as ApplicationFailure).type).toBe('product_not_for_sale');
    expect(calls.paymentIntents).toEqual([]);
  });

  it('completes once when the worker dies mid-checkout and a new one takes over', async () => {
    const { activities, calls } = fakeCheckoutActivities();
    const input = checkoutInput();
    await withWorker(activities, () => startCheckout(temporal.client, taskQueue, input));
    // The first worker is gone; the payment arrives while nobody polls.
    await sendEvent(temporal.client, input, succeeded());
    const status = await withWorker(activities, async () => {
      const status = await until(input, (s) => s.step === 'paid');
      await handleOf(input).terminate('test done');
      return status;
    });
    expect(status.invoiceNumber).toBe('2026-000001');
    expect(calls.paymentIntents).toHaveLength(1);
    expect(calls.paid).toHaveLength(1);
    expect(calls.ledger).toHaveLength(1);
  });
});
