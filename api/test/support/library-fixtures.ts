import { randomUUID } from 'node:crypto';
import { Asset, Entitlement, forTenant, Order, OrderLine, Product, type MikroORM } from '@fanfare/db';
import { createBlobStore } from '@fanfare/storage';
import type { FanfareConfig } from '@fanfare/config';

/** A product with one downloadable file stored in the app's blob store. */
export interface OwnedFile {
  productId: string;
  assetId: string;
  bytes: Buffer;
}

/** Stores a product and its download file (content and name chosen by the test). */
export async function productWithFile(
  orm: MikroORM,
  config: FanfareConfig,
  tenantId: string,
  file: { filename: string; contentType: string; bytes: Buffer; downloadLimit?: number },
): Promise<OwnedFile> {
  const em = forTenant(orm.em, tenantId);
  const product = em.create(Product, {
    creatorId: randomUUID(),
    kind: 'digital',
    mediaType: 'music',
    title: `Record ${file.filename}`,
    slug: `record-${randomUUID().slice(0, 8)}`,
    status: 'active',
    downloadLimit: file.downloadLimit ?? 5,
    eulaVersion: '2026-01',
  });
  const storageKey = `tenants/${tenantId}/assets/${randomUUID()}/download`;
  const stored = await createBlobStore(config.blobs).put(storageKey, file.bytes, { contentType: file.contentType });
  const asset = em.create(Asset, {
    productId: product.id,
    kind: 'download',
    storageKey,
    filename: file.filename,
    contentType: file.contentType,
    sizeBytes: stored.size,
    sha256: stored.sha256,
    status: 'ready',
  });
  await em.flush();
  return { productId: product.id, assetId: asset.id, bytes: file.bytes };
}

/** An album that bundles `productIds` and has no file of its own. */
export async function bundleOf(orm: MikroORM, tenantId: string, productIds: string[]): Promise<string> {
  const em = forTenant(orm.em, tenantId);
  const product = em.create(Product, {
    creatorId: randomUUID(),
    kind: 'digital',
    mediaType: 'music',
    title: 'Album',
    slug: `album-${randomUUID().slice(0, 8)}`,
    status: 'active',
    bundledProductIds: productIds,
    eulaVersion: '2026-01',
  });
  await em.flush();
  return product.id;
}

/** A paid order for `productId` and the entitlement it granted `buyer` (as the workflow would). */
export async function ownedBy(
  orm: MikroORM,
  tenantId: string,
  productId: string,
  buyer: { userId: string | null; email: string },
  downloadLimit = 5,
): Promise<string> {
  const em = forTenant(orm.em, tenantId);
  const order = em.create(Order, {
    buyerUserId: buyer.userId,
    buyerEmail: buyer.email,
    status: 'paid',
    currency: 'EUR',
    subtotalMinor: 899,
    totalMinor: 899,
    country: 'FR',
    idempotencyKey: randomUUID(),
    workflowId: `checkout:${randomUUID()}`,
  });
  em.create(OrderLine, { order, productId, unitAmountMinor: 899, totalMinor: 899 });
  const entitlement = em.create(Entitlement, {
    userId: buyer.userId,
    buyerEmail: buyer.email,
    productId,
    orderId: order.id,
    rights: { download: true, stream: true, deviceLimit: 3, downloadLimit },
    status: 'active',
    usageUsed: 0,
    eulaVersion: '2026-01',
    eulaAcceptedAt: new Date(),
    expiresAt: null,
  });
  await em.flush();
  return entitlement.id;
}
