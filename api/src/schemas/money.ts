import { Type, type Static } from 'typebox';

// Country, currency, VAT id and quantity are checked by the money engine, not by the schema,
// so each bad value gets its specific code (unknown_country, unknown_currency, malformed_vat_id,
// invalid_quantity) instead of a generic validation failure.

/** `POST /v1/public/quote` body. */
export const QuoteBody = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        { productId: Type.String({ maxLength: 64 }), quantity: Type.Integer() },
        { additionalProperties: false },
      ),
      { maxItems: 100 },
    ),
    country: Type.String({ maxLength: 8, description: 'ISO 3166-1 alpha-2 billing country' }),
    region: Type.Optional(Type.String({ maxLength: 8, description: 'State or province (US, CA)' })),
    postalCode: Type.Optional(Type.String({ maxLength: 16 })),
    vatId: Type.Optional(
      Type.String({ maxLength: 40, description: 'A business buyer’s VAT id with its country prefix' }),
    ),
    currency: Type.Optional(Type.String({ maxLength: 8 })),
    discountCode: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

/** The body as the handler sees it. */
export type QuoteBody = Static<typeof QuoteBody>;

const TaxAmountView = Type.Object({
  name: Type.String(),
  rate: Type.String({ description: 'Percent as published, e.g. "20" or "9.975"' }),
  amount: Type.Integer(),
});

const NoteView = Type.Object({ code: Type.String(), message: Type.String() });

/** The answer of `quote`, amounts in integer minor units of `currency`. */
export const QuoteResponse = Type.Object({
  currency: Type.String(),
  lines: Type.Array(
    Type.Object({
      productId: Type.String(),
      unitAmount: Type.Integer(),
      quantity: Type.Integer(),
      discount: Type.Integer(),
      tax: Type.Array(TaxAmountView),
      total: Type.Integer(),
    }),
  ),
  subtotal: Type.Integer(),
  discount: Type.Integer(),
  tax: Type.Array(TaxAmountView),
  total: Type.Integer(),
  taxInclusive: Type.Boolean(),
  reverseCharge: Type.Boolean(),
  notes: Type.Array(NoteView),
});

/** `GET /v1/public/checkout-requirements` query. */
export const CheckoutRequirementsQuery = Type.Object(
  { country: Type.String({ maxLength: 8 }), currency: Type.Optional(Type.String({ maxLength: 8 })) },
  { additionalProperties: false },
);

/** `pointOfSaleFor`'s answer. */
export const CheckoutRequirementsResponse = Type.Object({
  country: Type.String(),
  currency: Type.String(),
  locale: Type.String(),
  taxDisplay: Type.String({ description: 'inclusive or exclusive' }),
  requiredFields: Type.Array(Type.String()),
  optionalFields: Type.Array(Type.String()),
  paymentMethodTypes: Type.Array(Type.String({ description: 'Stripe payment_method_types' })),
  copyKeys: Type.Record(Type.String(), Type.String()),
});

/** One invoice or credit note in the buyer's list. */
const InvoiceSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.Enum(['invoice', 'credit_note']),
  number: Type.String(),
  orderId: Type.String({ format: 'uuid' }),
  issueDate: Type.String(),
  currency: Type.String(),
  totalMinor: Type.Integer(),
  taxMinor: Type.Integer(),
  reverseCharge: Type.Boolean(),
  pdfUrl: Type.String({ description: 'Path of the PDF under /v1' }),
});

/** `GET /v1/me/invoices` answer. */
export const InvoiceListResponse = Type.Object({ invoices: Type.Array(InvoiceSummary) });

/** `GET /v1/invoices/:file` path: `<id>.pdf` or `<id>.html`. */
export const InvoiceFileParams = Type.Object(
  { file: Type.String({ pattern: '^[0-9a-fA-F-]{36}\\.(pdf|html)$' }) },
  { additionalProperties: false },
);

/** The rendered document. */
export const InvoiceFileBody = Type.String({
  format: 'binary',
  description: 'application/pdf, or text/html for .html',
});

/** `GET /v1/public/fx-rates` answer: the newest stored ECB reference rates and their age. */
export const FxRatesResponse = Type.Object({
  base: Type.Literal('EUR'),
  asOf: Type.String({ description: 'Reference day (YYYY-MM-DD)' }),
  source: Type.String(),
  rates: Type.Record(Type.String(), Type.String({ description: 'Units per 1 EUR, as published' })),
  stale: Type.Boolean({ description: 'True when older than the allowed age: show a "rates may be out of date" note' }),
  ageHours: Type.Integer(),
  publishedAt: Type.String(),
});
