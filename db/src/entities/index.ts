import { AssetSchema } from './asset.entity.js';
import { AuditEventSchema } from './audit-event.entity.js';
import { CreatorSchema } from './creator.entity.js';
import { DomainSchema } from './domain.entity.js';
import { DownloadGrantSchema } from './download-grant.entity.js';
import { EntitlementSchema } from './entitlement.entity.js';
import { LedgerEntrySchema } from './ledger-entry.entity.js';
import { OrderLineSchema } from './order-line.entity.js';
import { OrderSchema } from './order.entity.js';
import { PaymentSchema } from './payment.entity.js';
import { PayoutSchema } from './payout.entity.js';
import { PriceSchema } from './price.entity.js';
import { ProductSchema } from './product.entity.js';
import { TakedownCaseSchema } from './takedown-case.entity.js';
import { TenantSchema } from './tenant.entity.js';
import { UserSchema } from './user.entity.js';
import { WorkSchema } from './work.entity.js';
import { StripeEventSchema } from './stripe-event.entity.js';
import { InvoiceCounterSchema } from './invoice-counter.entity.js';
import { DiscountCodeSchema } from './discount-code.entity.js';
import { DiscountRedemptionSchema } from './discount-redemption.entity.js';
import { FxRateSnapshotSchema } from './fx-rate-snapshot.entity.js';
import { InvoiceSchema } from './invoice.entity.js';
import { CapacityReservationSchema } from './capacity-reservation.entity.js';
import { WishlistItemSchema } from './wishlist-item.entity.js';
import { MailDeliverySchema } from './mail-delivery.entity.js';
import { MailSuppressionSchema } from './mail-suppression.entity.js';
import { OidcPayloadSchema } from './oidc-payload.entity.js';
import { MembershipSchema } from './membership.entity.js';
import { TrackTranscodeSchema } from './track-transcode.entity.js';

export * from './asset.entity.js';
export * from './audit-event.entity.js';
export * from './creator.entity.js';
export * from './domain.entity.js';
export * from './download-grant.entity.js';
export * from './entitlement.entity.js';
export * from './ledger-entry.entity.js';
export * from './order-line.entity.js';
export * from './order.entity.js';
export * from './payment.entity.js';
export * from './payout.entity.js';
export * from './price.entity.js';
export * from './product.entity.js';
export * from './takedown-case.entity.js';
export * from './tenant.entity.js';
export * from './user.entity.js';
export * from './work.entity.js';
export * from './stripe-event.entity.js';
export * from './invoice-counter.entity.js';
export * from './discount-code.entity.js';
export * from './discount-redemption.entity.js';
export * from './fx-rate-snapshot.entity.js';
export * from './invoice.entity.js';
export * from './capacity-reservation.entity.js';
export * from './wishlist-item.entity.js';
export * from './mail-delivery.entity.js';
export * from './mail-suppression.entity.js';
export * from './oidc-payload.entity.js';
export * from './membership.entity.js';
export * from './track-transcode.entity.js';

/** Platform-level entities: no tenant filter. */
export const platformEntities = [
  TenantSchema,
  UserSchema,
  StripeEventSchema,
  FxRateSnapshotSchema,
  MailDeliverySchema,
  MailSuppressionSchema,
  OidcPayloadSchema,
  MembershipSchema,
] as const;

/** Every entity carrying `tenantId` and the default `tenant` filter. */
export const tenantOwnedEntities = [
  DomainSchema,
  CreatorSchema,
  WorkSchema,
  ProductSchema,
  PriceSchema,
  AssetSchema,
  OrderSchema,
  OrderLineSchema,
  PaymentSchema,
  EntitlementSchema,
  DownloadGrantSchema,
  LedgerEntrySchema,
  PayoutSchema,
  TakedownCaseSchema,
  AuditEventSchema,
  InvoiceCounterSchema,
  DiscountCodeSchema,
  DiscountRedemptionSchema,
  InvoiceSchema,
  CapacityReservationSchema,
  WishlistItemSchema,
  TrackTranscodeSchema,
] as const;

/** The explicit entity list given to MikroORM (no folder scanning). */
export const entities = [...platformEntities, ...tenantOwnedEntities];
