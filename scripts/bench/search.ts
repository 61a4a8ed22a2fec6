/**
 * `pnpm bench:search [products] [requests] [concurrency]`: catalog search latency against a
 * scratch PostgreSQL database the bench creates, fills and drops itself. One storefront holds
 * `products` products (default 20,000) under 500 creators and a work per four products, beside
 * four other storefronts of a quarter that size; the API, built in-process, answers
 * `GET /v1/catalog/search` over loopback HTTP for typed prefixes of words of the vocabulary
 * (two letters up to the whole word, one or two words). Prints p50/p95/p99 of the HTTP round
 * trip and of the API's own `tookMs`, against SPEC's 50 ms p95. Not a test.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '@fanfare/config';
import { forPlatform, Tenant, type EntityManager } from '@fanfare/db';
import { buildApp } from '../../api/src/app.js';
import { createScratchDatabase } from '../test-support/scratch-database.js';
import { testDatabaseServer } from '../test-support/services.js';

/** Words titles and names are made of; each title takes two to four. */
const VOCABULARY = (
  'tidal northern lights glow corona fade solstice longest night return quiet harbour paper moons field notes margins ledger small things ' +
  'ink circle aurora river stone winter summer letters tides ember hollow silver golden morning evening static echo orbit velvet ' +
  'cedar meadow harbor lantern signal drift canyon prairie glacier thunder whisper shadow mirror garden island desert ocean forest ' +
  'city neon highway midnight sunrise sunset autumn spring rain snow cloud storm wind fire water earth light dark blue red green ' +
  'black white gray violet amber coral ivory jade onyx pearl ruby sapphire topaz opal quartz marble granite iron copper bronze'
).split(' ');
const FIRST_NAMES = [
  'Maya',
  'Theo',
  'Ada',
  'Lena',
  'Omar',
  'Iris',
  'Noah',
  'Zoe',
  'Ravi',
  'Elsa',
  'Hugo',
  'Nina',
  'Kai',
  'Sara',
  'Jonas',
  'Mira',
];
const LAST_NAMES = [
  'Lind',
  'Marsh',
  'Stone',
  'Vale',
  'Reyes',
  'Okafor',
  'Berg',
  'Novak',
  'Moreau',
  'Kerr',
  'Silva',
  'Haas',
  'Ito',
  'Quinn',
];

/** A Postgres array literal of `words`, for random picks in SQL. */
function sqlArray(words: readonly string[]): string {
  return `array[${words.map((word) => `'${word.replaceAll("'", "''")}'`).join(',')}]`;
}

/** `count` words picked at random in SQL, joined by spaces (capitalised like titles). */
function randomWords(count: number, words: string): string {
  return Array.from(
    { length: count },
    () => `initcap((${words})[1 + floor(random() * array_length(${words}, 1))::int])`,
  ).join(" || ' ' || ");
}

/** Creators, works and products of one storefront, inserted in bulk by generate_series. */
async function fillStorefront(em: EntityManager, tenantId: string, products: number): Promise<void> {
  const connection = em.getConnection();
  const words = sqlArray(VOCABULARY);
  const creators = Math.max(1, Math.round(products / 40));
  const works = Math.max(1, Math.round(products / 4));
  await connection.execute(
    `insert into creators (id, tenant_id, user_id, display_name, slug, created_at)
     select gen_random_uuid(), ?, gen_random_uuid(),
       (${sqlArray(FIRST_NAMES)})[1 + floor(random() * ${FIRST_NAMES.length})::int] || ' ' || (${sqlArray(LAST_NAMES)})[1 + floor(random() * ${LAST_NAMES.length})::int],
       'creator-' || n, now() from generate_series(1, ?) n`,
    [tenantId, creators],
  );
  await connection.execute(
    `insert into works (id, tenant_id, creator_id, kind, title, slug, status, published_at)
     select gen_random_uuid(), ?, (select id from creators where tenant_id = ? order by random() + n * 0 limit 1), 'album',
       ${randomWords(2, words)}, 'work-' || n, case when n % 20 = 0 then 'draft' else 'published' end, now()
     from generate_series(1, ?) n`,
    [tenantId, tenantId, works],
  );
  await connection.execute(
    `with numbered_works as (select id, creator_id, row_number() over (order by id) as position from works where tenant_id = ?)
     insert into products (id, tenant_id, work_id, creator_id, kind, media_type, title, slug, status, eula_version, created_at)
     select gen_random_uuid(), ?, w.id, w.creator_id, 'digital',
       (array['music','music','music','ebook','video','podcast'])[1 + floor(random() * 6)::int],
       case when random() < 0.5 then ${randomWords(2, words)} else ${randomWords(3, words)} end,
       'product-' || n, case when n % 25 = 0 then 'archived' else 'active' end, '2026-01',
       now() - (n || ' seconds')::interval
     from generate_series(1, ?) n join numbered_works w on w.position = 1 + (n % ?)`,
    [tenantId, tenantId, products, works],
  );
}

/** What a buyer types: a prefix (two letters or more) of one word, or a whole word then a prefix. */
function typedQueries(count: number): string[] {
  const pick = () => VOCABULARY[Math.floor(Math.random() * VOCABULARY.length)]!;
  const prefix = (word: string) => word.slice(0, 2 + Math.floor(Math.random() * (word.length - 1)));
  return Array.from({ length: count }, (_, index) =>
    index % 3 === 2 ? `${pick()} ${prefix(pick())}` : prefix(pick()),
  );
}

function get(agent: Agent, url: URL, host: string): Promise<{ ms: number; status: number; body: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { host } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ ms: performance.now() - started, status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end();
  });
}

function percentiles(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
  return `p50 ${at(50).toFixed(1)} ms, p95 ${at(95).toFixed(1)} ms, p99 ${at(99).toFixed(1)} ms`;
}

async function main(): Promise<void> {
  const products = Number(process.argv[2] ?? 20_000);
  const requests = Number(process.argv[3] ?? 600);
  const concurrency = Number(process.argv[4] ?? 4);
  const server = await testDatabaseServer();
  const database = await createScratchDatabase(server.url('postgres'));
  const config = loadConfig({
    ...process.env,
    FANFARE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PLATFORM_DOMAIN: 'bench.test',
    FANFARE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'fanfare-bench-search-')),
    DATABASE_URL: database.url,
    // Every simulated buyer shares 127.0.0.1.
    RATE_LIMIT_MAX: '1000000',
  });
  const app = await buildApp({ config });
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  try {
    const platform = forPlatform(app.orm.em);
    const storefronts = Array.from({ length: 5 }, () => {
      const handle = `bench-${randomBytes(4).toString('hex')}`;
      return platform.create(Tenant, {
        handle,
        name: handle,
        status: 'active',
        defaultCurrency: 'EUR',
        defaultLocale: 'en-GB',
        theme: { primaryColor: '#000000', accentColor: '#ffffff' },
      });
    });
    await platform.flush();
    const filling = performance.now();
    for (const [index, tenant] of storefronts.entries())
      await fillStorefront(app.orm.em.fork(), tenant.id, index === 0 ? products : Math.round(products / 4));
    // As autovacuum would have by then: statistics, and the GIN pending list merged into the index.
    await app.orm.em.getConnection().execute('vacuum analyze creators, works, products');
    console.log(
      `search bench: ${products} products in the searched storefront (+4 × ${Math.round(products / 4)} elsewhere), filled in ${((performance.now() - filling) / 1000).toFixed(1)} s`,
    );

    const apiUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    const host = `${storefronts[0]!.handle}.bench.test`;
    const queries = typedQueries(requests);
    // Warm the pool and the plan cache, as a running API would be.
    for (const q of queries.slice(0, 20))
      await get(agent, new URL(`/v1/catalog/search?q=${encodeURIComponent(q)}`, apiUrl), host);
    const round: number[] = [];
    const took: number[] = [];
    let hits = 0;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < queries.length) {
          const q = queries[next++]!;
          const reply = await get(agent, new URL(`/v1/catalog/search?q=${encodeURIComponent(q)}`, apiUrl), host);
          if (reply.status !== 200) throw new Error(`search for "${q}" answered ${reply.status}: ${reply.body}`);
          const body = JSON.parse(reply.body) as { hits: unknown[]; tookMs: number };
          round.push(reply.ms);
          took.push(body.tookMs);
          hits += body.hits.length;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `  ${requests} searches, ${concurrency} at a time, ${(requests / seconds).toFixed(0)}/s, ${(hits / requests).toFixed(1)} hits each on average (limit 10)`,
    );
    console.log(`  GET /v1/catalog/search round trip: ${percentiles(round)}`);
    console.log(`  tookMs (the query, in the API):    ${percentiles(took)}   (SPEC: search ≤ 50 ms p95)`);
  } finally {
    agent.destroy();
    await app.close();
    await database.drop();
    await server.stop();
  }
}

await main();
