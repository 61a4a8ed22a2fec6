import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { fxStaleness } from '@fanfare/domain';
import { latestFxSnapshot } from '@fanfare/db';
import { errorResponses } from '../../schemas/error.js';
import { FxRatesResponse } from '../../schemas/money.js';

/** The display-only FX table, for storefront builds and price displays in unpriced currencies. */
export const fxRateRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/public/fx-rates',
    {
      schema: {
        tags: ['pricing'],
        summary: 'The newest ECB reference rates (display only, never charged) with their age',
        response: { 200: FxRatesResponse, ...errorResponses() },
      },
    },
    async () => {
      const snapshot = await latestFxSnapshot(app.orm.em);
      return { ...snapshot, rates: { ...snapshot.rates }, ...fxStaleness(snapshot, new Date()) };
    },
  );
};
