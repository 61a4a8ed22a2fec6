import { randomUUID } from 'node:crypto';
import { createOrm, forPlatform, MailDelivery, MailSuppression, Tenant, type MikroORM } from '@fanfare/db';
import { FailureType } from '@fanfare/contracts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../../../scripts/test-support/provided.js';
import { MailpitInbox } from '../../../scripts/test-support/mailpit-inbox.js';
import { createInvoiceActivities } from '../../src/db/invoice-activities.js';
import { createMailActivities } from '../../src/mail/mail-activities.js';
import { SmtpMailer } from '../../src/mail/smtp-mailer.js';
import type { SendMailInput } from '@fanfare/contracts';
import { pricedOrders, TEST_SELLER } from '../support/invoice-fixtures.js';
import { failureOf } from '../support/failure-of.js';

let orm: MikroORM;
let mailer: SmtpMailer;
let inbox: MailpitInbox;

beforeAll(async () => {
  orm = await createOrm(inject('databaseUrl'), { pool: { min: 0, max: 12 } });
  mailer = new SmtpMailer(inject('smtpUrl'));
  inbox = new MailpitInbox(inject('mailpitApiBase'));
});
afterAll(async () => {
  await mailer?.close();
  await orm?.close(true);
});

const mail = () =>
  createMailActivities({
    em: orm.em,
    mailer,
    mailFrom: 'Fanfare <no-reply@fanfare.test>',
    storefrontUrlTemplate: 'https://{handle}.shops.test',
  });

/** An address no other test writes to, so Mailpit's inbox for it holds only this test's letters. */
const someone = () => `buyer-${randomUUID().slice(0, 8)}@example.com`;

/** A tenant row for the invoices `pricedOrders` stores under `tenantId`. */
async function storeTenant(tenantId: string, defaultLocale = 'en-US'): Promise<Tenant> {
  const em = forPlatform(orm.em);
  const tenant = em.create(Tenant, {
    id: tenantId,
    handle: `aurora-${tenantId.slice(0, 8)}`,
    name: 'Aurora Records',
    defaultCurrency: 'EUR',
    defaultLocale,
    theme: { primaryColor: '#101010', accentColor: '#ff5500' },
  });
  await em.flush();
  return tenant;
}

/** A paid order's invoice (and, when asked, a full refund's credit note) addressed to `email`. */
async function invoiced(email: string, refund = false) {
  const { tenantId, orders } = await pricedOrders(orm, 1);
  const tenant = await storeTenant(tenantId);
  const order = orders[0]!;
  const invoices = createInvoiceActivities({ em: orm.em, seller: TEST_SELLER });
  const invoice = await invoices.issueInvoiceForOrder({
    tenantId,
    orderId: order.orderId,
    quote: order.quote,
    buyer: { userId: randomUUID(), email, country: 'DE', name: 'Jana Buyer' },
    issuedAt: '2026-06-01T12:00:00.000Z',
  });
  const credit = refund
    ? await invoices.issueCreditNote({
        tenantId,
        orderId: order.orderId,
        creditKey: randomUUID(),
        reason: 'Requested by the buyer',
        scope: { kind: 'full' },
        issuedAt: '2026-06-02T12:00:00.000Z',
      })
    : undefined;
  return { tenant, invoice, credit };
}

describe('sendMail over real SMTP (Mailpit), read back through its REST API', () => {
  it('sends a sign-in code in HTML and plain text, in each of the four storefront locales', async () => {
    const expected = {
      'en-US': 'Your sign-in code: 482913',
      'en-GB': 'Your sign-in code: 482913',
      'fr-FR': 'Votre code de connexion : 482913',
      'de-DE': 'Ihr Anmeldecode: 482913',
    };
    for (const [locale, subject] of Object.entries(expected)) {
      const to = someone();
      const result = await mail().sendMail({
        idempotencyKey: `sign-in/${randomUUID()}`,
        to,
        locale,
        letter: { kind: 'sign-in-code', code: '482913', expiresInMinutes: 10 },
      });
      expect(result).toMatchObject({ status: 'sent', replayed: false });
      const [letter] = await inbox.waitFor(to);
      expect(letter?.Subject).toBe(subject);
      expect(letter?.Text).toContain('482913');
      expect(letter?.HTML).toContain('482913');
      expect(letter?.HTML).toContain(`lang="${locale}"`);
      expect(letter?.MessageID).toBe(result.messageId.replace(/^<|>$/g, ''));
      expect(letter?.From.Address).toBe('no-reply@fanfare.test');
    }
  });

  it('sends the receipt with the invoice PDF attached and a link to the library, in the buyer’s locale', async () => {
    const to = someone();
    const { tenant, invoice } = await invoiced(to);
    await mail().sendMail({
      idempotencyKey: `receipt/${invoice.invoiceId}`,
      to,
      tenantId: tenant.id,
      locale: 'de-DE',
      letter: { kind: 'receipt', invoiceId: invoice.invoiceId },
    });
    const [letter] = await inbox.waitFor(to);
    expect(letter?.Subject).toBe(`Ihre Quittung von Aurora Records (${invoice.number})`);
    expect(letter?.Text).toContain('Gesamt: 20,99');
    expect(letter?.Text).toContain(`https://${tenant.handle}.shops.test/de-de/library/`);
    expect(letter?.HTML).toContain(`href="https://${tenant.handle}.shops.test/de-de/library/"`);
    expect(letter?.Attachments).toHaveLength(1);
    const attachment = letter!.Attachments[0]!;
    expect(attachment).toMatchObject({ FileName: `${invoice.number}.pdf`, ContentType: 'application/pdf' });
    const pdf = await inbox.attachment(letter!.ID, attachment.PartID);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('sends the refund with the credit note attached, a guest’s download links and an entitlement revocation', async () => {
    const to = someone();
    const { tenant, invoice, credit } = await invoiced(to, true);
    const base = { to, tenantId: tenant.id } as const;
    await mail().sendMail({
      ...base,
      idempotencyKey: `refund/${credit!.invoiceId}`,
      locale: 'fr-FR',
      letter: { kind: 'refund', creditNoteId: credit!.invoiceId },
    });
    await mail().sendMail({
      ...base,
      idempotencyKey: `guest/${randomUUID()}`,
      letter: {
        kind: 'guest-downloads',
        links: [
          { title: 'Northern Lights', url: 'https://api.test/v1/downloads/abc', expiresAt: '2026-06-01T12:15:00Z' },
        ],
      },
    });
    await mail().sendMail({
      ...base,
      idempotencyKey: `revoked/${randomUUID()}`,
      locale: 'en-GB',
      letter: { kind: 'entitlement-revoked', productTitle: 'Northern Lights', reason: 'takedown' },
    });
    const letters = await inbox.waitFor(to, 3);
    const refund = letters.find((l) => l.Subject === `Remboursement de la facture ${invoice.number} de Aurora Records`);
    expect(refund?.Text).toContain(`L’avoir ${credit!.number} est joint`);
    expect(refund?.Attachments.map((a) => a.FileName)).toEqual([`${credit!.number}.pdf`]);
    const guest = letters.find((l) => l.Subject === 'Your downloads from Aurora Records');
    expect(guest?.Text).toContain('Download: https://api.test/v1/downloads/abc');
    expect(guest?.Text).toContain('The link works until June 1, 2026');
    const revoked = letters.find((l) => l.Subject === 'Your access to Northern Lights has ended');
    expect(revoked?.Text).toContain('withdrawn after a legal notice');
  });

  it('sends once per idempotency key: ten concurrent attempts and a later retry make one letter', async () => {
    const to = someone();
    const input: SendMailInput = {
      idempotencyKey: `sign-in/${randomUUID()}`,
      to,
      letter: { kind: 'sign-in-code', code: '111222', expiresInMinutes: 10 },
    };
    const results = await Promise.all(Array.from({ length: 10 }, () => mail().sendMail(input)));
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(new Set(results.map((r) => r.messageId)).size).toBe(1);
    expect((await mail().sendMail(input)).replayed).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await inbox.messagesTo(to)).toHaveLength(1);
    const rows = await forPlatform(orm.em).find(MailDelivery, { recipient: to });
    expect(rows).toMatchObject([{ status: 'sent', kind: 'sign-in-code', locale: 'en-US' }]);
  });

  it('sends a suppressed address its sign-in code but not its receipt', async () => {
    const to = someone();
    const { tenant, invoice } = await invoiced(to);
    const em = forPlatform(orm.em);
    em.create(MailSuppression, { email: to, reason: 'bounce', detail: 'Permanent/General', sourceId: null });
    await em.flush();
    const receipt = await mail().sendMail({
      idempotencyKey: `receipt/${invoice.invoiceId}`,
      to,
      tenantId: tenant.id,
      letter: { kind: 'receipt', invoiceId: invoice.invoiceId },
    });
    expect(receipt).toMatchObject({ status: 'suppressed', replayed: false });
    const code = await mail().sendMail({
      idempotencyKey: `sign-in/${randomUUID()}`,
      to,
      letter: { kind: 'sign-in-code', code: '909090', expiresInMinutes: 10 },
    });
    expect(code.status).toBe('sent');
    const letters = await inbox.waitFor(to);
    expect(letters.map((l) => l.Subject)).toEqual(['Your sign-in code: 909090']);
  });

  it('refuses bad input with a non-retryable InvalidInput failure and sends nothing', async () => {
    const to = someone();
    const { tenant, invoice } = await invoiced(to);
    const cases: SendMailInput[] = [
      { idempotencyKey: 'k1', to: 'not-an-address', letter: { kind: 'sign-in-code', code: '1', expiresInMinutes: 1 } },
      { idempotencyKey: '', to, letter: { kind: 'sign-in-code', code: '1', expiresInMinutes: 1 } },
      { idempotencyKey: `k/${randomUUID()}`, to, letter: { kind: 'receipt', invoiceId: invoice.invoiceId } },
      {
        idempotencyKey: `k/${randomUUID()}`,
        to: someone(),
        tenantId: tenant.id,
        letter: { kind: 'receipt', invoiceId: invoice.invoiceId },
      },
      {
        idempotencyKey: `k/${randomUUID()}`,
        to,
        tenantId: tenant.id,
        letter: { kind: 'refund', creditNoteId: randomUUID() },
      },
    ];
    for (const input of cases) {
      const failure = await failureOf(mail().sendMail(input));
      expect(failure.type).toBe(FailureType.invalidInput);
      expect(failure.nonRetryable).toBe(true);
    }
    expect(await inbox.messagesTo(to)).toHaveLength(0);
  });
});
