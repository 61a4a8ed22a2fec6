/**
 * The layering of ../shared/ARCHITECTURE.md as rules `npm test` checks (docs/decisions/0007):
 * domain ← contracts ← {workflows, activities, api}; domain ← db ← {activities, api}; only the
 * worker imports workflow bodies and activity implementations; site and admin never import db or
 * activities. Imports are matched by the resolved path, so package names and relative paths alike.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'domain holds the business rules: it imports no other workspace package.',
      severity: 'error',
      from: { path: '^domain/' },
      to: { path: '^(contracts|db|workflows|activities|worker|api|site|admin|storage|config)/' },
    },
    {
      name: 'contracts-on-domain-only',
      comment: 'contracts are types and constants over the domain: no db, no workflow bodies, no activities.',
      severity: 'error',
      from: { path: '^contracts/' },
      to: { path: '^(db|workflows|activities|worker|api|site|admin|storage)/' },
    },
    {
      name: 'workflows-no-io',
      comment: 'workflow code is deterministic: it reaches the world only through activity ports (contracts).',
      severity: 'error',
      from: { path: '^workflows/src/' },
      to: { path: '^(db|activities|worker|api|site|admin|storage|config)/' },
    },
    {
      name: 'only-the-worker-imports-workflow-bodies',
      comment: 'the api, activities and scripts use @fanfare/contracts; only the worker bundles workflows.',
      severity: 'error',
      from: { path: '^(api|activities|scripts|e2e|site|admin|domain|db|contracts)/' },
      to: { path: '^workflows/src/' },
    },
    {
      name: 'only-the-worker-imports-activities',
      comment: 'activity implementations are composed by the worker; everyone else sees their ports.',
      severity: 'error',
      from: { path: '^(api|workflows|scripts|e2e|site|admin|domain|db|contracts)/' },
      to: { path: '^activities/src/' },
    },
    {
      name: 'db-below-activities-and-api',
      comment: 'db is used by activities and the api, never the other way round.',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: '^(contracts|workflows|activities|worker|api|site|admin)/' },
    },
    {
      name: 'storefront-and-console-over-http',
      comment: 'site and admin talk to the api over HTTP, never to the database or activities.',
      severity: 'error',
      from: {
        path: '^(site|admin)/',
        // TEMPORARY: the catalog export still runs from site/ and reads @fanfare/db. Delete this
        // exception when it moves behind the api. (The edge now resolves tenants over HTTP.)
        pathNot: '^site/src/export/export-catalog\\.ts$',
      },
      to: { path: '^(db|activities)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|\\.astro|\\.tools|\\.data)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    combinedDependencies: true,
  },
};
