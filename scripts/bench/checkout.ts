/**
 * `pnpm bench:checkout [buyers] [concurrency] [memory,wal]`: N buyers through checkout → signed
 * webhook → paid → download link, over loopback HTTP against the API built in-process, with a
 * real Worker (real activities), a Temporal dev server, a scratch PostgreSQL database and
 * stripe-mock that the bench starts and removes itself. Prints throughput and p50/p95/p99 of
 * the checkout request, of time to paid and of link issuance. Not a test.
 * Beside it, on the same server, worker settings and concurrency, the floor (floor/): the
 * smallest checkout-shaped workflow, and the ratios to it. Once with the dev server in memory,
 * once on a SQLite file in WAL mode as `npm start` runs it (the third argument picks).
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
import pg from 'pg';
import { startTestServices, type TestServices } from '../test-support/services.js';
import { benchDownloadLink } from './download-link.js';
import { benchFloor } from './floor/floor.js';
import { bounded, childPids, cpuMs, loadAverage, percentile, percentiles } from './measure.js';

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

/** One buyer's timings. */
interface CheckoutRun {
  checkoutMs: number;
  paidMs: number;
  linkMs: number;
  linkAfterMs: number;
}

/** N buyers through checkout → paid → download link; the wall time and each buyer's timings. */
async function benchCheckout(
  services: TestServices,
  buyers: number,
  concurrency: number,
  around: { start(): Promise<void>; end(): Promise<void> },
): Promise<{ seconds: number; runs: CheckoutRun[] }> {
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
    await around.start();
    const started = performance.now();
    const runs = await bounded(tokens, concurrency, async (token): Promise<CheckoutRun> => {
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
    await around.end();
    return { seconds, runs };
  } finally {
    agent.destroy();
    await worker.shutdown();
    await app.close();
  }
}

/** CPU used so far (ms) by this process (API, worker and the bench's clients), Temporal and the database's backends. */
async function cpuSnapshot(
  databaseUrl: string,
): Promise<{ node: number; temporal: number; postgres: Map<number, number> }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const name = new URL(databaseUrl).pathname.slice(1);
    const { rows } = await client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
    const usage = process.cpuUsage();
    return {
      node: (usage.user + usage.system) / 1000,
      temporal: childPids('temporal').reduce((sum, pid) => sum + cpuMs(pid), 0),
      postgres: new Map(rows.map(({ pid }) => [pid, cpuMs(pid)])),
    };
  } finally {
    await client.end();
  }
}

/** CPU per workflow between two snapshots, one line. Backends opened meanwhile count from zero. */
function cpuLine(before: Awaited<ReturnType<typeof cpuSnapshot>>, after: typeof before, count: number): string {
  let postgres = 0;
  for (const [pid, ms] of after.postgres) postgres += ms - (before.postgres.get(pid) ?? 0);
  const per = (ms: number) => (ms / count).toFixed(1);
  const node = after.node - before.node;
  const temporal = after.temporal - before.temporal;
  return `CPU per run: node (API + worker + bench clients) ${per(node)} ms, Temporal ${per(temporal)} ms, PostgreSQL ${per(postgres)} ms, total ${per(node + temporal + postgres)} ms`;
}

async function main(): Promise<void> {
  const buyers = Number(process.argv[2] ?? 100);
  const concurrency = Number(process.argv[3] ?? 25);
  const storages = (process.argv[4] ?? 'memory,wal').split(',');
  // The SDK's per-state INFO lines would bury the numbers.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  console.log(`checkout bench: ${buyers} buyers, ${concurrency} at a time, loopback; load average ${loadAverage()}`);
  for (const storage of storages) {
    const services = await startTestServices(
      storage === 'wal'
        ? {
            temporalStorage: {
              dbFilename: path.join(mkdtempSync(path.join(tmpdir(), 'fanfare-bench-temporal-')), 'temporal.sqlite'),
              sqlitePragmas: ['journal_mode=wal', 'synchronous=normal'],
            },
          }
        : {},
    );
    try {
      const snapshots: Awaited<ReturnType<typeof cpuSnapshot>>[] = [];
      const around = {
        start: async () => void snapshots.push(await cpuSnapshot(services.databaseUrl)),
        end: async () => void snapshots.push(await cpuSnapshot(services.databaseUrl)),
      };
      const floor = await benchFloor(services.temporalAddress, services.temporalNamespace, buyers, concurrency, around);
      const checkout = await benchCheckout(services, buyers, concurrency, around);
      const [floorBefore, floorAfter, checkoutBefore, checkoutAfter] = snapshots as [
        (typeof snapshots)[0],
        (typeof snapshots)[0],
        (typeof snapshots)[0],
        (typeof snapshots)[0],
      ];
      const floorRate = buyers / floor.seconds;
      const checkoutRate = buyers / checkout.seconds;
      const floorP95 = percentile(
        floor.samples.map((s) => s.startMs),
        95,
      );
      const checkoutP95 = percentile(
        checkout.runs.map((r) => r.checkoutMs),
        95,
      );
      console.log(`\nTemporal dev server ${storage === 'wal' ? 'on SQLite, WAL + synchronous=normal' : 'in memory'}:`);
      console.log(`  floor: ${floorRate.toFixed(1)} workflows/s (${floor.seconds.toFixed(2)} s)`);
      console.log(
        `    start update (3 local activities):          ${percentiles(floor.samples.map((s) => s.startMs))}`,
      );
      console.log(`    start → child done (signal, 3 more):        ${percentiles(floor.samples.map((s) => s.doneMs))}`);
      console.log(`    ${cpuLine(floorBefore, floorAfter, buyers)}`);
      console.log(`  checkout: ${checkoutRate.toFixed(1)} paid orders/s (${checkout.seconds.toFixed(2)} s)`);
      const line = (label: string, pick: (r: CheckoutRun) => number) =>
        console.log(`    ${label.padEnd(45)}${percentiles(checkout.runs.map(pick))}`);
      line('POST /v1/checkout (update-with-start):', (r) => r.checkoutMs);
      line('checkout → paid (signed webhook, row paid):', (r) => r.paidMs);
      line('download link issuance (201):', (r) => r.linkMs);
      line('checkout → first download link:', (r) => r.linkAfterMs);
      console.log(`    ${cpuLine(checkoutBefore, checkoutAfter, buyers)}`);
      console.log(
        `  ratio: checkout request p95 ${(checkoutP95 / floorP95).toFixed(2)}× the floor's (target ≤ 1.5×); paid orders/s ${((100 * checkoutRate) / floorRate).toFixed(0)}% of the floor's (target ≥ 60%)`,
      );
    } finally {
      await services.stop();
    }
  }
  console.log('\n(Stripe hosted page not exercised: the webhook stands in for the buyer paying.)');
  console.log(`load average at the end ${loadAverage()}`);
}

await main();
