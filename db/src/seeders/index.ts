export { seedDemoCatalog, type SeedDemoOptions, type SeedSummary } from './seed-demo-catalog.js';
export { DEMO_TENANTS, DEMO_PLATFORM_USERS, DEMO_EULA_VERSION } from './demo-catalog.js';
