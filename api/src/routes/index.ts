import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { healthRoutes } from './health/index.js';
import { storefrontRoutes } from './storefront/index.js';
import { catalogRoutes } from './catalog/index.js';
import { catalogSearchRoutes } from './catalog/search.js';
import { meRoutes } from './me/index.js';
import { creatorWorkRoutes } from './creator/works.js';
import { devIssuerRoutes } from './dev/index.js';
import { devCheckoutRoutes } from './dev/checkout.js';
import { downloadRoutes } from './downloads/index.js';
import { libraryRoutes } from './me/entitlements.js';
import { wishlistRoutes } from './me/wishlist.js';
import { pricingRoutes } from './pricing/index.js';
import { invoiceRoutes } from './invoices/index.js';
import { checkoutRoutes } from './checkout/index.js';
import { webhookRoutes } from './webhooks/index.js';
import { sesWebhookRoutes } from './webhooks/ses.js';
import { membershipRoutes } from './memberships/index.js';
import { orderRoutes } from './orders/index.js';

/** Every `/v1` route, grouped by resource. */
export const routes: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(healthRoutes);
  await app.register(storefrontRoutes);
  await app.register(catalogRoutes);
  await app.register(catalogSearchRoutes);
  await app.register(meRoutes);
  await app.register(creatorWorkRoutes);
  await app.register(downloadRoutes);
  await app.register(libraryRoutes);
  await app.register(wishlistRoutes);
  await app.register(pricingRoutes);
  await app.register(invoiceRoutes);
  await app.register(checkoutRoutes);
  await app.register(webhookRoutes);
  await app.register(sesWebhookRoutes);
  await app.register(membershipRoutes);
  await app.register(orderRoutes);
  if (app.devIssuer !== undefined) {
    await app.register(devIssuerRoutes, { issuer: app.devIssuer });
    await app.register(devCheckoutRoutes);
  }
};
