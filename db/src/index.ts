export * from './entities/index.js';
export { createOrm, ormOptions, migrationsPath } from './orm.js';
export { ensureDatabase, migrateToLatest } from './migrate.js';
export { forTenant, forPlatform } from './tenancy/tenant-scope.js';
export { CrossTenantWriteError, TenantWriteGuard } from './tenancy/tenant-write-guard.js';
export {
  TENANT_FILTER,
  MissingTenantScopeError,
  tenantIdOf,
  type TenantFilterParams,
} from './tenancy/tenant-filter.js';
export type { MikroORM, EntityManager } from '@mikro-orm/postgresql';
export { TenantRepository } from './repositories/tenant.repository.js';
export {
  recordLedgerTransaction,
  creatorBalances,
  ledgerImbalance,
  UnbalancedLedgerTransactionError,
  type LedgerLeg,
} from './repositories/ledger.js';
export * from './seeders/index.js';
export { loadQuoteCatalog, discountRuleOf, catalogProductOf, priceListEntryOf } from './repositories/quote-catalog.js';
export { priceStoredCart, type StoredCartContext } from './repositories/price-stored-cart.js';
export {
  discountUsage,
  reserveDiscountRedemption,
  confirmDiscountRedemption,
  releaseDiscountRedemption,
  type RedemptionRequest,
  type RedemptionState,
} from './repositories/discount-redemptions.js';
export {
  nextInvoiceSequence,
  formatSequenceNumber,
  parseSequenceNumber,
  type InvoiceSequenceNumber,
} from './repositories/invoice-sequence.js';
export { latestFxSnapshot, storeFxSnapshot } from './repositories/fx-snapshots.js';
export { documentOf, columnsOf } from './repositories/invoice-documents.js';
export {
  heldCapacityUnits,
  reserveTokenCapacity,
  confirmTokenCapacity,
  releaseTokenCapacity,
  type CapacityLine,
  type CapacityRequest,
  type CapacityReservationState,
} from './repositories/capacity-reservations.js';
export { searchProducts, type ProductSearch, type ProductSearchHit } from './search/search-products.js';
export { recordWishlistChange, listWishlist, type WishlistChange } from './repositories/wishlist.js';
export { activateProduct, deliveredProductIds, productsDelivering } from './repositories/product-files.js';
export {
  activeMemberships,
  grantMembership,
  PLATFORM_AUDIT_TENANT,
  revokeMembership,
  tokenRolesOf,
  type MembershipChanger,
} from './repositories/memberships.js';
