import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { BlobStore } from '@fanfare/storage';
import { Asset } from '../entities/asset.entity.js';
import { Tenant } from '../entities/tenant.entity.js';
import { User } from '../entities/user.entity.js';
import { Domain } from '../entities/domain.entity.js';
import { Creator } from '../entities/creator.entity.js';
import { Work } from '../entities/work.entity.js';
import { Product } from '../entities/product.entity.js';
import { Price } from '../entities/price.entity.js';
import { forPlatform, forTenant } from '../tenancy/tenant-scope.js';
import { activateProduct } from '../repositories/product-files.js';
import {
  DEMO_EULA_VERSION,
  DEMO_PLATFORM_USERS,
  DEMO_TENANTS,
  type DemoProduct,
  type DemoTenant,
  type DemoUser,
} from './demo-catalog.js';
import { AssetWriter, type PlannedFile } from './asset-writer.js';
import { renderCover, renderEbook, renderTone } from './media-files.js';
import { cutPreviewClip, PREVIEW_SECONDS } from './preview-media.js';

/** What the demo seeder needs from its caller. */
export interface SeedDemoOptions {
  em: EntityManager;
  /** Where the generated files are stored. */
  blobs: BlobStore;
  /** ffmpeg binary; `ffmpeg` on PATH by default. */
  ffmpegPath?: string;
  /** Progress lines, for the CLI. */
  log?: (line: string) => void;
}

/** Rows in the demo catalog after seeding, and how many files this run wrote. */
export interface SeedSummary {
  tenants: number;
  users: number;
  creators: number;
  works: number;
  products: number;
  prices: number;
  assets: number;
  filesWritten: number;
  tenantIds: Record<string, string>;
}

const PRICE_REGIONS = [
  { key: 'usd', currency: 'USD', region: 'US', taxInclusive: false },
  { key: 'eur', currency: 'EUR', region: 'EU', taxInclusive: true },
  { key: 'gbp', currency: 'GBP', region: 'GB', taxInclusive: true },
] as const;

async function seedUsers(em: EntityManager, users: readonly DemoUser[]): Promise<Map<string, User>> {
  const platform = forPlatform(em);
  const byEmail = new Map<string, User>();
  for (const user of users) {
    byEmail.set(user.email, await upsertUser(platform, user));
  }
  await platform.flush();
  return byEmail;
}

async function upsertUser(em: EntityManager, user: DemoUser): Promise<User> {
  const existing = await em.findOne(User, { email: user.email });
  if (existing === null)
    return em.create(User, { email: user.email, displayName: user.displayName, roles: user.roles });
  // Keep roles someone granted since; only add the demo ones that are missing.
  const roles = [...new Set([...existing.roles, ...user.roles])];
  if (roles.length !== existing.roles.length) existing.roles = roles;
  return existing;
}

async function seedTenantRow(em: EntityManager, demo: DemoTenant): Promise<Tenant> {
  const platform = forPlatform(em);
  const tenant = await upsertTenant(platform, demo);
  await platform.flush();
  return tenant;
}

async function upsertTenant(em: EntityManager, demo: DemoTenant): Promise<Tenant> {
  const data = {
    handle: demo.handle,
    name: demo.name,
    defaultCurrency: demo.defaultCurrency,
    defaultLocale: demo.defaultLocale,
    theme: demo.theme,
  };
  const existing = await em.findOne(Tenant, { handle: demo.handle });
  if (existing === null) return em.create(Tenant, data);
  em.assign(existing, data);
  return existing;
}

function productData(demo: DemoProduct, creatorId: string, workId: string | null) {
  return {
    workId,
    creatorId,
    kind: demo.kind,
    mediaType: demo.mediaType,
    title: demo.title,
    slug: demo.slug,
    description: demo.description,
    tokenAmount: demo.tokenAmount ?? null,
    subscriptionInterval: demo.subscriptionInterval ?? null,
    eulaVersion: DEMO_EULA_VERSION,
  };
}

async function seedProduct(
  em: EntityManager,
  demo: DemoProduct,
  creatorId: string,
  workId: string | null,
): Promise<Product> {
  const data = productData(demo, creatorId, workId);
  const existing = await em.findOne(Product, { slug: demo.slug });
  const product = existing === null ? em.create(Product, data) : em.assign(existing, data);
  for (const { key, currency, region, taxInclusive } of PRICE_REGIONS) {
    const amountMinor = demo.prices[key];
    const price = await em.findOne(Price, { productId: product.id, currency, region });
    if (price === null) em.create(Price, { productId: product.id, currency, region, amountMinor, taxInclusive });
    else em.assign(price, { amountMinor, taxInclusive });
  }
  return product;
}

/** Files one product ships with, to be rendered only when missing from the store. */
function plannedProductFiles(demo: DemoProduct, product: Product, workId: string, previews: Asset[]): PlannedFile[] {
  const media = demo.media;
  if (media.type === 'track' || media.type === 'episode') {
    const tone = media.tone;
    let rendering: Promise<{ flac: string; mp3: string }> | undefined;
    const render = (ffmpeg: string, dir: string) => (rendering ??= renderTone(ffmpeg, tone, dir, demo.slug));
    return [
      {
        productId: product.id,
        workId,
        kind: 'preview',
        filename: `${demo.slug}-preview.mp3`,
        contentType: 'audio/mpeg',
        durationMs: Math.min(tone.seconds, PREVIEW_SECONDS) * 1000,
        render: async (ffmpeg, dir) => ({
          file: await cutPreviewClip(ffmpeg, (await render(ffmpeg, dir)).mp3, dir, demo.slug),
        }),
        // Its HLS rendition is cut from the stored clip once every file is in (`ensurePreviewHls`).
        onStored: (asset) => void previews.push(asset),
      },
      {
        productId: product.id,
        workId,
        kind: 'original',
        filename: `${demo.slug}.flac`,
        contentType: 'audio/flac',
        durationMs: tone.seconds * 1000,
        render: async (ffmpeg, dir) => ({ file: (await render(ffmpeg, dir)).flac }),
      },
      {
        productId: product.id,
        workId,
        kind: 'download',
        filename: `${demo.slug}.mp3`,
        contentType: 'audio/mpeg',
        durationMs: tone.seconds * 1000,
        render: async (ffmpeg, dir) => ({ file: (await render(ffmpeg, dir)).mp3 }),
      },
    ];
  }
  if (media.type === 'ebook') {
    const book = media.book;
    return [
      {
        productId: product.id,
        workId,
        kind: 'download',
        filename: `${demo.slug}.pdf`,
        contentType: 'application/pdf',
        durationMs: null,
        render: async () => ({ bytes: await renderEbook(book) }),
      },
    ];
  }
  return [];
}

async function seedTenantCatalog(
  em: EntityManager,
  demo: DemoTenant,
  tenant: Tenant,
  creatorUser: User,
  writer: AssetWriter,
): Promise<void> {
  const scoped = forTenant(em, tenant.id);
  const domain = await scoped.findOne(Domain, { hostname: demo.customDomain });
  if (domain === null) {
    const verifiedAt = new Date('2026-01-01T00:00:00Z');
    scoped.create(Domain, {
      hostname: demo.customDomain,
      status: 'active',
      verificationToken: `fanfare-verify-${demo.handle}`,
      verifiedAt,
    });
  }
  const creatorData = {
    userId: creatorUser.id,
    displayName: demo.creator.displayName,
    slug: demo.creator.slug,
    bio: demo.creator.bio,
    payoutSchedule: demo.creator.payoutSchedule,
    payoutMinimumMinor: 2000,
  };
  const existingCreator = await scoped.findOne(Creator, { slug: demo.creator.slug });
  const creator =
    existingCreator === null ? scoped.create(Creator, creatorData) : scoped.assign(existingCreator, creatorData);

  const planned: PlannedFile[] = [];
  const previews: Asset[] = [];
  for (const demoWork of demo.works) {
    const workData = {
      creatorId: creator.id,
      kind: demoWork.kind,
      title: demoWork.title,
      slug: demoWork.slug,
      description: demoWork.description,
      genre: demoWork.genre,
      tags: demoWork.tags,
      releaseYear: demoWork.releaseYear,
      status: 'published' as const,
      publishedAt: new Date(`${demoWork.releaseYear}-03-01T00:00:00Z`),
    };
    const existingWork = await scoped.findOne(Work, { slug: demoWork.slug });
    const work = existingWork === null ? scoped.create(Work, workData) : scoped.assign(existingWork, workData);
    const cover = demoWork.cover;
    planned.push({
      productId: null,
      workId: work.id,
      kind: 'cover',
      filename: `${demoWork.slug}-cover.png`,
      contentType: 'image/png',
      durationMs: null,
      render: async (ffmpeg, dir) => ({
        file: await renderCover(ffmpeg, cover, dir, `${demo.handle}-${demoWork.slug}`),
      }),
      onStored: (asset) => {
        if (work.coverAssetId !== asset.id) work.coverAssetId = asset.id;
      },
    });
    for (const demoProduct of demoWork.products) {
      const product = await seedProduct(scoped, demoProduct, creator.id, work.id);
      planned.push(...plannedProductFiles(demoProduct, product, work.id, previews));
    }
  }
  for (const extra of demo.extras) await seedProduct(scoped, extra, creator.id, null);
  await writer.ensure(scoped, tenant.id, planned);
  for (const preview of previews) await writer.ensurePreviewHls(scoped, tenant.id, preview);
  await publishProducts(scoped, [...demo.works.flatMap((w) => w.products), ...demo.extras]);
  await scoped.flush();
}

/**
 * Links each album to the tracks it bundles, then publishes every product through the one
 * activation rule (a product that promises files must deliver them), once its files are stored.
 */
async function publishProducts(em: EntityManager, demos: DemoProduct[]): Promise<void> {
  const products = await em.find(Product, { slug: { $in: demos.map((d) => d.slug) } });
  const bySlug = new Map(products.map((product) => [product.slug, product]));
  for (const demo of demos) {
    const product = bySlug.get(demo.slug);
    if (product === undefined) throw new Error(`Demo product ${demo.slug} was not seeded`);
    const bundled =
      demo.media.type === 'bundle' ? demo.media.products.map((slug) => bySlug.get(slug)?.id ?? slug) : null;
    if (JSON.stringify(bundled) !== JSON.stringify(product.bundledProductIds ?? null))
      product.bundledProductIds = bundled;
    await activateProduct(em, product);
  }
}

/**
 * Seeds the demo catalog: two storefronts (Aurora Records, Inkwell Press), their creators, an
 * operator of each role and a buyer, works, 20 products priced in USD, EUR and GBP, and real
 * audio, cover art and PDF files in `blobs`. Idempotent: keyed on handles, emails and slugs, and
 * files are rendered only when missing or changed, so a second run writes nothing.
 */
export async function seedDemoCatalog(options: SeedDemoOptions): Promise<SeedSummary> {
  const log = options.log ?? (() => undefined);
  const workDir = await mkdtemp(path.join(tmpdir(), 'fanfare-seed-'));
  const writer = new AssetWriter(options.blobs, options.ffmpegPath ?? 'ffmpeg', workDir, log);
  try {
    const users = await seedUsers(options.em, [...DEMO_PLATFORM_USERS, ...DEMO_TENANTS.map((t) => t.creator)]);
    const tenantIds: Record<string, string> = {};
    for (const demo of DEMO_TENANTS) {
      const tenant = await seedTenantRow(options.em, demo);
      tenantIds[demo.handle] = tenant.id;
      const creatorUser = users.get(demo.creator.email);
      if (creatorUser === undefined) throw new Error(`Demo creator ${demo.creator.email} was not seeded`);
      await seedTenantCatalog(options.em, demo, tenant, creatorUser, writer);
      log(`seeded ${demo.handle} (${tenant.id})`);
    }
    return {
      ...(await countDemoRows(options.em, Object.values(tenantIds))),
      filesWritten: writer.filesWritten,
      tenantIds,
    };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

async function countDemoRows(
  em: EntityManager,
  tenantIds: string[],
): Promise<Omit<SeedSummary, 'filesWritten' | 'tenantIds'>> {
  const platform = forPlatform(em);
  const inDemo = { tenantId: { $in: tenantIds } };
  const emails = [...DEMO_PLATFORM_USERS, ...DEMO_TENANTS.map((t) => t.creator)].map((u) => u.email);
  return {
    tenants: tenantIds.length,
    users: await platform.count(User, { email: { $in: emails } }),
    creators: await platform.count(Creator, inDemo),
    works: await platform.count(Work, inDemo),
    products: await platform.count(Product, inDemo),
    prices: await platform.count(Price, inDemo),
    assets: await platform.count(Asset, inDemo),
  };
}
