/**
 * `npm start`: runs the whole product locally — Temporal dev server (with its UI), stripe-mock,
 * database migrations and demo data, the worker and the API — prints the URLs, and stops
 * everything it started on Ctrl-C. State lives in `.data/` and survives restarts.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, DEFAULT_SMTP_URL, loadConfig, repoRoot, type FanfareConfig } from '@fanfare/config';
import { FANFARE_SEARCH_ATTRIBUTES } from '@fanfare/contracts';
import { workerPolling } from './worker-polling.js';
import { ManagedProcess, RESTART_ON_CRASH, stopLeftovers, type ProcessSpec } from './managed-process.js';
import { chooseDatabaseServer } from './database.js';
import { isPortFree, isPortOpen, waitFor } from './ports.js';
import { commandRuns, runOnce } from './run-once.js';

const DEFAULT_STRIPE_API_BASE = 'http://127.0.0.1:12111';
const ORDER = ['site', 'api', 'identity', 'worker', 'mailpit', 'stripe-mock', 'temporal'] as const;

function portOf(hostPort: string): { host: string; port: number } {
  const colon = hostPort.lastIndexOf(':');
  return { host: hostPort.slice(0, colon), port: Number(hostPort.slice(colon + 1)) };
}

function urlPort(url: string): { host: string; port: number } {
  const parsed = new URL(url);
  return { host: parsed.hostname, port: Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80)) };
}

/** Where `npm start`'s Mailpit listens: SMTP at `SMTP_URL`, its UI and API at `MAILPIT_UI_URL`. */
function mailpitPorts(config: FanfareConfig): {
  smtp: { host: string; port: number };
  mailpitUi: { host: string; port: number };
} {
  const transport = config.mail.transport;
  const smtp = new URL(transport.backend === 'smtp' ? transport.url : DEFAULT_SMTP_URL);
  return { smtp: { host: smtp.hostname, port: Number(smtp.port || 25) }, mailpitUi: urlPort(config.mail.mailpitUiUrl) };
}

function tool(name: string): string {
  return path.join(repoRoot, '.tools', 'bin', name);
}

function tsx(script: string): { command: string; args: string[] } {
  return { command: process.execPath, args: [path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), script] };
}

/** The processes of a local run, in start order. */
function processSpecs(config: FanfareConfig, env: NodeJS.ProcessEnv): ProcessSpec[] {
  const temporal = portOf(config.temporal.address);
  const ui = urlPort(config.temporal.uiUrl);
  const stripe = urlPort(config.stripe.apiBase ?? DEFAULT_STRIPE_API_BASE);
  const { smtp, mailpitUi } = mailpitPorts(config);
  mkdirSync(path.join(config.dataDir, 'temporal'), { recursive: true });
  const restartable = { env, cwd: repoRoot, restart: RESTART_ON_CRASH };
  return [
    {
      name: 'temporal',
      command: tool('temporal'),
      args: [
        'server',
        'start-dev',
        '--ip',
        temporal.host,
        '--port',
        String(temporal.port),
        '--ui-port',
        String(ui.port),
        '--db-filename',
        path.join(config.dataDir, 'temporal', 'temporal.sqlite'),
        // WAL: 1.5-2x the workflows/s of the rollback journal (issue #19). A kill -9 of the server
        // loses nothing (the WAL is in the file system); a power cut may lose the transactions since
        // the last checkpoint's sync, never corrupt the file. An existing file converts on open.
        '--sqlite-pragma',
        'journal_mode=wal',
        '--sqlite-pragma',
        'synchronous=normal',
        '--namespace',
        config.temporal.namespace,
        '--log-level',
        'error',
        ...FANFARE_SEARCH_ATTRIBUTES.flatMap((key) => ['--search-attribute', `${key.name}=Keyword`]),
      ],
      env,
    },
    // stripe-mock also serves HTTPS, on :12112 unless told otherwise; an empty port lets the
    // kernel choose, so two instances (a run and a test run) never collide.
    {
      name: 'stripe-mock',
      command: tool('stripe-mock'),
      args: ['-http-addr', `${stripe.host}:${stripe.port}`, '-https-addr', `${stripe.host}:`],
      env,
    },
    // Mailpit keeps the local inbox in .data/ so letters survive a restart, like everything else.
    {
      name: 'mailpit',
      command: tool('mailpit'),
      args: [
        ...['--smtp', `${smtp.host}:${smtp.port}`, '--listen', `${mailpitUi.host}:${mailpitUi.port}`],
        ...['--database', path.join(config.dataDir, 'mailpit.db'), '--disable-version-check', '--quiet'],
      ],
      env,
    },
    // A crash of these is answered with a restart (backoff, said so in the log), not a stop.
    { name: 'worker', ...tsx(path.join(repoRoot, 'worker', 'src', 'main.ts')), ...restartable },
    { name: 'api', ...tsx(path.join(repoRoot, 'api', 'src', 'server.ts')), ...restartable },
    { name: 'identity', ...tsx(path.join(repoRoot, 'identity', 'src', 'main.ts')), ...restartable },
    { name: 'site', ...tsx(path.join(repoRoot, 'site', 'scripts', 'edge.ts')), ...restartable },
  ];
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

async function main(): Promise<number> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    STRIPE_API_BASE: process.env.STRIPE_API_BASE ?? DEFAULT_STRIPE_API_BASE,
    FANFARE_ENV: process.env.FANFARE_ENV ?? 'development',
  };
  const config = loadConfig(env);
  // The storefront export and build belong to this run's data, like everything else it keeps.
  env.FANFARE_SITE_CATALOG_DIR ??= path.join(config.dataDir, 'site', 'catalog');
  env.FANFARE_SITE_DIST_DIR ??= path.join(config.dataDir, 'site', 'dist');
  const runDir = path.join(config.dataDir, 'run');
  const leftovers = await stopLeftovers(runDir, ORDER);
  if (leftovers.length > 0) console.log(`Stopped leftovers of an earlier run: ${leftovers.join(', ')}`);

  const ports = [
    { name: 'API_PORT', ...urlPort(`http://${config.api.host}:${config.api.port}`) },
    { name: 'TEMPORAL_ADDRESS', ...portOf(config.temporal.address) },
    { name: 'TEMPORAL_UI_URL', ...urlPort(config.temporal.uiUrl) },
    { name: 'STRIPE_API_BASE', ...urlPort(config.stripe.apiBase ?? DEFAULT_STRIPE_API_BASE) },
    { name: 'SITE_PORT', host: config.site.host, port: config.site.port },
    { name: 'SMTP_URL', ...mailpitPorts(config).smtp },
    { name: 'MAILPIT_UI_URL', ...mailpitPorts(config).mailpitUi },
    { name: 'IDENTITY_PORT', host: config.identity.host, port: config.identity.port },
  ];
  for (const { name, host, port } of ports) {
    if (!(await isPortFree(port, host))) {
      console.error(`Port ${port} on ${host} is taken by another program; stop it or set ${name}.`);
      return 1;
    }
  }

  // DATABASE_URL when set, else the machine's PostgreSQL, else an embedded one under .data/.
  const database = await chooseDatabaseServer({
    env,
    explicitUrl: process.env.DATABASE_URL,
    clusterDir: path.join(config.dataDir, 'postgres'),
  }).catch((error: Error) => error);
  if (database instanceof Error) {
    console.error(`PostgreSQL: ${database.message}`);
    return 1;
  }
  env.DATABASE_URL = database.productUrl;

  const specs = processSpecs(config, env);
  const processes = new Map(specs.map((spec) => [spec.name, new ManagedProcess(spec, runDir)]));
  let shuttingDown: Promise<void> | undefined;
  const shutdown = (): Promise<void> => {
    shuttingDown ??= (async () => {
      console.log('Stopping…');
      for (const name of ORDER) await processes.get(name)?.stop();
      await database.stop();
      console.log('Stopped.');
    })();
    return shuttingDown;
  };
  let failed = false;
  for (const managed of processes.values()) {
    managed.onUnexpectedExit = (code) => {
      console.error(`${managed.name} exited unexpectedly (code ${code}); stopping the rest.`);
      failed = true;
      void shutdown().then(() => process.exit(1));
    };
  }
  const stopOnSignal = (): void => {
    void shutdown().then(() => process.exit(failed ? 1 : 0));
  };
  process.on('SIGINT', stopOnSignal);
  process.on('SIGTERM', stopOnSignal);
  process.on('SIGHUP', stopOnSignal);

  try {
    processes.get('temporal')?.start();
    processes.get('stripe-mock')?.start();
    processes.get('mailpit')?.start();
    await runOnce('migrate', tsx(path.join(repoRoot, 'db', 'src', 'cli', 'migrate.ts')), env);
    // The demo media are rendered with ffmpeg; without it the rest still starts, unseeded.
    if (commandRuns(config.media.ffmpegPath, ['-version'])) {
      await runOnce('seed', tsx(path.join(repoRoot, 'db', 'src', 'cli', 'seed.ts')), env);
    } else {
      console.warn(
        `${config.media.ffmpegPath} cannot run: the demo catalog is not seeded. Install ffmpeg and start again.`,
      );
    }
    await runOnce('site', tsx(path.join(repoRoot, 'site', 'scripts', 'build.ts')), env);
    const temporal = portOf(config.temporal.address);
    await waitFor('Temporal', () => isPortOpen(temporal.port, temporal.host), 60_000);
    processes.get('worker')?.start();
    processes.get('api')?.start();
    processes.get('identity')?.start();
    processes.get('site')?.start();
    const health = `http://${config.api.host}:${config.api.port}/v1/health`;
    await Promise.all([
      waitFor('the API', () => healthy(health), 90_000),
      waitFor('the worker', () => workerPolling(config), 120_000),
      waitFor('the storefront edge', () => isPortOpen(config.site.port, config.site.host), 60_000),
      waitFor(
        'the identity provider',
        () => healthy(`${config.identity.issuer}/.well-known/openid-configuration`),
        60_000,
      ),
    ]);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    await shutdown();
    return 1;
  }

  const api = `http://${config.api.host}:${config.api.port}`;
  console.log(
    [
      '',
      'Fanfare is running:',
      `  API            ${api}  (health ${api}/v1/health, OpenAPI ${api}/docs)`,
      `  Temporal UI    ${config.temporal.uiUrl}  (namespace ${config.temporal.namespace}, gRPC ${config.temporal.address})`,
      `  Stripe (mock)  ${config.stripe.apiBase ?? DEFAULT_STRIPE_API_BASE}`,
      `  PostgreSQL     ${database.description}`,
      `  Sign-in (OIDC) ${config.identity.issuer}  (discovery /.well-known/openid-configuration; codes arrive in Mailpit)`,
      `  Mail (Mailpit) ${config.mail.mailpitUiUrl}  (every letter sent locally; SMTP ${mailpitPorts(config).smtp.host}:${mailpitPorts(config).smtp.port})`,
      `  Storefronts    http://aurora.localhost:${config.site.port}  (and http://inkwell.localhost:${config.site.port}; API with Host aurora.localhost)`,
      `  Data           ${config.dataDir}`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  return await new Promise<number>(() => {
    // Runs until a signal or an unexpected exit ends the process.
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);
