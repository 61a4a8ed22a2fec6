import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '@fanfare/api';
import { loadConfig } from '@fanfare/config';
import { createOrm, ensureDatabase, migrateToLatest, seedDemoCatalog, type MikroORM } from '@fanfare/db';
import { FsBlobStore } from '@fanfare/storage';
import { buildAllTenants } from '../../src/build/build-tenant.js';
import { apiTenantResolver } from '../../src/edge/api-storefront-lookup.js';
import { createEdgeServer } from '../../src/edge/edge-server.js';
import { exportCatalog } from '../../src/export/export-catalog.js';

/** The demo catalog seeded, exported, built and served by the edge on a free port. */
export interface BuiltStorefronts {
  port: number;
  orm: MikroORM;
  distDir: string;
  catalogDir: string;
  blobDir: string;
  origin(handle: string): string;
  close(): Promise<void>;
}

/** Products per catalog page in these builds: small, so the demo catalog spans pages. */
export const CATALOG_PAGE_SIZE = 6;

/** True when ffmpeg (which the demo seeder renders media with) is on PATH. */
export function hasFfmpeg(): boolean {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Seeds the demo catalog into a database of its own (next to the run's scratch database, so no
 * other test file's rows interfere), exports it through @fanfare/db, builds both storefronts and
 * starts the edge in front of them.
 */
export async function buildDemoStorefronts(scratchUrl: string): Promise<BuiltStorefronts> {
  const url = new URL(scratchUrl);
  const database = `fanfare_site_${process.pid}`;
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();
  await ensureDatabase(databaseUrl);
  await migrateToLatest(databaseUrl);
  const work = await mkdtemp(path.join(tmpdir(), 'fanfare-site-'));
  const orm = await createOrm(databaseUrl);
  const distDir = path.join(work, 'dist');
  const catalogDir = path.join(work, 'catalog');
  // The edge asks the real API which storefront a host is, as `npm start` runs it; it reads no database.
  const api = await buildApp({
    config: loadConfig({
      FANFARE_ENV: 'test',
      LOG_LEVEL: 'silent',
      DATABASE_URL: databaseUrl,
      PLATFORM_DOMAIN: 'fanfare.localhost',
      FANFARE_DATA_DIR: path.join(work, 'data'),
    }),
    orm,
  });
  const apiUpstream = await api.listen({ port: 0, host: '127.0.0.1' });
  const server = createEdgeServer({
    distDir,
    resolveTenant: apiTenantResolver({ platformDomain: 'fanfare.localhost', production: false }, apiUpstream),
    // No `/v1` forwarding: the pages' offline fallbacks (search from the prebuilt index) are under test.
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = (handle: string): string => `http://${handle}.localhost:${port}`;
  const blobDir = path.join(work, 'blobs');
  const blobs = new FsBlobStore(blobDir);
  await seedDemoCatalog({ em: orm.em, blobs });
  await exportCatalog({ em: orm.em, blobs, outDir: catalogDir });
  await buildAllTenants({ catalogDir, distDir, originOf: origin, precacheTop: 4, catalogPageSize: CATALOG_PAGE_SIZE });
  return {
    port,
    orm,
    distDir,
    catalogDir,
    blobDir,
    origin,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await api.close();
      await orm.close(true);
      const maintenance = new URL(scratchUrl);
      maintenance.pathname = '/postgres';
      const admin = new pg.Client({ connectionString: maintenance.toString() });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
      await rm(work, { recursive: true, force: true });
    },
  };
}
