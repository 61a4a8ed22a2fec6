/**
 * Download-link issuance benchmark, and the helper `pnpm bench:checkout` calls for its link leg.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/<migrated db> pnpm exec tsx scripts/bench/download-link.ts [buyers] [linksPerBuyer]
 *
 * Builds the API in-process on a free port (dev issuer on, rate limit raised: every simulated
 * buyer shares 127.0.0.1), seeds one storefront, one product with a file and an entitlement per
 * buyer, then has the buyers ask for links concurrently and prints throughput and p50/p95/p99.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '@fanfare/config';
import { forPlatform, Tenant } from '@fanfare/db';
import { buildApp } from '../../api/src/app.js';
import { ownedBy, productWithFile } from '../../api/test/support/library-fixtures.js';

/** Where and as whom to ask for a link. */
export interface DownloadLinkTarget {
  /** The API's base url, e.g. `http://127.0.0.1:3000`. */
  apiUrl: string;
  /** The storefront's Host header (`<handle>.<platform domain>`). */
  host: string;
  /** The buyer's bearer token. */
  bearerToken: string;
  assetId: string;
  agent?: Agent;
}

/** One timed `POST /v1/downloads/link`. */
export interface TimedLink {
  ms: number;
  status: number;
  link: { url: string; expiresAt: string; usesLeft: number } | null;
}

/**
 * Asks for one download link and times it. Goes through node:http because fetch will not send
 * a Host header of our choosing. A 201 carries the link; 403 means the buyer owns nothing
 * there yet (the entitlement workflow has not granted), 429 the per-user/IP limit.
 */
export function benchDownloadLink(target: DownloadLinkTarget): Promise<TimedLink> {
  const body = JSON.stringify({ assetId: target.assetId });
  const url = new URL('/v1/downloads/link', target.apiUrl);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent: target.agent,
        headers: {
          host: target.host,
          authorization: `Bearer ${target.bearerToken}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          const status = res.statusCode ?? 0;
          resolve({
            ms: performance.now() - started,
            status,
            link: status === 201 ? (JSON.parse(text) as TimedLink['link']) : null,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function main(): Promise<void> {
  const buyers = Number(process.argv[2] ?? 50);
  const perBuyer = Number(process.argv[3] ?? 4);
  const config = loadConfig({
    ...process.env,
    FANFARE_ENV: 'test',
    LOG_LEVEL: 'silent',
    AUTH_DEV_ISSUER: 'true',
    PLATFORM_DOMAIN: 'bench.test',
    FANFARE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'fanfare-bench-')),
    DOWNLOAD_LINKS_PER_MINUTE: '10000',
  });
  const app = await buildApp({ config });
  const apiUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const em = forPlatform(app.orm.em);
    const handle = `bench-${randomBytes(4).toString('hex')}`;
    const tenant = em.create(Tenant, {
      handle,
      name: handle,
      status: 'active',
      defaultCurrency: 'EUR',
      defaultLocale: 'en-GB',
      theme: { primaryColor: '#000000', accentColor: '#ffffff' },
    });
    await em.flush();
    const host = `${handle}.bench.test`;
    const file = await productWithFile(app.orm, config, tenant.id, {
      filename: 'bench.mp3',
      contentType: 'audio/mpeg',
      bytes: randomBytes(64 * 1024),
      downloadLimit: 5,
    });
    const tokens = await Promise.all(
      Array.from({ length: buyers }, async (_, index) => {
        const email = `buyer-${index}-${handle}@bench.test`;
        const response = await app.inject({ method: 'POST', url: '/v1/dev/token', payload: { email, role: 'buyer' } });
        const { token, user } = response.json<{ token: string; user: { id: string } }>();
        await ownedBy(app.orm, tenant.id, file.productId, { userId: user.id, email });
        return token;
      }),
    );
    const agent = new Agent({ keepAlive: true, maxSockets: buyers });
    const started = performance.now();
    const timings = await Promise.all(
      tokens.map(async (bearerToken) => {
        const mine: TimedLink[] = [];
        for (let i = 0; i < perBuyer; i += 1)
          mine.push(await benchDownloadLink({ apiUrl, host, bearerToken, assetId: file.assetId, agent }));
        return mine;
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const all = timings.flat();
    const failed = all.filter((timing) => timing.status !== 201).length;
    const sorted = all.map((timing) => timing.ms).sort((a, b) => a - b);
    console.log(
      `download links: ${all.length} by ${buyers} concurrent buyers in ${seconds.toFixed(2)} s = ${(all.length / seconds).toFixed(0)}/s; ` +
        `p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms; ${failed} failed`,
    );
    agent.destroy();
  } finally {
    await app.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
