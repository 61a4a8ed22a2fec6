import type { ActivityGroups } from '@fanfare/contracts';
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
import { createTranscodeActivities, type TranscodeActivityDeps } from './media/transcode-activities.js';
import { createTrackActivities } from './db/track-activities.js';

/** The intersection of a union's members (`A | B` → `A & B`). */
type Intersection<U> = (U extends unknown ? (member: U) => void : never) extends (all: infer I) => void ? I : never;

/** Every activity the worker registers, keyed by the names workflows call them by: all groups in one. */
export type FanfareActivities = Intersection<ActivityGroups[keyof ActivityGroups]>;

/** Everything the activity groups need, already built by the caller from configuration. */
export type ActivityDeps = StorageActivityDeps &
  MediaActivityDeps &
  TranscodeActivityDeps &
  DbActivityDeps &
  PaymentActivityDeps &
  InvoiceActivityDeps &
  FxActivityDeps &
  VatActivityDeps &
  MailActivityDeps;

/**
 * Every activity group over one set of adapters, by the names the process registry uses, so the
 * worker registers on each task queue the groups its processes call. Each group's type is the
 * port the workflows declare: a renamed or missing activity fails the typecheck, not a run.
 */
export function createActivityGroups(deps: ActivityDeps): ActivityGroups {
  return {
    storage: createStorageActivities(deps),
    media: createMediaActivities(deps),
    assets: createAssetActivities(deps),
    audit: createAuditActivities(deps),
    entitlements: createEntitlementActivities(deps),
    orders: createOrderActivities(deps),
    payments: createPaymentActivities(deps),
    discounts: createDiscountActivities(deps),
    capacity: createCapacityActivities(deps),
    invoices: createInvoiceActivities(deps),
    fx: createFxActivities(deps),
    vat: createVatActivities(deps),
    mail: createMailActivities(deps),
    transcoding: createTranscodeActivities(deps),
    tracks: createTrackActivities(deps),
  };
}

/** All activity groups as one object (tests that run every activity on one queue). */
export function createActivities(deps: ActivityDeps): FanfareActivities {
  return Object.assign({}, ...Object.values(createActivityGroups(deps))) as FanfareActivities;
}
