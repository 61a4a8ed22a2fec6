import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { pointOfSaleFor } from '@fanfare/domain';
import { quoteCart } from '../../pricing/quote-cart.js';
import { viewerCountry } from '../../pricing/viewer-country.js';
import { findCaller } from '../../users/find-caller.js';
import { pointOfSaleView, quoteView } from '../../pricing/views.js';
import { errorResponses } from '../../schemas/error.js';
import { fxRateRoutes } from './fx-rates.js';
import {
  CheckoutRequirementsQuery,
  CheckoutRequirementsResponse,
  QuoteBody,
  QuoteResponse,
} from '../../schemas/money.js';

/** Public pricing of the storefront the Host names: quotes, regional checkout requirements, FX rates. */
export const pricingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(fxRateRoutes);

  app.post(
    '/public/quote',
    {
      config: { tenant: true, optionalAuth: true },
      schema: {
        tags: ['pricing'],
        summary: 'Price a cart: currency, tax per line and rate, discount, totals, legal notes',
        description:
          'The same function checkout prices orders with. Every refusal carries its own code (unknown_country, unknown_currency, malformed_vat_id, discount_expired, …).',
        body: QuoteBody,
        response: { 200: QuoteResponse, ...errorResponses(404, 422) },
      },
    },
    async (request) => {
      // A signed-in buyer's own uses of a per-customer code count here as they will at checkout.
      const user = request.principal === null ? null : await findCaller(request.em, request.principal);
      const customerKey = user?.id ?? request.principal?.email?.toLowerCase();
      return quoteView(
        await quoteCart(request.em, request.tenant, request.body, {
          now: new Date(),
          sellerCountry: app.config.money.seller.country,
          ipCountry: viewerCountry(request.headers, app.config.api.trustProxy),
          ...(customerKey === undefined ? {} : { customerKey }),
        }),
      );
    },
  );

  app.get(
    '/public/checkout-requirements',
    {
      config: { tenant: 'optional' },
      schema: {
        tags: ['pricing'],
        summary: 'What checkout asks and offers in a country: fields, Stripe payment methods, copy keys',
        querystring: CheckoutRequirementsQuery,
        response: { 200: CheckoutRequirementsResponse, ...errorResponses(404) },
      },
    },
    async (request) => {
      const { country, currency } = request.query;
      // The storefront's currency is the fallback for countries whose own currency it may not price.
      return pointOfSaleView(
        pointOfSaleFor(country.toUpperCase(), currency?.toUpperCase(), request.tenant?.defaultCurrency),
      );
    },
  );
};
