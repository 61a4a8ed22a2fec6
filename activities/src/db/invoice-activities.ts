import { ApplicationFailure } from '@temporalio/common';
import { LockMode } from '@mikro-orm/core';
import { buildCreditNote, buildInvoice, isDomainError, type InvoiceParty } from '@fanfare/domain';
import {
  columnsOf,
  documentOf,
  forTenant,
  Invoice,
  nextInvoiceSequence,
  Order,
  parseSequenceNumber,
  Product,
  type EntityManager,
} from '@fanfare/db';
import { FailureType, type InvoiceActivities, type IssuedInvoice } from '@fanfare/contracts';
import { isUuid } from './deterministic-uuid.js';

/** What invoicing needs: the database and the seller of record printed on every invoice. */
export interface InvoiceActivityDeps {
  em: EntityManager;
  /** The platform as deemed supplier (EU VAT Directive art. 9a, UK VATA s. 47(2A)). */
  seller: InvoiceParty;
}

function issued(row: Invoice): IssuedInvoice {
  return { invoiceId: row.id, kind: row.kind, number: row.number, currency: row.currency, totalMinor: row.totalMinor };
}

function invalid(message: string, details: Record<string, unknown> = {}): ApplicationFailure {
  return ApplicationFailure.nonRetryable(message, FailureType.invalidInput, details);
}

function orderNotFound(tenantId: string, orderId: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(
    `Order ${orderId} does not exist for tenant ${tenantId}`,
    FailureType.orderNotFound,
  );
}

/** Runs `work`, turning a domain refusal (bad VAT id, over-credit) into a non-retryable failure. */
async function refusalsAreFinal<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isDomainError(error)) throw invalid(error.message, { code: error.code, details: error.details });
    throw error;
  }
}

/**
 * Invoices and credit notes. Each issue runs in one transaction that locks the order (or the
 * invoice being credited), takes the next number of the tenant's yearly counter and writes the
 * document: a failure rolls the number back, so the sequence has no gaps, and a retry finds the
 * document by its idempotency key instead of numbering it again.
 */
export function createInvoiceActivities(deps: InvoiceActivityDeps): InvoiceActivities {
  return {
    async issueInvoiceForOrder(input) {
      if (!isUuid(input.tenantId) || !isUuid(input.orderId)) throw invalid('Malformed tenant or order id');
      const key = `invoice/${input.orderId}`;
      return refusalsAreFinal(() =>
        forTenant(deps.em, input.tenantId).transactional(async (tx) => {
          const em = forTenant(tx, input.tenantId);
          const order = await em.findOne(Order, { id: input.orderId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
          if (order === null) throw orderNotFound(input.tenantId, input.orderId);
          const existing = await em.findOne(Invoice, { idempotencyKey: key });
          if (existing !== null) return issued(existing);
          if (input.quote.currency !== order.currency || input.quote.total !== order.totalMinor) {
            throw invalid(
              `The quote (${input.quote.total} ${input.quote.currency}) is not what order ${order.id} was paid at`,
            );
          }
          const issuedAt = new Date(input.issuedAt);
          // The number markOrderPaid gave the order, else the next one of the year of issue.
          const given = order.invoiceNumber == null ? undefined : parseSequenceNumber(order.invoiceNumber);
          const number = given ?? (await nextInvoiceSequence(em, input.tenantId, issuedAt.getUTCFullYear()));
          order.invoiceNumber = number.number;
          const products = await em.find(Product, { id: { $in: input.quote.lines.map((l) => l.productId) } });
          const document = buildInvoice(input.quote, {
            number: number.number,
            issueDate: issuedAt.toISOString().slice(0, 10),
            seller: deps.seller,
            buyer: {
              name: input.buyer.name ?? input.buyer.email,
              addressLines: input.buyer.addressLines ?? [],
              country: input.buyer.country,
              ...(input.buyer.vatId === undefined ? {} : { vatId: input.buyer.vatId }),
            },
            descriptions: Object.fromEntries(products.map((p) => [p.id, p.title])),
          });
          const row = em.create(Invoice, {
            ...columnsOf(document),
            year: number.year,
            sequence: number.sequence,
            idempotencyKey: key,
            orderId: order.id,
            buyerUserId: input.buyer.userId,
            buyerEmail: input.buyer.email,
            creditForInvoiceId: null,
            issuedAt,
          });
          await em.flush();
          return issued(row);
        }),
      );
    },

    async issueCreditNote(input) {
      if (!isUuid(input.tenantId) || !isUuid(input.orderId)) throw invalid('Malformed tenant or order id');
      const key = `credit/${input.creditKey}`;
      return refusalsAreFinal(() =>
        forTenant(deps.em, input.tenantId).transactional(async (tx) => {
          const em = forTenant(tx, input.tenantId);
          // Locking the invoice makes concurrent refunds of one order credit one after another.
          const invoice = await em.findOne(
            Invoice,
            { orderId: input.orderId, kind: 'invoice' },
            { lockMode: LockMode.PESSIMISTIC_WRITE },
          );
          if (invoice === null) throw orderNotFound(input.tenantId, input.orderId);
          const existing = await em.findOne(Invoice, { idempotencyKey: key });
          if (existing !== null) return issued(existing);
          const earlier = await em.find(Invoice, { creditForInvoiceId: invoice.id });
          const issuedAt = new Date(input.issuedAt);
          const number = await nextInvoiceSequence(em, input.tenantId, issuedAt.getUTCFullYear());
          const document = buildCreditNote(documentOf(invoice), {
            number: number.number,
            issueDate: issuedAt.toISOString().slice(0, 10),
            reason: input.reason,
            scope: input.scope,
            alreadyCredited: earlier.reduce((sum, note) => sum + note.totalMinor, 0),
          });
          const row = em.create(Invoice, {
            ...columnsOf(document),
            year: number.year,
            sequence: number.sequence,
            idempotencyKey: key,
            orderId: invoice.orderId,
            buyerUserId: invoice.buyerUserId,
            buyerEmail: invoice.buyerEmail,
            creditForInvoiceId: invoice.id,
            issuedAt,
          });
          await em.flush();
          return issued(row);
        }),
      );
    },
  };
}
