export { createActivities, type ActivityDeps, type FanfareActivities } from './create-activities.js';
export { createStorageActivities, type StorageActivityDeps } from './storage/storage-activities.js';
export { createMediaActivities, type MediaActivityDeps } from './media/media-activities.js';
export { checkFfprobe, FfprobeUnavailableError } from './media/ffprobe.js';
export { createAssetActivities, type DbActivityDeps } from './db/asset-activities.js';
export { createAuditActivities } from './db/audit-activities.js';
export { uuidFromKey } from './db/deterministic-uuid.js';
export { createEntitlementActivities, entitlementIdFor } from './db/entitlement-activities.js';
