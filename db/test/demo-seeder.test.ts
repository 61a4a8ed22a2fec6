import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsBlobStore } from '@fanfare/storage';
import { inject } from 'vitest';
import {
  Asset,
  createOrm,
  forPlatform,
  Price,
  Product,
  seedDemoCatalog,
  Work,
  type MikroORM,
  type SeedSummary,
} from '../src/index.js';

function hasFfmpeg(): boolean {
  try {
    execFileSync('ffmpeg', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

// The seeder renders real audio and cover art with ffmpeg; without it there is nothing to check.
describe.skipIf(!hasFfmpeg())('demo seeder (needs ffmpeg on PATH)', () => {
  let orm: MikroORM;
  let blobRoot: string;
  let first: SeedSummary;
  const queries: string[] = [];

  beforeAll(async () => {
    orm = await createOrm(inject('databaseUrl'), {
      debug: ['query'],
      logger: (message) => queries.push(message),
    });
    blobRoot = await mkdtemp(path.join(tmpdir(), 'fanfare-seed-test-'));
    first = await seedDemoCatalog({ em: orm.em, blobs: new FsBlobStore(blobRoot) });
  });
  afterAll(async () => {
    await orm.close(true);
    await rm(blobRoot, { recursive: true, force: true });
  });

  it('creates two storefronts with people, works, 20 products and prices in three currencies', () => {
    expect(first).toMatchObject({ tenants: 2, users: 6, creators: 2, works: 8, products: 20, prices: 60 });
    expect(Object.keys(first.tenantIds).sort()).toEqual(['aurora', 'inkwell']);
    expect(first.filesWritten).toBe(first.assets);
  });

  it('stores every file with the size, checksum and type recorded on its asset', async () => {
    const em = forPlatform(orm.em);
    const assets = await em.find(Asset, { tenantId: { $in: Object.values(first.tenantIds) } });
    expect(assets).toHaveLength(first.assets);
    const types = new Set(assets.map((a) => a.contentType));
    // Previews and their HLS renditions are cut here, on the catalog side, not by the storefront build.
    expect(types).toEqual(
      new Set([
        'audio/flac',
        'audio/mpeg',
        'image/png',
        'application/pdf',
        'application/vnd.apple.mpegurl',
        'audio/mp4',
        'video/mp4',
      ]),
    );
    const previews = assets.filter((a) => a.kind === 'preview');
    expect(previews.length).toBeGreaterThan(0);
    for (const preview of previews) {
      const hls = assets.filter((a) => a.kind === 'rendition' && a.productId === preview.productId);
      expect(hls.map((a) => a.filename)).toContain('preview-hls/index.m3u8');
      expect(hls.map((a) => a.filename)).toContain('preview-hls/init.mp4');
    }
    for (const asset of assets) {
      const bytes = await readFile(path.join(blobRoot, asset.storageKey));
      expect(bytes.length).toBe(asset.sizeBytes);
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(asset.sha256);
      expect(asset.status).toBe('ready');
    }
    const magic = async (contentType: string) => {
      const asset = assets.find((a) => a.contentType === contentType);
      return (await readFile(path.join(blobRoot, asset?.storageKey ?? 'missing'))).subarray(0, 4).toString('latin1');
    };
    expect(await magic('audio/flac')).toBe('fLaC');
    expect(await magic('image/png')).toBe('\x89PNG');
    expect(await magic('application/pdf')).toBe('%PDF');
  });

  it('links covers to works and prices every product in USD, EUR and GBP', async () => {
    const em = forPlatform(orm.em);
    const inDemo = { tenantId: { $in: Object.values(first.tenantIds) } };
    const works = await em.find(Work, inDemo);
    expect(works.every((w) => w.coverAssetId !== null && w.coverAssetId !== undefined)).toBe(true);
    const products = await em.find(Product, inDemo);
    const prices = await em.find(Price, inDemo);
    for (const product of products) {
      const mine = prices.filter((p) => p.productId === product.id);
      expect(mine.map((p) => `${p.currency}/${p.region}`).sort()).toEqual(['EUR/EU', 'GBP/GB', 'USD/US']);
      expect(mine.every((p) => Number.isInteger(p.amountMinor) && p.amountMinor > 0)).toBe(true);
    }
  });

  it('publishes no product that promises files without them; an album bundles every track of its work', async () => {
    const em = forPlatform(orm.em);
    const tenantIds = Object.values(first.tenantIds);
    const products = await em.find(Product, { tenantId: { $in: tenantIds }, status: 'active' });
    const files = await em.find(Asset, { tenantId: { $in: tenantIds }, kind: 'download', status: 'ready' });
    const filesOf = (id: string) => files.filter((file) => file.productId === id).length;
    for (const product of products.filter((p) => p.kind === 'digital')) {
      const reachable = [product.id, ...(product.bundledProductIds ?? [])].map(filesOf);
      expect(
        reachable.reduce((sum, n) => sum + n, 0),
        product.slug,
      ).toBeGreaterThan(0);
      expect(reachable.slice(1), product.slug).not.toContain(0);
    }
    const ep = products.find((p) => p.slug === 'solstice-ep');
    const tracks = products.filter((p) => p.slug.startsWith('solstice-') && p.slug !== 'solstice-ep');
    expect(tracks).toHaveLength(2);
    expect([...(ep?.bundledProductIds ?? [])].sort()).toEqual(tracks.map((t) => t.id).sort());
  });

  it('changes nothing when run again', async () => {
    queries.length = 0;
    const second = await seedDemoCatalog({ em: orm.em, blobs: new FsBlobStore(blobRoot) });
    expect(second).toEqual({ ...first, filesWritten: 0 });
    const writes = queries.filter(
      (q) => /\b(insert into|update|delete from)\b/i.test(q) && !/^\s*\[query\]\s*select/i.test(q),
    );
    expect(queries.some((q) => /select/i.test(q))).toBe(true);
    expect(writes).toEqual([]);
  });
});
