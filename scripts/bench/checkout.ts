/**
 * `pnpm bench:checkout [buyers] [concurrency]`: N buyers through checkout → signed webhook →
 * paid → download link, over loopback HTTP against the API built in-process, with a real
 * Worker (real activities), a Temporal dev server, a scratch PostgreSQL database and
 * stripe-mock that the bench starts and removes itself. Prints throughput and p50/p95/p99 of
 * the checkout request, of time to paid and of link issuance. Not a test.
 * (Stripe's hosted payment page is not exercised: a signed webhook stands in for the payment.)
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import Stripe from 'stripe';
import { loadConfig } from '@fanfare/config';
import { forPlatform, forTenant, Price, Tenant } from '@fanfare/db';
import { buildApp } from '../../api/src/app.js';
import { productWithFile } from '../../api/test/support/library-fixtures.js';
import { startWorker } from '../../worker/src/index.js';
import { startTestServices } from '../test-support/services.js';
import { benchDownloadLink } from './download-link.js';

interface Reply {
  ms: number;
  status: number;
  body: string;
}

/** One loopback request with the storefront's Host header (fetch would drop it). */
function send(
  agent: Agent,
  apiUrl: string,
  method: string,
  url: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Reply> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      new URL(url, apiUrl),
      {
        method,
        agent,
        headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function percentiles(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
  return `p50 ${at(50).toFixed(1)} ms, p95 ${at(95).toFixed(1)} ms, p99 ${at(99).toFixed(1)} ms`;
}

/** Runs `work` over `items` with at most `limit` in flight. */
async function bounded<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!);
      }
    }),
  );
  return results;
}

async function main(): Promise<void> {
  const buyers = Number(process.argv[2] ?? 100);
  const concurrency = Number(process.argv[3] ?? 25);
  // The SDK's per-state INFO lines would bury the numbers.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const services = await startTestServices();
  const config = loadConfig({
    ...process.env,
    FANFARE_ENV: 'test',
    LOG_LEVEL: 'silent',
    AUTH_DEV_ISSUER: 'true',
    PLATFORM_DOMAIN: 'bench.test',
    FANFARE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'fanfare-bench-checkout-')),
    DATABASE_URL: services.databaseUrl,
    TEMPORAL_ADDRESS: services.temporalAddress,
    TEMPORAL_NAMESPACE: services.temporalNamespace,
    STRIPE_API_BASE: services.stripeApiBase,
    STRIPE_SECRET_KEY: 'sk_test_fanfarebench',
    // Every simulated buyer shares 127.0.0.1.
    RATE_LIMIT_MAX: '1000000',
    DOWNLOAD_LINKS_PER_MINUTE: '10000',
  });
  const app = await buildApp({ config });
  const apiUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  const worker = await startWorker(config, app.log as unknown as Parameters<typeof startWorker>[1], {
    workDir: mkdtempSync(path.join(tmpdir(), 'fanfare-bench-worker-')),
  });
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency * 2 });
  try {
    const handle = `bench-${randomBytes(4).toString('hex')}`;
    const platform = forPlatform(app.orm.em);
    const tenant = platform.create(Tenant, {
      handle,
      name: handle,
      status: 'active',
      defaultCurrency: 'EUR',
      defaultLocale: 'en-GB',
      theme: { primaryColor: '#000000', accentColor: '#ffffff' },
    });
    await platform.flush();
    const file = await productWithFile(app.orm, config, tenant.id, {
      filename: 'bench.mp3',
      contentType: 'audio/mpeg',
      bytes: randomBytes(64 * 1024),
      downloadLimit: 5,
    });
    const prices = forTenant(app.orm.em, tenant.id);
    if ((await prices.count(Price, { productId: file.productId, currency: 'EUR' })) === 0) {
      prices.create(Price, {
        productId: file.productId,
        currency: 'EUR',
        region: 'EU',
        amountMinor: 899,
        taxInclusive: true,
      });
      await prices.flush();
    }
    const host = `${handle}.bench.test`;
    const tokens = await Promise.all(
      Array.from({ length: buyers }, async (_, index) => {
        const reply = await app.inject({
          method: 'POST',
          url: '/v1/dev/token',
          payload: { email: `buyer-${index}-${handle}@bench.test`, role: 'buyer' },
        });
        return reply.json<{ token: string }>().token;
      }),
    );
    const signer = new Stripe('sk_test_signing_only');
    const started = performance.now();
    const runs = await bounded(tokens, concurrency, async (token) => {
      const auth = { host, authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const begin = performance.now();
      const checkout = await send(
        agent,
        apiUrl,
        'POST',
        '/v1/checkout',
        auth,
        JSON.stringify({
          items: [{ productId: file.productId, quantity: 1 }],
          country: 'FR',
          idempotencyKey: `bench-${randomUUID()}`,
          eulaAccepted: { version: '2026-01' },
        }),
      );
      if (checkout.status !== 200) throw new Error(`checkout answered ${checkout.status}: ${checkout.body}`);
      const order = JSON.parse(checkout.body) as {
        orderId: string;
        workflowId: string;
        payment: { paymentIntentId: string };
      };
      const payload = JSON.stringify({
        id: `evt_${randomUUID().replaceAll('-', '')}`,
        object: 'event',
        type: 'payment_intent.succeeded',
        data: {
          object: {
            id: order.payment.paymentIntentId,
            object: 'payment_intent',
            metadata: { tenantId: tenant.id, orderId: order.orderId, workflowId: order.workflowId },
          },
        },
      });
      const hook = await send(
        agent,
        apiUrl,
        'POST',
        '/v1/webhooks/stripe',
        {
          'content-type': 'application/json',
          'stripe-signature': signer.webhooks.generateTestHeaderString({
            payload,
            secret: config.stripe.webhookSecret,
          }),
        },
        payload,
      );
      if (hook.status !== 200) throw new Error(`webhook answered ${hook.status}: ${hook.body}`);
      for (;;) {
        const reply = await send(agent, apiUrl, 'GET', `/v1/orders/${order.orderId}`, {
          host,
          authorization: auth.authorization,
        });
        if ((JSON.parse(reply.body) as { status?: string }).status === 'paid') break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const paidMs = performance.now() - begin;
      // The entitlement child grants right after payment; a 403 means "not yet", so ask again.
      for (let attempt = 0; ; attempt += 1) {
        const link = await benchDownloadLink({ apiUrl, host, bearerToken: token, assetId: file.assetId, agent });
        if (link.status === 201)
          return { checkoutMs: checkout.ms, paidMs, linkMs: link.ms, linkAfterMs: performance.now() - begin };
        if (attempt > 500) throw new Error(`no download link after payment: ${link.status}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `checkout bench: ${buyers} buyers, ${concurrency} at a time, loopback, in ${seconds.toFixed(2)} s = ${(buyers / seconds).toFixed(1)} paid orders/s`,
    );
    console.log(
      `  POST /v1/checkout (update-with-start, PaymentIntent created): ${percentiles(runs.map((r) => r.checkoutMs))}`,
    );
    console.log(
      `  checkout → paid (signed webhook, order row paid):           ${percentiles(runs.map((r) => r.paidMs))}`,
    );
    console.log(
      `  download link issuance (201):                               ${percentiles(runs.map((r) => r.linkMs))}`,
    );
    console.log(
      `  checkout → first download link:                             ${percentiles(runs.map((r) => r.linkAfterMs))}`,
    );
    console.log('  (Stripe hosted page not exercised: the webhook stands in for the buyer paying.)');
  } finally {
    agent.destroy();
    await worker.shutdown();
    await app.close();
    await services.stop();
  }
}

await main();
