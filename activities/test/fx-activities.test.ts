import { readFile } from 'node:fs/promises';
import { createOrm, FxRateSnapshot, latestFxSnapshot, type MikroORM } from '@fanfare/db';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../../scripts/test-support/provided.js';
import { createFxActivities } from '../src/fx/fx-activities.js';
import { localServer } from './support/local-http.js';

let orm: MikroORM;
let feed: Awaited<ReturnType<typeof localServer>>;
const body = '';

beforeAll(async () => {
  orm = await createOrm(inject('databaseUrl'));
  const fixture = await readFile(new URL('./fixtures/eurofxref-daily.xml', import.meta.url), 'utf8');
  feed = await localServer((request, _body, response) => {
    if (request.url === '/down.xml') {
      response.writeHead(503).end();
      return;
    }
    response
      .writeHead(200, { 'content-type': 'text/xml' })
      .end(request.url === '/truncated.xml' ? fixture.slice(0, 300) : body || fixture);
  });
});
afterAll(async () => {
  await feed?.close();
  await orm?.close(true);
});

const at = (iso: string) => () => new Date(iso);

describe('refreshFxRates against a local ECB-format feed on 127.0.0.1', () => {
  it('stores the newest day once, and reports fresh rates without a warning', async () => {
    const source = `${feed.url}/eurofxref-daily.xml`;
    const refresh = createFxActivities({ em: orm.em, fxFeedUrl: source, now: at('2026-11-21T08:00:00Z') });
    const first = await refresh.refreshFxRates();
    expect(first).toMatchObject({ asOf: '2026-11-20', source, stored: true, stale: false, warning: null });
    expect((await refresh.refreshFxRates()).stored).toBe(false);
    expect(await orm.em.fork().count(FxRateSnapshot, { source })).toBe(1);
    const latest = await latestFxSnapshot(orm.em);
    expect(latest.asOf >= '2026-11-20').toBe(true);
  });

  it('warns when even the newest rates are older than the allowed age', async () => {
    const refresh = createFxActivities({
      em: orm.em,
      fxFeedUrl: `${feed.url}/eurofxref-daily.xml`,
      now: at('2026-12-01T08:00:00Z'),
    });
    const result = await refresh.refreshFxRates();
    expect(result.stale).toBe(true);
    expect(result.warning).toMatch(/FX rates are \d+ h old/);
  });

  it('fails the attempt for an unavailable feed and refuses a truncated one with malformed_fx_feed', async () => {
    await expect(
      createFxActivities({ em: orm.em, fxFeedUrl: `${feed.url}/down.xml` }).refreshFxRates(),
    ).rejects.toThrow(/503/);
    await expect(
      createFxActivities({ em: orm.em, fxFeedUrl: `${feed.url}/truncated.xml` }).refreshFxRates(),
    ).rejects.toMatchObject({ code: 'malformed_fx_feed' });
  });
});
