import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
import { promisify } from 'node:util';
import {
  Asset,
  Creator,
  Domain,
  Price,
  Product,
  Tenant,
  Work,
  forPlatform,
  forTenant,
  type EntityManager,
} from '@fanfare/db';
import type { BlobStore } from '@fanfare/storage';
import { CATALOG_SCHEMA_VERSION, catalogExportSchema, type CatalogExport } from './catalog-schema.js';
import { catalogFile, tenantPublicDir } from './paths.js';
import { tenantIcon } from './tenant-icon.js';

const run = promisify(execFile);

/** Length of the preview clip cut when a track has no preview asset yet. */
const PREVIEW_SECONDS = 30;

/** The file name of a preview's HLS playlist, beside its segments. */
const HLS_PLAYLIST = 'index.m3u8';

/** What `exportCatalog` needs. */
export interface ExportCatalogOptions {
  em: EntityManager;
  blobs: BlobStore;
  /** Folder for `<handle>.json` and `public/<handle>/`. */
  outDir: string;
  /** Only these storefronts (all active ones when absent). */
  handles?: readonly string[];
  ffmpegPath?: string;
  now?: Date;
}

/** What one export run wrote. */
export interface ExportSummary {
  handle: string;
  file: string;
  products: number;
  mediaFiles: number;
}

/**
 * Reads every active storefront's published catalog through @fanfare/db and writes one
 * schema-checked JSON file per tenant, with cover art and preview clips copied beside it, so
 * the static build never touches the database.
 */
export async function exportCatalog(options: ExportCatalogOptions): Promise<ExportSummary[]> {
  const platform = forPlatform(options.em);
  const where =
    options.handles === undefined
      ? { status: 'active' as const }
      : { status: 'active' as const, handle: { $in: [...options.handles] } };
  const tenants = await platform.find(Tenant, where, { orderBy: { handle: 'asc' } });
  const summaries: ExportSummary[] = [];
  for (const tenant of tenants) summaries.push(await exportTenant(options, tenant));
  return summaries;
}

async function exportTenant(options: ExportCatalogOptions, tenant: Tenant): Promise<ExportSummary> {
  const em = forTenant(options.em, tenant.id);
  const publicDir = tenantPublicDir(options.outDir, tenant.handle);
  const media = new MediaCopier(options.blobs, path.join(publicDir, 'media'), options.ffmpegPath ?? 'ffmpeg');
  const [domains, creators, works, products] = await Promise.all([
    em.find(Domain, { status: 'active' }, { orderBy: { hostname: 'asc' } }),
    em.find(Creator, {}, { orderBy: { slug: 'asc' } }),
    em.find(Work, { status: 'published' }, { orderBy: { publishedAt: 'desc', slug: 'asc' } }),
    em.find(Product, { status: 'active' }, { orderBy: { createdAt: 'desc', slug: 'asc' } }),
  ]);
  const workIds = new Set(works.map((w) => w.id));
  // A product of a work that is not published (draft, taken down) is not for sale either.
  const listed = products.filter((p) => p.workId === null || p.workId === undefined || workIds.has(p.workId));
  const [prices, assets] = await Promise.all([
    em.find(Price, { productId: { $in: listed.map((p) => p.id) } }, { orderBy: { currency: 'asc', region: 'asc' } }),
    em.find(Asset, { status: 'ready', kind: { $in: ['cover', 'preview', 'download'] } }),
  ]);

  const exported: CatalogExport = {
    schemaVersion: CATALOG_SCHEMA_VERSION,
    exportedAt: (options.now ?? new Date()).toISOString(),
    tenant: {
      id: tenant.id,
      handle: tenant.handle,
      name: tenant.name,
      locale: tenant.defaultLocale,
      ...(tenant.locales === null || tenant.locales === undefined ? {} : { locales: [...tenant.locales] }),
      currency: tenant.defaultCurrency,
      theme: { primaryColor: tenant.theme.primaryColor, accentColor: tenant.theme.accentColor, logo: null },
      customDomains: domains.map((d) => d.hostname),
    },
    creators: creators.map((c) => ({ id: c.id, slug: c.slug, displayName: c.displayName, bio: c.bio })),
    works: [],
    products: [],
  };
  const logo =
    tenant.theme.logoAssetId === undefined ? undefined : assets.find((a) => a.id === tenant.theme.logoAssetId);
  exported.tenant.theme.logo = logo === undefined ? null : (await media.copy(logo)).src;
  for (const work of works) {
    const cover = assets.find((a) => a.id === work.coverAssetId && a.kind === 'cover');
    exported.works.push({
      id: work.id,
      slug: work.slug,
      kind: work.kind,
      title: work.title,
      description: work.description,
      genre: work.genre,
      tags: [...work.tags],
      releaseYear: work.releaseYear ?? null,
      creatorId: work.creatorId,
      cover: cover === undefined ? null : await media.copy(cover),
      publishedAt: work.publishedAt?.toISOString() ?? null,
    });
  }
  for (const product of listed) {
    exported.products.push({
      id: product.id,
      slug: product.slug,
      kind: product.kind,
      mediaType: product.mediaType,
      title: product.title,
      description: product.description,
      workId: product.workId ?? null,
      creatorId: product.creatorId,
      tokenAmount: product.tokenAmount ?? null,
      subscriptionInterval: product.subscriptionInterval ?? null,
      eulaVersion: product.eulaVersion,
      prices: prices
        .filter((p) => p.productId === product.id)
        .map((p) => ({
          productId: p.productId,
          currency: p.currency,
          region: p.region.trim(),
          amount: p.amountMinor,
          taxInclusive: p.taxInclusive,
        })),
      preview: await previewOf(product, assets, media),
      createdAt: product.createdAt.toISOString(),
    });
  }

  const checked = catalogExportSchema.parse(exported);
  await mkdir(publicDir, { recursive: true });
  await writeFile(path.join(publicDir, 'icon.svg'), tenantIcon(checked.tenant));
  const file = catalogFile(options.outDir, tenant.handle);
  await writeFile(file, `${JSON.stringify(checked, null, 2)}\n`);
  return { handle: tenant.handle, file, products: checked.products.length, mediaFiles: media.written };
}

// Only audio products get a preview; the paid download itself is never published, only a clip of
// it. Each preview also gets an HLS rendition, which the player prefers.
async function previewOf(
  product: Product,
  assets: Asset[],
  media: MediaCopier,
): Promise<CatalogExport['products'][number]['preview']> {
  if (product.mediaType !== 'music' && product.mediaType !== 'podcast') return null;
  const own = assets.filter((a) => a.productId === product.id);
  const preview = own.find((a) => a.kind === 'preview');
  const audio = own.find((a) => a.kind === 'download' && a.contentType === 'audio/mpeg');
  const clip =
    preview !== undefined
      ? await media.copy(preview)
      : audio === undefined
        ? null
        : await media.clip(audio, PREVIEW_SECONDS);
  return clip === null ? null : { ...clip, hls: await media.hls(product.id, clip.src) };
}

/** Copies blobs into the public folder under content-addressed names, skipping what is there. */
class MediaCopier {
  written = 0;
  constructor(
    private readonly blobs: BlobStore,
    private readonly dir: string,
    private readonly ffmpegPath: string,
  ) {}

  async copy(asset: Asset): Promise<{ src: string; type: string; durationMs: number | null }> {
    const name = `${asset.sha256.slice(0, 20)}${extensionOf(asset.filename)}`;
    const target = path.join(this.dir, name);
    if (!existsSync(target)) {
      await mkdir(this.dir, { recursive: true });
      await pipeline(await this.blobs.get(asset.storageKey), createWriteStream(target));
      this.written += 1;
    }
    return { src: `/media/${name}`, type: asset.contentType, durationMs: asset.durationMs ?? null };
  }

  async clip(asset: Asset, seconds: number): Promise<{ src: string; type: string; durationMs: number | null }> {
    const name = `preview-${asset.sha256.slice(0, 20)}.mp3`;
    const target = path.join(this.dir, name);
    if (!existsSync(target)) {
      await mkdir(this.dir, { recursive: true });
      const work = await mkdtemp(path.join(tmpdir(), 'fanfare-preview-'));
      try {
        const source = path.join(work, 'source.mp3');
        await pipeline(await this.blobs.get(asset.storageKey), createWriteStream(source));
        await run(this.ffmpegPath, [
          '-v',
          'error',
          '-y',
          '-i',
          source,
          '-t',
          String(seconds),
          '-c:a',
          'copy',
          path.join(work, 'clip.mp3'),
        ]);
        await writeFile(target, await readFile(path.join(work, 'clip.mp3')));
        this.written += 1;
      } finally {
        await rm(work, { recursive: true, force: true });
      }
    }
    const durationMs =
      asset.durationMs === null || asset.durationMs === undefined ? null : Math.min(asset.durationMs, seconds * 1000);
    return { src: `/media/${name}`, type: 'audio/mpeg', durationMs };
  }

  /**
   * Cuts the public file `src` (a preview just written) into an HLS rendition: AAC 128k in 6 s
   * fMP4 segments under `media/<product>/preview-<file>/`, so a changed preview gets a new URL
   * and the worker's cache-first media route never serves an old playlist with new segments.
   */
  async hls(productId: string, src: string): Promise<string> {
    const input = path.join(this.dir, path.basename(src));
    const folder = `${productId}/preview-${path.basename(src, path.extname(src)).replace(/^preview-/, '')}`;
    const target = path.join(this.dir, folder);
    if (!existsSync(path.join(target, HLS_PLAYLIST))) {
      const work = `${target}.partial`;
      await rm(work, { recursive: true, force: true });
      await mkdir(work, { recursive: true });
      try {
        await run(this.ffmpegPath, [
          '-v',
          'error',
          '-y',
          '-i',
          input,
          '-vn',
          '-c:a',
          'aac',
          '-b:a',
          '128k',
          '-f',
          'hls',
          '-hls_time',
          '6',
          '-hls_playlist_type',
          'vod',
          '-hls_segment_type',
          'fmp4',
          '-hls_fmp4_init_filename',
          'init.mp4',
          '-hls_segment_filename',
          path.join(work, 'segment-%03d.m4s'),
          path.join(work, HLS_PLAYLIST),
        ]);
        // Published whole or not at all: a half-written rendition is never picked up as done.
        await rm(target, { recursive: true, force: true });
        await rename(work, target);
      } finally {
        await rm(work, { recursive: true, force: true });
      }
      this.written += 1;
    }
    return `/media/${folder}/${HLS_PLAYLIST}`;
  }
}

function extensionOf(filename: string): string {
  const ext = path.extname(filename).toLowerCase();
  return /^\.[a-z0-9]{1,5}$/.test(ext) ? ext : '';
}
