import { STOREFRONT_LOCALES } from '@fanfare/domain';
import { describe, expect, it } from 'vitest';
import type { Letter } from '../../src/mail/letters.js';
import { renderLetter } from '../../src/mail/render-letter.js';

const eur = (amount: number) => ({ amount, currency: 'EUR' });

const LETTERS: Letter[] = [
  { kind: 'sign-in-code', code: '123456', expiresInMinutes: 10 },
  {
    kind: 'receipt',
    storeName: 'Aurora',
    invoiceNumber: 'FAN-2026-000001',
    lines: [{ title: 'Northern Lights', quantity: 2, total: eur(1798) }],
    total: eur(1798),
    libraryUrl: 'https://aurora.shops.test/library/',
  },
  {
    kind: 'guest-downloads',
    storeName: 'Aurora',
    links: [{ title: 'Northern Lights', url: 'https://api.test/d/1', expiresAt: '2026-06-01T12:15:00Z' }],
    libraryUrl: 'https://aurora.shops.test/library/',
  },
  {
    kind: 'refund',
    storeName: 'Aurora',
    invoiceNumber: 'FAN-2026-000001',
    creditNoteNumber: 'FAN-2026-000002',
    amount: eur(1798),
  },
  { kind: 'entitlement-revoked', storeName: 'Aurora', productTitle: 'Northern Lights', reason: 'chargeback' },
];

describe('renderLetter (Handlebars wording + MJML layout)', () => {
  it('renders every letter in every storefront locale, HTML and text, with no placeholder left', async () => {
    for (const locale of STOREFRONT_LOCALES) {
      for (const letter of LETTERS) {
        const rendered = await renderLetter(letter, locale);
        expect(rendered.subject.length, `${letter.kind} ${locale}`).toBeGreaterThan(5);
        for (const part of [rendered.subject, rendered.text, rendered.html]) expect(part).not.toMatch(/\{\{|\}\}/);
        expect(rendered.html).toMatch(/^<!doctype html>/i);
        expect(rendered.text).not.toContain('<');
      }
    }
  });

  it('formats money and dates in the letter’s locale', async () => {
    const receipt = LETTERS[1]!;
    expect((await renderLetter(receipt, 'de-DE')).text).toContain('17,98\u00a0€');
    expect((await renderLetter(receipt, 'en-GB')).text).toContain('€17.98');
    const guest = LETTERS[2]!;
    expect((await renderLetter(guest, 'fr-FR')).text).toContain('1 juin 2026');
  });

  it('escapes facts in HTML (a title with markup prints as text) and keeps them as they are in plain text', async () => {
    const letter: Letter = {
      kind: 'entitlement-revoked',
      storeName: 'A&B',
      productTitle: '<script>x</script>',
      reason: 'other',
    };
    const rendered = await renderLetter(letter, 'en-US');
    expect(rendered.html).not.toContain('<script>x</script>');
    expect(rendered.html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(rendered.text).toContain('<script>x</script>');
  });
});
