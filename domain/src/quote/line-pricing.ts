import { grossToNet, netToGross, taxInGross, taxOnNet, type TaxAmount } from '../tax/tax-math.js';
import type { TaxComponent } from '../tax/tax-rules.js';

/** How a quote's amounts relate to tax. */
export type LineMode = 'inclusive' | 'exclusive' | 'reverse_charge';

/**
 * A list price in the quote's terms. Inclusive regions show gross prices, so an exclusive list
 * price gets its tax added per unit; in exclusive regions an inclusive list price is taken as
 * the pre-tax price (a promise of the total holds only where totals are displayed); under
 * reverse charge the VAT a consumer there would pay is taken out of an inclusive price.
 */
export function unitAmountFor(
  listAmount: number,
  listInclusive: boolean,
  mode: LineMode,
  components: readonly TaxComponent[],
): number {
  if (mode === 'inclusive') return listInclusive ? listAmount : netToGross(listAmount, components);
  if (mode === 'reverse_charge') return listInclusive ? grossToNet(listAmount, components) : listAmount;
  return listAmount;
}

/**
 * Tax and total of one line after its discount. The discount comes off before tax in every
 * mode; for inclusive prices the tax is recomputed from the discounted gross (not the list
 * tax minus a share), so the tax always matches what the buyer actually pays.
 */
export function priceLine(
  gross: number,
  discount: number,
  mode: LineMode,
  components: readonly TaxComponent[],
): { tax: TaxAmount[]; total: number } {
  const base = gross - discount;
  if (mode === 'reverse_charge') return { tax: [], total: base };
  if (mode === 'inclusive') return { tax: taxInGross(base, components).taxes, total: base };
  const tax = taxOnNet(base, components);
  return { tax, total: tax.reduce((sum, t) => sum + t.amount, base) };
}

/** Taxes summed per name and rate, in order of first appearance. */
export function sumTaxes(lines: readonly (readonly TaxAmount[])[]): TaxAmount[] {
  const totals = new Map<string, TaxAmount>();
  for (const taxes of lines) {
    for (const t of taxes) {
      const key = `${t.name}|${t.rate}`;
      const seen = totals.get(key);
      totals.set(key, { name: t.name, rate: t.rate, amount: (seen?.amount ?? 0) + t.amount });
    }
  }
  return [...totals.values()];
}
