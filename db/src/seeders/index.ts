export { seedDemoCatalog, type SeedDemoOptions, type SeedSummary } from './seed-demo-catalog.js';
export { DEMO_TENANTS, DEMO_PLATFORM_USERS, DEMO_EULA_VERSION } from './demo-catalog.js';
export { HLS_PLAYLIST, PREVIEW_HLS_FOLDER } from './preview-media.js';
