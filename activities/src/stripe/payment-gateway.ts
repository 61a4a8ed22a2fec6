import { ApplicationFailure } from '@temporalio/common';
import type Stripe from 'stripe';
import { FailureType, type CreatedPaymentIntent } from '@fanfare/contracts';

/** The payment processor as Fanfare needs it; every write carries an idempotency key. */
export interface PaymentGateway {
  createPaymentIntent(input: {
    amountMinor: number;
    currency: string;
    receiptEmail: string;
    metadata: Record<string, string>;
    idempotencyKey: string;
  }): Promise<CreatedPaymentIntent>;
  /** Cancels an unpaid PaymentIntent; one that already succeeded or was cancelled is left alone. */
  cancelPaymentIntent(input: { paymentIntentId: string; idempotencyKey: string }): Promise<void>;
  createRefund(input: {
    paymentIntentId: string;
    amountMinor: number;
    metadata: Record<string, string>;
    idempotencyKey: string;
  }): Promise<{ refundId: string }>;
}

// States from which Stripe refuses a cancel because the PaymentIntent has already ended.
const ENDED = new Set(['succeeded', 'canceled']);

/** A {@link PaymentGateway} over the real Stripe SDK (or stripe-mock behind the same SDK). */
export class StripePaymentGateway implements PaymentGateway {
  constructor(private readonly stripe: Stripe) {}

  async createPaymentIntent(
    input: Parameters<PaymentGateway['createPaymentIntent']>[0],
  ): Promise<CreatedPaymentIntent> {
    const intent = await this.stripe.paymentIntents.create(
      {
        amount: input.amountMinor,
        currency: input.currency.toLowerCase(),
        receipt_email: input.receiptEmail,
        metadata: input.metadata,
        automatic_payment_methods: { enabled: true },
      },
      { idempotencyKey: input.idempotencyKey },
    );
    if (intent.client_secret === null) throw new Error(`PaymentIntent ${intent.id} came back without a client secret`);
    return { paymentIntentId: intent.id, clientSecret: intent.client_secret };
  }

  async cancelPaymentIntent(input: { paymentIntentId: string; idempotencyKey: string }): Promise<void> {
    try {
      await this.stripe.paymentIntents.cancel(input.paymentIntentId, {}, { idempotencyKey: input.idempotencyKey });
    } catch (error) {
      const stripeError = error as { type?: string; code?: string; payment_intent?: { status?: string } };
      if (stripeError.code === 'payment_intent_unexpected_state' && ENDED.has(stripeError.payment_intent?.status ?? ''))
        return;
      throw error;
    }
  }

  async createRefund(input: {
    paymentIntentId: string;
    amountMinor: number;
    metadata: Record<string, string>;
    idempotencyKey: string;
  }): Promise<{ refundId: string }> {
    try {
      const refund = await this.stripe.refunds.create(
        { payment_intent: input.paymentIntentId, amount: input.amountMinor, metadata: input.metadata },
        { idempotencyKey: input.idempotencyKey },
      );
      return { refundId: refund.id };
    } catch (error) {
      const stripeError = error as { type?: string; message?: string };
      // A refund Stripe refuses (too much, charge disputed) stays refused however often it is asked.
      if (stripeError.type === 'StripeInvalidRequestError')
        throw ApplicationFailure.nonRetryable(
          stripeError.message ?? 'Stripe refused the refund',
          FailureType.refundRefused,
        );
      throw error;
    }
  }
}
