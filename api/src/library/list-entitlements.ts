import type { Static } from 'typebox';
import { Asset, deliveredProductIds, Entitlement, Product, type EntityManager } from '@fanfare/db';
import type { LibraryEntitlementView } from '../schemas/library.js';
import { boughtBy, type BuyerAccount } from '../auth/access-caller.js';

/** One library entry as the API answers it. */
export type LibraryEntry = Static<typeof LibraryEntitlementView>;

/**
 * What the caller owns in this storefront right now (active, within any subscription period),
 * newest first, each with its product and the files it can download (a bundle's are those of
 * every product it bundles). Guest purchases made with the caller's email count as theirs.
 */
export async function listLibrary(em: EntityManager, caller: BuyerAccount, now = new Date()): Promise<LibraryEntry[]> {
  const owned = await em.find(
    Entitlement,
    {
      status: 'active',
      $and: [boughtBy(caller, 'userId'), { $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }] }],
    },
    { orderBy: { grantedAt: 'desc', id: 'asc' } },
  );
  if (owned.length === 0) return [];
  const productIds = [...new Set(owned.map((entitlement) => entitlement.productId))];
  const products = await em.find(Product, { id: { $in: productIds } });
  const assets = await em.find(
    Asset,
    { productId: { $in: [...new Set(products.flatMap(deliveredProductIds))] }, kind: 'download', status: 'ready' },
    { orderBy: { filename: 'asc' } },
  );
  const productById = new Map(products.map((product) => [product.id, product]));
  return owned.flatMap((entitlement) => {
    const product = productById.get(entitlement.productId);
    if (product === undefined) return [];
    const delivered = new Set(deliveredProductIds(product));
    const files = entitlement.rights.download
      ? assets.filter((asset) => asset.productId != null && delivered.has(asset.productId))
      : [];
    return [
      {
        id: entitlement.id,
        orderId: entitlement.orderId,
        status: entitlement.status,
        grantedAt: entitlement.grantedAt.toISOString(),
        expiresAt: entitlement.expiresAt?.toISOString() ?? null,
        eulaVersion: entitlement.eulaVersion,
        rights: { ...entitlement.rights, usageUsed: entitlement.usageUsed },
        product: {
          id: product.id,
          title: product.title,
          slug: product.slug,
          kind: product.kind,
          mediaType: product.mediaType,
        },
        assets: files.map((asset) => ({
          id: asset.id,
          filename: asset.filename,
          contentType: asset.contentType,
          sizeBytes: asset.sizeBytes,
        })),
      },
    ];
  });
}
