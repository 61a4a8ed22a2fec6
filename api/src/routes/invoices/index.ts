import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ROLES } from '@fanfare/domain';
import { requirePrincipal } from '../../auth/require-principal.js';
import { listBuyerInvoices, readableInvoice } from '../../invoices/buyer-invoices.js';
import { sendInvoiceFile } from '../../invoices/send-invoice-file.js';
import { accessCallerOf } from '../../auth/access-caller.js';
import { findCaller } from '../../users/find-caller.js';
import { errorResponses } from '../../schemas/error.js';
import { InvoiceFileBody, InvoiceFileParams, InvoiceListResponse } from '../../schemas/money.js';

/** The buyer's invoices and credit notes, and each one as PDF or HTML. */
export const invoiceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/me/invoices',
    {
      config: { tenant: true, roles: ROLES },
      schema: {
        tags: ['account'],
        summary: 'Your invoices and credit notes in this storefront, newest first',
        security: [{ bearerAuth: [] }],
        response: { 200: InvoiceListResponse, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const user = await findCaller(request.em, requirePrincipal(request));
      return {
        invoices:
          user === null ? [] : await listBuyerInvoices(request.tenantEm, { userId: user.id, email: user.email }),
      };
    },
  );

  app.get(
    '/invoices/:file',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['account'],
        summary:
          'One invoice or credit note as PDF (`<id>.pdf`) or HTML (`<id>.html`); its buyer and finance/admin only',
        security: [{ bearerAuth: [] }],
        params: InvoiceFileParams,
        response: { 200: InvoiceFileBody, ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const [id = '', extension] = request.params.file.split('.');
      const { caller } = await accessCallerOf(request.em, requirePrincipal(request));
      const document = await readableInvoice(request.em, id, caller);
      return sendInvoiceFile(reply, document, extension === 'html' ? 'html' : 'pdf');
    },
  );
};
