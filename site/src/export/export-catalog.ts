import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  Asset,
  Creator,
  Domain,
  Price,
  Product,
  Tenant,
  Work,
  HLS_PLAYLIST,
  PREVIEW_HLS_FOLDER,
  forPlatform,
  forTenant,
  type EntityManager,
} from '@fanfare/db';
import type { BlobStore } from '@fanfare/storage';
import { CATALOG_SCHEMA_VERSION, catalogExportSchema, type CatalogExport } from './catalog-schema.js';
import { catalogFile, tenantPublicDir } from './paths.js';
import { tenantIcon } from './tenant-icon.js';

/** What `exportCatalog` needs. */
export interface ExportCatalogOptions {
  em: EntityManager;
  blobs: BlobStore;
  /** Folder for `<handle>.json` and `public/<handle>/`. */
  outDir: string;
  /** Only these storefronts (all active ones when absent). */
  handles?: readonly string[];
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
  const media = new MediaCopier(options.blobs, path.join(publicDir, 'media'));
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
    em.find(Asset, { status: 'ready', kind: { $in: ['cover', 'preview', 'rendition'] } }),
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

// Only audio products get a preview, and only the clip the catalog side cut (the seeder, later the
// transcoding process) is published, never the paid download. Its HLS rendition, which the
// player prefers, is copied beside it when the catalog has one.
async function previewOf(
  product: Product,
  assets: Asset[],
  media: MediaCopier,
): Promise<CatalogExport['products'][number]['preview']> {
  if (product.mediaType !== 'music' && product.mediaType !== 'podcast') return null;
  const own = assets.filter((a) => a.productId === product.id);
  const preview = own.find((a) => a.kind === 'preview');
  if (preview === undefined) return null;
  const rendition = own.filter((a) => a.kind === 'rendition' && a.filename.startsWith(`${PREVIEW_HLS_FOLDER}/`));
  return { ...(await media.copy(preview, 'preview-')), hls: await media.hls(product.id, preview, rendition) };
}

/** Copies blobs into the public folder under content-addressed names, skipping what is there. */
class MediaCopier {
  written = 0;
  constructor(
    private readonly blobs: BlobStore,
    private readonly dir: string,
  ) {}

  /** Copies `asset` as `media/<prefix><sha>.<ext>` (a preview keeps its `preview-` prefix in the URL). */
  async copy(asset: Asset, prefix = ''): Promise<{ src: string; type: string; durationMs: number | null }> {
    const name = `${prefix}${asset.sha256.slice(0, 20)}${extensionOf(asset.filename)}`;
    await this.write(asset, name);
    return { src: `/media/${name}`, type: asset.contentType, durationMs: asset.durationMs ?? null };
  }

  /**
   * Copies the HLS files of `preview` under `media/<product>/preview-<preview sha>/`, so a changed
   * preview gets a new URL and the worker's cache-first media route never serves an old playlist
   * with new segments. Null when the catalog has no complete rendition for it.
   */
  async hls(productId: string, preview: Asset, files: readonly Asset[]): Promise<string | null> {
    if (!files.some((file) => file.filename === `${PREVIEW_HLS_FOLDER}/${HLS_PLAYLIST}`)) return null;
    const folder = `${productId}/preview-${preview.sha256.slice(0, 20)}`;
    for (const file of files) await this.write(file, `${folder}/${path.basename(file.filename)}`);
    return `/media/${folder}/${HLS_PLAYLIST}`;
  }

  private async write(asset: Asset, name: string): Promise<void> {
    const target = path.join(this.dir, name);
    if (existsSync(target)) return;
    await mkdir(path.dirname(target), { recursive: true });
    // Published whole or not at all: an interrupted copy is never taken for a finished one.
    await pipeline(await this.blobs.get(asset.storageKey), createWriteStream(`${target}.partial`));
    await rename(`${target}.partial`, target);
    this.written += 1;
  }
}

function extensionOf(filename: string): string {
  const ext = path.extname(filename).toLowerCase();
  return /^\.[a-z0-9]{1,5}$/.test(ext) ? ext : '';
}
