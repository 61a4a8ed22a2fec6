import { createHash } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import { STOREFRONT_LOCALES } from '@fanfare/domain';
import { renderInvoicePdf } from '@fanfare/documents';
import {
  documentOf,
  forPlatform,
  forTenant,
  Invoice,
  MailDelivery,
  MailSuppression,
  Tenant,
  type EntityManager,
} from '@fanfare/db';
import { FailureType } from '@fanfare/contracts';
import { isUuid } from '../db/deterministic-uuid.js';
import { type Letter, type MailLocale, SENT_EVEN_WHEN_SUPPRESSED } from './letters.js';
import type { LetterRequest, MailActivities, SendMailInput, SendMailResult } from '@fanfare/contracts';
import type { MailAttachment, Mailer } from './mailer.js';
import { renderLetter } from './render-letter.js';

/** What the mail activities need: the database, a Mailer adapter, the sender and storefront links. */
export interface MailActivityDeps {
  em: EntityManager;
  mailer: Mailer;
  /** `From` of every letter. */
  mailFrom: string;
  /** A storefront's base URL with `{handle}` for the tenant's handle. */
  storefrontUrlTemplate: string;
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

function invalid(message: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(message, FailureType.invalidInput);
}

/** A letter ready to render, its attachments, and the tenant it is about. */
interface Composed {
  letter: Letter;
  attachments: MailAttachment[];
  locale: MailLocale;
}

function supported(locale: string | undefined): MailLocale | undefined {
  return STOREFRONT_LOCALES.find((l) => l.toLowerCase() === locale?.toLowerCase());
}

/** `Message-ID` from the key, on the sender's domain, so every attempt of one send carries the same id. */
export function messageIdFor(idempotencyKey: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'fanfare.invalid';
  return `<${createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 40)}@${domain}>`;
}

/**
 * Transactional mail. `sendMail` renders the letter in the recipient's locale and sends it
 * through the Mailer once per idempotency key: attempts with one key take a PostgreSQL advisory
 * lock on it, and the one that finds no `mail_deliveries` row sends and records in the same
 * transaction. Only a crash between the server's acceptance and the commit can repeat a letter,
 * and the repeat carries the same `Message-ID`. Suppressed addresses get sign-in codes only.
 */
export function createMailActivities(deps: MailActivityDeps): MailActivities {
  async function tenantOf(tenantId: string | undefined): Promise<Tenant> {
    if (tenantId === undefined || !isUuid(tenantId)) throw invalid('This letter needs the tenant it is about');
    const tenant = await forPlatform(deps.em).findOne(Tenant, { id: tenantId });
    if (tenant === null) throw invalid(`Tenant ${tenantId} does not exist`);
    return tenant;
  }

  function libraryUrl(tenant: Tenant, locale: MailLocale): string {
    const base = deps.storefrontUrlTemplate.replace('{handle}', tenant.handle).replace(/\/$/, '');
    const prefixed =
      locale !== supported(tenant.defaultLocale) && (tenant.locales ?? [...STOREFRONT_LOCALES]).includes(locale);
    return `${base}${prefixed ? `/${locale.toLowerCase()}` : ''}/library/`;
  }

  async function invoiceOf(tenantId: string, id: string, kind: Invoice['kind'], to: string): Promise<Invoice> {
    if (!isUuid(id)) throw invalid(`Malformed ${kind} id`);
    const invoice = await forTenant(deps.em, tenantId).findOne(Invoice, { id, kind });
    if (invoice === null) throw invalid(`No ${kind} ${id} for tenant ${tenantId}`);
    // An invoice goes to its buyer and no one else, whatever the caller asked.
    if (invoice.buyerEmail !== to) throw invalid(`The ${kind} ${invoice.number} is not addressed to ${to}`);
    return invoice;
  }

  async function pdf(invoice: Invoice): Promise<MailAttachment> {
    return {
      filename: `${invoice.number}.pdf`,
      contentType: 'application/pdf',
      content: await renderInvoicePdf(documentOf(invoice)),
    };
  }

  async function compose(input: SendMailInput, to: string, request: LetterRequest): Promise<Composed> {
    if (request.kind === 'sign-in-code') {
      return { letter: request, attachments: [], locale: supported(input.locale) ?? 'en-US' };
    }
    const tenant = await tenantOf(input.tenantId);
    const locale = supported(input.locale) ?? supported(tenant.defaultLocale) ?? 'en-US';
    const storeName = tenant.name;
    switch (request.kind) {
      case 'receipt': {
        const invoice = await invoiceOf(tenant.id, request.invoiceId, 'invoice', to);
        const document = documentOf(invoice);
        const money = (amount: number) => ({ amount, currency: document.currency });
        const letter: Letter = {
          kind: 'receipt',
          storeName,
          invoiceNumber: invoice.number,
          lines: document.lines.map((l) => ({ title: l.description, quantity: l.quantity, total: money(l.total) })),
          total: money(document.total),
          libraryUrl: libraryUrl(tenant, locale),
        };
        return { letter, attachments: [await pdf(invoice)], locale };
      }
      case 'refund': {
        const note = await invoiceOf(tenant.id, request.creditNoteId, 'credit_note', to);
        const original = await forTenant(deps.em, tenant.id).findOne(Invoice, { id: note.creditForInvoiceId ?? '' });
        const letter: Letter = {
          kind: 'refund',
          storeName,
          invoiceNumber: original?.number ?? '',
          creditNoteNumber: note.number,
          amount: { amount: note.totalMinor, currency: note.currency },
        };
        return { letter, attachments: [await pdf(note)], locale };
      }
      case 'guest-downloads':
        return {
          letter: { kind: 'guest-downloads', storeName, links: request.links, libraryUrl: libraryUrl(tenant, locale) },
          attachments: [],
          locale,
        };
      case 'entitlement-revoked':
        return { letter: { ...request, storeName }, attachments: [], locale };
    }
  }

  return {
    async sendMail(input) {
      const key = input.idempotencyKey;
      if (typeof key !== 'string' || key.length === 0 || key.length > 200) {
        throw invalid('The idempotency key must be 1 to 200 characters');
      }
      const to = input.to?.trim().toLowerCase() ?? '';
      if (!EMAIL.test(to)) throw invalid(`"${input.to}" is not an email address`);
      if (input.tenantId !== undefined && !isUuid(input.tenantId)) throw invalid('Malformed tenant id');
      const messageId = messageIdFor(key, deps.mailFrom);
      const done = (row: MailDelivery): SendMailResult => ({
        status: row.status,
        replayed: true,
        messageId: row.messageId,
      });

      const earlier = await forPlatform(deps.em).findOne(MailDelivery, { idempotencyKey: key });
      if (earlier !== null) return done(earlier);
      const composed = await compose(input, to, input.letter);
      const rendered = await renderLetter(composed.letter, composed.locale);

      return forPlatform(deps.em).transactional(async (tx) => {
        await tx.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`mail:${key}`]);
        const raced = await tx.findOne(MailDelivery, { idempotencyKey: key });
        if (raced !== null) return done(raced);
        const suppressed =
          !SENT_EVEN_WHEN_SUPPRESSED.has(input.letter.kind) &&
          (await tx.findOne(MailSuppression, { email: to })) !== null;
        const sent = suppressed
          ? undefined
          : await deps.mailer.send({
              from: deps.mailFrom,
              to,
              ...rendered,
              attachments: composed.attachments,
              messageId,
            });
        tx.create(MailDelivery, {
          idempotencyKey: key,
          kind: input.letter.kind,
          recipient: to,
          locale: composed.locale,
          tenantId: input.tenantId ?? null,
          status: suppressed ? 'suppressed' : 'sent',
          messageId,
          providerMessageId: sent?.providerMessageId ?? null,
          sentAt: sent === undefined ? null : new Date(),
        });
        await tx.flush();
        return { status: suppressed ? 'suppressed' : 'sent', replayed: false, messageId };
      });
    },
  };
}
