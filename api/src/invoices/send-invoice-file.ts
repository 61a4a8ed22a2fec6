import type { FastifyReply } from 'fastify';
import type { InvoiceDocument } from '@fanfare/domain';
import { renderInvoiceHtml, renderInvoicePdf } from '@fanfare/documents';

/** Answers with `document` rendered as PDF (a download named after its number) or HTML. */
export async function sendInvoiceFile(
  reply: FastifyReply,
  document: InvoiceDocument,
  format: 'pdf' | 'html',
): Promise<FastifyReply> {
  // An invoice names a person and what they bought: no shared cache may keep it.
  reply.header('cache-control', 'private, no-store');
  if (format === 'html') return reply.type('text/html; charset=utf-8').send(renderInvoiceHtml(document));
  const filename = `${document.kind === 'invoice' ? 'invoice' : 'credit-note'}-${document.number}.pdf`;
  return reply
    .type('application/pdf')
    .header('content-disposition', `inline; filename="${filename}"`)
    .send(Buffer.from(await renderInvoicePdf(document)));
}
