import { randomUUID } from 'node:crypto';
import { buildInvoice, quote } from '@fanfare/domain';
import { columnsOf, createOrm, forTenant, Invoice, loadQuoteCatalog, type MikroORM } from '@fanfare/db';
import type { FastifyInstance } from 'fastify';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../../scripts/test-support/provided.js';
import { createProducts, createTenant } from './support/catalog-fixtures.js';
import { pdfText } from './support/pdf-text.js';
import { buildTestApp, storefrontHost } from './support/test-app.js';
import { devToken } from './support/tokens.js';

let orm: MikroORM;
let app: FastifyInstance;
let host: string;
let invoiceId: string;
let guestInvoiceId: string;
let accountInvoiceId: string;
let buyer: { token: string; userId: string };
let stranger: { token: string };
let guest: { token: string; email: string };
const number = '2026-000042';

beforeAll(async () => {
  orm = await createOrm(inject('databaseUrl'));
  app = await buildTestApp();
  const tenant = await createTenant(orm, { prefix: 'invoices' });
  host = storefrontHost(tenant.handle);
  const [product] = await createProducts(orm, tenant.id, [{ slug: 'aurora', mediaType: 'ebook' }]);
  buyer = await devToken(app, `buyer-${randomUUID()}@example.com`, 'buyer');
  stranger = await devToken(app, `other-${randomUUID()}@example.com`, 'buyer');
  const guestEmail = `guest-${randomUUID()}@example.com`;
  guest = { ...(await devToken(app, guestEmail, 'buyer')), email: guestEmail };
  const catalog = await loadQuoteCatalog(orm.em, tenant.id, [product!.id]);
  const priced = quote({ items: [{ productId: product!.id, quantity: 2 }], country: 'DE' }, catalog, {
    now: new Date('2026-06-01T12:00:00Z'),
    seller: { country: 'IE' },
  });
  const document = buildInvoice(priced, {
    number,
    issueDate: '2026-06-01',
    seller: {
      name: 'Fanfare Marketplace Ltd',
      addressLines: ['1 Harbour Square', 'Dublin'],
      country: 'IE',
      vatId: 'IE6388047V',
    },
    buyer: { name: 'Jana Käufer', addressLines: [], country: 'DE' },
    descriptions: { [product!.id]: 'Aurora <Deluxe> — the e-book' },
  });
  const em = forTenant(orm.em, tenant.id);
  const row = em.create(Invoice, {
    ...columnsOf(document),
    year: 2026,
    sequence: 42,
    idempotencyKey: `invoice/${randomUUID()}`,
    orderId: randomUUID(),
    buyerUserId: buyer.userId,
    buyerEmail: 'ignored@example.com',
    creditForInvoiceId: null,
    issuedAt: new Date('2026-06-01T12:00:00Z'),
  });
  // Two more rows of the same document, to check the domain's owner rule: a guest purchase (no
  // account) is the guest's by email; an account's purchase is never claimed through its email.
  const copy = (sequence: number, buyerUserId: string | null) =>
    em.create(Invoice, {
      ...columnsOf(document),
      number: `2026-0000${sequence}`,
      year: 2026,
      sequence,
      idempotencyKey: `invoice/${randomUUID()}`,
      orderId: randomUUID(),
      buyerUserId,
      buyerEmail: guest.email,
      creditForInvoiceId: null,
      issuedAt: new Date('2026-06-01T12:00:00Z'),
    });
  const guestRow = copy(43, null);
  // Bought by an account that is not the guest's, with the guest's email on it.
  const accountRow = copy(44, randomUUID());
  await em.flush();
  invoiceId = row.id;
  guestInvoiceId = guestRow.id;
  accountInvoiceId = accountRow.id;
});

afterAll(async () => {
  await app?.close();
  await orm?.close(true);
});

const get = (url: string, token?: string) =>
  app.inject({
    method: 'GET',
    url,
    headers: { host, ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) },
  });

describe('GET /v1/me/invoices', () => {
  it('lists the buyer’s own invoices with a PDF link, and nothing of theirs to anyone else', async () => {
    const mine = await get('/v1/me/invoices', buyer.token);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().invoices).toEqual([
      expect.objectContaining({
        id: invoiceId,
        kind: 'invoice',
        number,
        currency: 'EUR',
        totalMinor: 1798,
        pdfUrl: `/v1/invoices/${invoiceId}.pdf`,
      }),
    ]);
    expect((await get('/v1/me/invoices', stranger.token)).json().invoices).toEqual([]);
    expect((await get('/v1/me/invoices')).json().error.code).toBe('unauthenticated');
  });
});

describe('GET /v1/invoices/:id.pdf', () => {
  it('gives the buyer a real PDF showing the number, the 7% German e-book VAT and the total', async () => {
    const response = await get(`/v1/invoices/${invoiceId}.pdf`, buyer.token);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['cache-control']).toBe('private, no-store');
    const pdf = await PDFDocument.load(response.rawPayload);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getTitle()).toBe(`Invoice ${number}`);
    const text = pdfText(response.rawPayload);
    expect(text).toContain(`Invoice ${number}`);
    expect(text).toContain('EUR 17.98');
    expect(text).toContain('VAT id: IE6388047V');
    expect(text).toMatch(/7%/);
  });

  it('renders the same document as HTML, escaped', async () => {
    const response = await get(`/v1/invoices/${invoiceId}.html`, buyer.token);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(`<h1>Invoice ${number}</h1>`);
    expect(response.body).toMatch(/EUR\s17\.98/);
    expect(response.body).toContain('Aurora &lt;Deluxe&gt;');
    expect(response.body).not.toContain('<Deluxe>');
  });

  it('lets finance read it, and answers 404 to another buyer, 401 without a token, 400 to a bad name', async () => {
    const finance = await devToken(app, `finance-${randomUUID()}@example.com`, 'finance');
    expect((await get(`/v1/invoices/${invoiceId}.pdf`, finance.token)).statusCode).toBe(200);
    const other = await get(`/v1/invoices/${invoiceId}.pdf`, stranger.token);
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('not_found');
    expect((await get(`/v1/invoices/${randomUUID()}.pdf`, buyer.token)).json().error.code).toBe('not_found');
    expect((await get(`/v1/invoices/${invoiceId}.pdf`)).statusCode).toBe(401);
    expect((await get(`/v1/invoices/${invoiceId}.docx`, buyer.token)).statusCode).toBe(400);
  });

  // Changed on purpose (issue 9): invoices follow the domain's one access policy, as orders do.
  it('follows the access policy: moderators see no money documents; guests by email, accounts by id only', async () => {
    const moderator = await devToken(app, `moderator-${randomUUID()}@example.com`, 'moderator');
    expect((await get(`/v1/invoices/${invoiceId}.pdf`, moderator.token)).statusCode).toBe(404);
    expect((await get(`/v1/invoices/${guestInvoiceId}.html`, guest.token)).statusCode).toBe(200);
    expect((await get(`/v1/invoices/${accountInvoiceId}.html`, guest.token)).statusCode).toBe(404);
    const listed = (await get('/v1/me/invoices', guest.token)).json<{ invoices: { id: string }[] }>();
    expect(listed.invoices.map((invoice) => invoice.id)).toEqual([guestInvoiceId]);
  });
});
