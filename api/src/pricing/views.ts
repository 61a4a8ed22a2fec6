import type { PointOfSale, Quote } from '@fanfare/domain';
import type { Static } from 'typebox';
import type { CheckoutRequirementsResponse, QuoteResponse } from '../schemas/money.js';

/** The domain quote as the response schema types it (mutable copies of its readonly arrays). */
export function quoteView(q: Quote): Static<typeof QuoteResponse> {
  return {
    ...q,
    lines: q.lines.map((l) => ({ ...l, tax: [...l.tax] })),
    tax: [...q.tax],
    notes: [...q.notes],
  };
}

/** The point of sale as the response schema types it. */
export function pointOfSaleView(pos: PointOfSale): Static<typeof CheckoutRequirementsResponse> {
  return {
    ...pos,
    requiredFields: [...pos.requiredFields],
    optionalFields: [...pos.optionalFields],
    paymentMethodTypes: [...pos.paymentMethodTypes],
    copyKeys: Object.fromEntries(
      Object.entries(pos.copyKeys).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
    ),
  };
}
