import { applyDiscount, findDiscountCode, type AppliedDiscount } from '../discounts/index.js';
import type { Note } from '../notes.js';
import type { TaxCategory } from '../tax/data/rate-row.js';
import { localDate } from '../tax/local-date.js';
import { decideReverseCharge } from '../tax/reverse-charge.js';
import { taxRuleFor, type TaxRule } from '../tax/tax-rules.js';
import { priceLine, sumTaxes, unitAmountFor, type LineMode } from './line-pricing.js';
import type { PricedCart, Quote, QuoteCatalog, QuoteContext, QuoteInput, QuoteLine } from './quote-types.js';
import { resolveRequest } from './resolve-request.js';

const INCLUSIVE_NOTE: Note = { code: 'prices_include_tax', message: 'Prices include the taxes shown.' };
const UNCORROBORATED_NOTE: Note = {
  code: 'location_not_corroborated',
  message: 'The tax country rests on a single piece of location evidence.',
};

/**
 * Prices a cart completely: the public quote plus the tax location, evidence rule, discount
 * and VAT id that checkout records with the order. Pure: the same input, catalog and context
 * always give the same answer, so a Temporal workflow can call it and replay it.
 */
export function priceCart(input: QuoteInput, catalog: QuoteCatalog, context: QuoteContext): PricedCart {
  const request = resolveRequest(input, catalog, context);
  const on = localDate(context.now, request.country);
  const ruleSource = context.taxRules ?? taxRuleFor;
  const rules = new Map<TaxCategory, TaxRule>();
  const ruleFor = (category: TaxCategory): TaxRule => {
    let rule = rules.get(category);
    if (!rule) {
      rule = ruleSource(
        { country: request.country, ...(request.region ? { region: request.region } : {}) },
        category,
        on,
      );
      rules.set(category, rule);
    }
    return rule;
  };
  const lineRules = request.lines.map((l) => ruleFor(l.product.taxCategory));

  const reverse = decideReverseCharge({
    taxCountry: request.country,
    sellerCountry: context.seller.country,
    ...(request.vatId ? { buyerVatId: request.vatId } : {}),
    ...(context.vatIdVerification ? { verification: context.vatIdVerification } : {}),
  });
  const mode: LineMode = reverse.applies ? 'reverse_charge' : (lineRules[0]?.display ?? 'exclusive');

  const units = request.lines.map((l, i) =>
    unitAmountFor(l.price.amount, l.price.taxInclusive, mode, lineRules[i]?.components ?? []),
  );
  const grosses = request.lines.map((l, i) => (units[i] ?? 0) * l.quantity);

  let discount: AppliedDiscount | undefined;
  if (input.discountCode?.trim()) {
    const code = findDiscountCode(catalog.discounts ?? [], input.discountCode);
    discount = applyDiscount(
      code,
      request.lines.map((l, i) => ({ productId: l.product.id, quantity: l.quantity, amount: grosses[i] ?? 0 })),
      {
        currency: request.currency,
        now: context.now,
        ...(context.discountUsage ? { usage: context.discountUsage } : {}),
      },
    );
  }

  const lines: QuoteLine[] = request.lines.map((l, i) => {
    const off = discount?.perLine[i] ?? 0;
    const priced = priceLine(grosses[i] ?? 0, off, mode, lineRules[i]?.components ?? []);
    return {
      productId: l.product.id,
      unitAmount: units[i] ?? 0,
      quantity: l.quantity,
      discount: off,
      tax: priced.tax,
      total: priced.total,
    };
  });

  const notes = collectNotes(lineRules, reverse.note, mode, request.decision.corroborated);
  const quote: Quote = {
    currency: request.currency,
    lines,
    subtotal: grosses.reduce((s, g) => s + g, 0),
    discount: lines.reduce((s, l) => s + l.discount, 0),
    tax: sumTaxes(lines.map((l) => l.tax)),
    total: lines.reduce((s, l) => s + l.total, 0),
    taxInclusive: mode === 'inclusive',
    reverseCharge: reverse.applies,
    notes,
  };
  return {
    quote,
    taxLocation: {
      country: request.country,
      ...(request.region ? { region: request.region } : {}),
      on,
      decision: request.decision,
    },
    ...(discount ? { discount } : {}),
    ...(request.vatId ? { vatId: request.vatId } : {}),
    prices: request.lines.map((l) => l.price),
  };
}

function collectNotes(
  rules: readonly TaxRule[],
  reverseNote: Note | undefined,
  mode: LineMode,
  corroborated: boolean,
): Note[] {
  const notes = new Map<string, Note>();
  if (reverseNote) notes.set(reverseNote.code, reverseNote);
  else for (const rule of rules) for (const note of rule.notes) notes.set(note.code, note);
  if (mode === 'inclusive' && rules.some((r) => r.components.length > 0))
    notes.set(INCLUSIVE_NOTE.code, INCLUSIVE_NOTE);
  if (!corroborated) notes.set(UNCORROBORATED_NOTE.code, UNCORROBORATED_NOTE);
  return [...notes.values()];
}

/**
 * `POST /v1/public/quote` and the checkout workflow's pricing step: the cart priced in one
 * currency with discounts applied before tax, taxes per line and per rate, and the legal
 * notes. Throws a `DomainError` with a specific code for every bad input (`empty_cart`,
 * `invalid_quantity`, `unknown_country`, `unknown_region`, `region_required`,
 * `malformed_postal_code`, `malformed_vat_id`, `vat_id_country_mismatch`, `vat_id_rejected`,
 * `unknown_currency`, `unknown_product`, `product_not_for_sale`, `no_price_in_currency`,
 * `unknown_discount`, `discount_not_started`, `discount_expired`, `discount_exhausted`,
 * `discount_customer_limit`, `minimum_not_met`, `discount_not_applicable`,
 * `discount_currency_mismatch`, `no_tax_rate`).
 */
export function quote(input: QuoteInput, catalog: QuoteCatalog, context: QuoteContext): Quote {
  return priceCart(input, catalog, context).quote;
}
