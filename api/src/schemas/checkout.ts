import { ORDER_STATUSES } from '@fanfare/domain';
import { Type } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217, upper case' });

/** `POST /v1/checkout` body. */
export const CheckoutBody = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        { productId: Uuid, quantity: Type.Integer({ minimum: 1, maximum: 100 }) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 50 },
    ),
    currency: Type.Optional(Currency),
    country: Type.String({ pattern: '^[A-Z]{2}$', description: 'Billing country, ISO 3166-1 alpha-2' }),
    region: Type.Optional(
      Type.String({ minLength: 1, maxLength: 8, description: 'State or province (required in the US and Canada)' }),
    ),
    email: Type.Optional(
      Type.String({
        format: 'email',
        maxLength: 254,
        description: 'Required for guests; signed-in buyers use their account email',
      }),
    ),
    discountCode: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    idempotencyKey: Type.String({
      minLength: 8,
      maxLength: 200,
      pattern: '^[A-Za-z0-9._:-]+$',
      description: 'Same key, same order',
    }),
    eulaAccepted: Type.Object(
      { version: Type.String({ minLength: 1, maxLength: 64 }) },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);

/** Order states: the domain's lifecycle, so a new status reaches the API schema on its own. */
const OrderStatus = Type.Enum(ORDER_STATUSES);

/** What the browser needs to pay. */
export const CheckoutResponse = Type.Object({
  orderId: Uuid,
  workflowId: Type.String(),
  status: OrderStatus,
  totals: Type.Object({
    subtotal: Type.Integer(),
    discount: Type.Integer(),
    tax: Type.Integer(),
    total: Type.Integer(),
    currency: Currency,
  }),
  payment: Type.Object({
    provider: Type.Literal('stripe'),
    paymentIntentId: Type.String(),
    clientSecret: Type.String(),
  }),
});

/** `POST /v1/webhooks/stripe` acknowledgement. */
export const WebhookAck = Type.Object({
  received: Type.Literal(true),
  /** `signalled`, `duplicate` or `ignored` (an event type or order Fanfare does not act on). */
  outcome: Type.Enum(['signalled', 'duplicate', 'ignored']),
});

/** `:id` of an order route. */
export const OrderParams = Type.Object({ id: Uuid }, { additionalProperties: false });

/** An order as its buyer or an operator sees it. */
export const OrderView = Type.Object({
  id: Uuid,
  status: OrderStatus,
  currency: Currency,
  subtotal: Type.Integer(),
  discount: Type.Integer(),
  tax: Type.Integer(),
  total: Type.Integer(),
  country: Type.String(),
  invoiceNumber: Type.Union([Type.String(), Type.Null()]),
  buyerEmail: Type.String(),
  workflowId: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  paidAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lines: Type.Array(
    Type.Object({
      productId: Uuid,
      quantity: Type.Integer(),
      unitAmount: Type.Integer(),
      discount: Type.Integer(),
      tax: Type.Integer(),
      total: Type.Integer(),
    }),
  ),
  payment: Type.Union([
    Type.Object({ provider: Type.Literal('stripe'), paymentIntentId: Type.String(), status: Type.String() }),
    Type.Null(),
  ]),
});

/** `POST /v1/orders/:id/refunds` body: no amount refunds everything still refundable. */
export const RefundBody = Type.Object(
  {
    amount: Type.Optional(Type.Integer({ minimum: 1, description: 'Minor units' })),
    productIds: Type.Optional(
      Type.Array(Uuid, {
        minItems: 1,
        maxItems: 50,
        uniqueItems: true,
        description: 'Entitlements to revoke on a partial refund',
      }),
    ),
    reason: Type.Enum(['requested_by_customer', 'duplicate', 'fraudulent', 'other']),
    idempotencyKey: Type.String({ minLength: 8, maxLength: 200, pattern: '^[A-Za-z0-9._:-]+$' }),
  },
  { additionalProperties: false },
);

/** What a refund did. */
export const RefundResponse = Type.Object({
  refundId: Type.String(),
  amount: Type.Integer(),
  orderStatus: OrderStatus,
  refunded: Type.Integer({ description: 'All refunded so far, minor units' }),
});

const IdempotencyKey = Type.String({
  minLength: 8,
  maxLength: 200,
  pattern: '^[A-Za-z0-9._:-]+$',
  description: 'The key the checkout was started with',
});

/** `GET /v1/checkout/status` query. */
export const CheckoutStatusQuery = Type.Object({ idempotencyKey: IdempotencyKey }, { additionalProperties: false });

/** Where a checkout stands, for the page the buyer returns to after paying. */
export const CheckoutStatusResponse = Type.Object(
  {
    orderId: Uuid,
    status: OrderStatus,
    totals: Type.Object({
      subtotal: Type.Integer(),
      discount: Type.Integer(),
      tax: Type.Integer(),
      total: Type.Integer(),
      currency: Currency,
    }),
    invoiceNumber: Type.Union([Type.String(), Type.Null()], { description: 'Set once the order is paid' }),
    paidAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { title: 'CheckoutStatus' },
);

/** `POST /v1/dev/checkout/complete-payment` body. */
export const CompletePaymentBody = Type.Object({ idempotencyKey: IdempotencyKey }, { additionalProperties: false });

/** What the development payment did: the webhook route's own outcome. */
export const CompletePaymentResponse = Type.Object(
  { delivered: Type.Literal(true), outcome: Type.Enum(['signalled', 'duplicate', 'ignored']) },
  { title: 'CompletedPayment' },
);
