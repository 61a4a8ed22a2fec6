import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import Stripe from 'stripe';
import type { FanfareConfig } from '@fanfare/config';
import { installQuietTemporalRuntime } from '../../../scripts/test-support/quiet-temporal-runtime.js';
import { startWorker, type RunningWorker } from '../../../worker/src/index.js';

/** The signing secret the test configuration carries (the development default). */
export function webhookSecret(config: FanfareConfig): string {
  return config.stripe.webhookSecret;
}

/** Runs the real worker (real activities over PostgreSQL and stripe-mock) on the checkout queue. */
export function runRealWorker(app: FastifyInstance): Promise<RunningWorker> {
  installQuietTemporalRuntime();
  const logger = app.log as unknown as Parameters<typeof startWorker>[1];
  return startWorker(app.config, logger, { workDir: mkdtempSync(path.join(tmpdir(), 'fanfare-checkout-worker-')) });
}

const stripe = new Stripe('sk_test_signing_only');

/** A Stripe event of `type` around `object`, as Stripe would post it. */
export function stripeEvent(
  type: string,
  object: Record<string, unknown>,
  id = `evt_${randomUUID().replaceAll('-', '')}`,
): string {
  return JSON.stringify({
    id,
    object: 'event',
    type,
    api_version: '2025-01-27',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: null,
    data: { object },
  });
}

/** Posts `payload` to the webhook endpoint, signed with `secret` (or a given header). */
export function postWebhook(
  app: FastifyInstance,
  payload: string,
  secret: string,
  signature?: string,
): Promise<LightMyRequestResponse> {
  const header = signature ?? stripe.webhooks.generateTestHeaderString({ payload, secret });
  return app.inject({
    method: 'POST',
    url: '/v1/webhooks/stripe',
    headers: { 'content-type': 'application/json', 'stripe-signature': header },
    payload,
  });
}
