import { DomainError } from '../errors.js';
import type { FxSnapshot } from './fx-snapshot.js';

/**
 * The ECB's eurofxref files are a fixed machine-generated shape
 * (`<Cube time='2026-03-13'><Cube currency='USD' rate='1.1476'/>…</Cube>`), so two regular
 * expressions read them without an XML dependency. Quotes may be single or double.
 */
const DAY = /<Cube\s+time=["'](\d{4}-\d{2}-\d{2})["']\s*>([\s\S]*?)<\/Cube>/g;
const RATE = /<Cube\s+currency=["']([A-Za-z]{3})["']\s+rate=["']([^"']*)["']\s*\/>/g;

/** The ECB's daily reference rates feed, the default refresh source. */
export const ECB_DAILY_FEED_URL = 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml';

/**
 * Parses an ECB reference-rate document (daily, 90-day or full history) into the snapshot of
 * its newest day. Throws `malformed_fx_feed` for a truncated document (the closing envelope is
 * the only proof it arrived whole), a day without rates, or a rate that is not a positive
 * decimal.
 */
export function parseEcbReferenceXml(xml: string, source: string = ECB_DAILY_FEED_URL): FxSnapshot {
  const refuse = (why: string): never => {
    throw new DomainError('malformed_fx_feed', why, { source });
  };
  if (!/<\/gesmes:Envelope>\s*$/.test(xml)) refuse('The FX feed is truncated or not an ECB envelope');
  let newest: { asOf: string; body: string } | undefined;
  for (const match of xml.matchAll(DAY)) {
    const [, asOf = '', body = ''] = match;
    if (!newest || asOf > newest.asOf) newest = { asOf, body };
  }
  if (!newest) return refuse('The FX feed has no dated rates');
  if (Number.isNaN(Date.parse(newest.asOf))) refuse(`Bad reference date ${newest.asOf}`);
  const rates: Record<string, string> = {};
  for (const [, currency = '', rate = ''] of newest.body.matchAll(RATE)) {
    if (!/^\d+(\.\d+)?$/.test(rate) || /^0+(\.0+)?$/.test(rate)) refuse(`Bad ${currency} rate "${rate}"`);
    rates[currency.toUpperCase()] = rate;
  }
  if (Object.keys(rates).length === 0) refuse(`No rates for ${newest.asOf}`);
  return { base: 'EUR', asOf: newest.asOf, source, rates };
}
