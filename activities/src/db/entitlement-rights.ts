import type { EntitlementRights, Product } from '@fanfare/db';

/** What owning `product` lets the buyer do; `quantity` packs of tokens add up. */
export function rightsFor(product: Product, quantity: number): EntitlementRights {
  const streamable = product.mediaType === 'music' || product.mediaType === 'video' || product.mediaType === 'podcast';
  return {
    download: product.kind !== 'token_pack',
    stream: streamable,
    deviceLimit: product.deviceLimit,
    downloadLimit: product.downloadLimit,
    ...(product.kind === 'token_pack' && product.tokenAmount != null
      ? { usageCap: product.tokenAmount * quantity }
      : {}),
  };
}

/**
 * When a subscription bought at `grantedAt` ends its first period: one calendar month or year
 * later (UTC), or `periodMs` later when a policy overrides it. Null for anything else.
 */
export function periodEnd(product: Product, grantedAt: Date, periodMs: number | undefined): Date | null {
  if (product.kind !== 'subscription' || product.subscriptionInterval === null) return null;
  if (periodMs !== undefined) return new Date(grantedAt.getTime() + periodMs);
  const end = new Date(grantedAt.getTime());
  const day = end.getUTCDate();
  if (product.subscriptionInterval === 'month') end.setUTCMonth(end.getUTCMonth() + 1);
  else end.setUTCFullYear(end.getUTCFullYear() + 1);
  // 31 January plus a month would roll into March; end on the last day of February instead.
  if (end.getUTCDate() !== day) end.setUTCDate(0);
  return end;
}
