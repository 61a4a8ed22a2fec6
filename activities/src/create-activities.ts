import type {
  AssetActivities,
  AuditActivities,
  CapacityActivities,
  DiscountActivities,
  EntitlementActivities,
  FxActivities,
  InvoiceActivities,
  MediaActivities,
  OrderActivities,
  PaymentActivities,
  StorageActivities,
  VatActivities,
} from '@fanfare/workflows';
import { createAssetActivities, type DbActivityDeps } from './db/asset-activities.js';
import { createAuditActivities } from './db/audit-activities.js';
import { createEntitlementActivities } from './db/entitlement-activities.js';
import { createOrderActivities } from './db/order-activities.js';
import { createDiscountActivities } from './db/discount-activities.js';
import { createCapacityActivities } from './db/capacity-activities.js';
import { createInvoiceActivities, type InvoiceActivityDeps } from './db/invoice-activities.js';
import { createFxActivities, type FxActivityDeps } from './fx/fx-activities.js';
import { createVatActivities, type VatActivityDeps } from './vat/vat-activities.js';
import { createPaymentActivities, type PaymentActivityDeps } from './stripe/payment-activities.js';
import { createMediaActivities, type MediaActivityDeps } from './media/media-activities.js';
import { createStorageActivities, type StorageActivityDeps } from './storage/storage-activities.js';
import { createMailActivities, type MailActivityDeps } from './mail/mail-activities.js';
import type { MailActivities } from './mail/mail-contract.js';

/** Every activity the worker registers, keyed by the names workflows call them by. */
export type FanfareActivities = StorageActivities &
  MediaActivities &
  AssetActivities &
  AuditActivities &
  EntitlementActivities &
  OrderActivities &
  PaymentActivities &
  DiscountActivities &
  CapacityActivities &
  InvoiceActivities &
  FxActivities &
  VatActivities &
  MailActivities;

/** Everything the activity groups need, already built by the caller from configuration. */
export type ActivityDeps = StorageActivityDeps &
  MediaActivityDeps &
  DbActivityDeps &
  PaymentActivityDeps &
  InvoiceActivityDeps &
  FxActivityDeps &
  VatActivityDeps &
  MailActivityDeps;

/**
 * All activity groups over one set of adapters. The object's type is the union of the ports the
 * workflows declare, so a renamed or missing activity fails the typecheck, not a workflow run.
 */
export function createActivities(deps: ActivityDeps): FanfareActivities {
  return {
    ...createStorageActivities(deps),
    ...createMediaActivities(deps),
    ...createAssetActivities(deps),
    ...createAuditActivities(deps),
    ...createEntitlementActivities(deps),
    ...createOrderActivities(deps),
    ...createPaymentActivities(deps),
    ...createDiscountActivities(deps),
    ...createCapacityActivities(deps),
    ...createInvoiceActivities(deps),
    ...createFxActivities(deps),
    ...createVatActivities(deps),
    ...createMailActivities(deps),
  };
}
