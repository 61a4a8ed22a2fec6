import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { readableLogLine } from './readable-log-line.js';

/**
 * How a crashed process is brought back: after `initialDelayMs`, doubling up to `maxDelayMs`,
 * until it has failed fast (within `fastFailureMs` of starting) `maxFastFailures` times in a row.
 * A run that lasted longer than `fastFailureMs` resets the count and the delay.
 */
export interface RestartPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  fastFailureMs: number;
  maxFastFailures: number;
}

/** The restart policy of the worker, the API and the storefront edge under `npm start`. */
export const RESTART_ON_CRASH: RestartPolicy = {
  initialDelayMs: 500,
  maxDelayMs: 8_000,
  fastFailureMs: 15_000,
  maxFastFailures: 5,
};

/** What to run and how to label its output. */
export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Restart it when it crashes; without a policy a crash is final. */
  restart?: RestartPolicy;
}

/**
 * A child process of the start command. Each runs in its own process group, so a Ctrl-C in
 * the terminal reaches only the start command, which then stops the children in order
 * (api before worker before Temporal). Its pid is kept in `<runDir>/<name>.pid` so that a
 * later start can clear leftovers of a run that was killed outright. With a restart policy a
 * crash is answered by starting it again (said so in its log) until it keeps failing fast.
 */
export class ManagedProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<number | null> = Promise.resolve(null);
  /** Called when the process ends without having been asked to stop (with a policy: when it gives up). */
  onUnexpectedExit: ((code: number | null) => void) | undefined;
  private stopping = false;
  private startedAt = 0;
  private fastFailures = 0;
  private delayMs = 0;
  private pendingRestart: NodeJS.Timeout | undefined;
  /** How many times it was started again after a crash. */
  restarts = 0;

  constructor(
    private readonly spec: ProcessSpec,
    private readonly runDir: string,
  ) {}

  get name(): string {
    return this.spec.name;
  }

  private get pidFile(): string {
    return path.join(this.runDir, `${this.spec.name}.pid`);
  }

  /** Starts the process, prefixing each line it prints with its name. */
  start(): void {
    mkdirSync(this.runDir, { recursive: true });
    this.startedAt = Date.now();
    const child = spawn(this.spec.command, this.spec.args, {
      cwd: this.spec.cwd,
      env: this.spec.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    if (child.pid !== undefined) writeFileSync(this.pidFile, String(child.pid));
    // Readable log lines for a developer; production keeps pino's JSON for its log pipeline.
    const show = this.spec.env?.FANFARE_ENV === 'production' ? (line: string) => line : readableLogLine;
    for (const stream of [child.stdout, child.stderr]) {
      if (stream === null) continue;
      readline.createInterface({ input: stream }).on('line', (line) => {
        process.stdout.write(`[${this.spec.name}] ${show(line)}\n`);
      });
    }
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        rmSync(this.pidFile, { force: true });
        if (!this.stopping) this.crashed(code, signal ?? undefined);
        resolve(code);
      });
      child.once('error', (error) => {
        process.stdout.write(`[${this.spec.name}] could not start: ${error.message}\n`);
        rmSync(this.pidFile, { force: true });
        if (!this.stopping) this.crashed(null, undefined);
        resolve(null);
      });
    });
  }

  /** Restarts after a crash with backoff, or gives up (and reports) after repeated fast failures. */
  private crashed(code: number | null, signal: string | undefined): void {
    const policy = this.spec.restart;
    const how = signal === undefined ? `code ${code}` : `signal ${signal}`;
    if (policy === undefined) {
      this.onUnexpectedExit?.(code);
      return;
    }
    // What the crashed process left of its group (tsx runs the script in a child) goes too.
    if (this.child?.pid !== undefined) signalGroup(this.child.pid, 'SIGKILL');
    const ranMs = Date.now() - this.startedAt;
    if (ranMs >= policy.fastFailureMs) {
      this.fastFailures = 0;
      this.delayMs = 0;
    }
    this.fastFailures += 1;
    if (this.fastFailures > policy.maxFastFailures) {
      process.stdout.write(
        `[${this.spec.name}] crashed (${how}) ${this.fastFailures} times in a row within ${policy.fastFailureMs} ms of starting; giving up\n`,
      );
      this.onUnexpectedExit?.(code);
      return;
    }
    this.delayMs = this.delayMs === 0 ? policy.initialDelayMs : Math.min(this.delayMs * 2, policy.maxDelayMs);
    process.stdout.write(
      `[${this.spec.name}] crashed (${how}) after ${ranMs} ms; restarting in ${this.delayMs} ms ` +
        `(attempt ${this.fastFailures} of ${policy.maxFastFailures})\n`,
    );
    this.pendingRestart = setTimeout(() => {
      this.pendingRestart = undefined;
      if (this.stopping) return;
      this.restarts += 1;
      this.start();
    }, this.delayMs);
  }

  /** Asks the process group to stop, and kills it when it has not within `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    clearTimeout(this.pendingRestart);
    const child = this.child;
    if (child?.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    signalGroup(child.pid, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child.pid ?? 0, 'SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** True while a process with this pid exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops processes a previous start left behind (its pid files are still there because it was
 * killed before it could clean up), so a second start never meets "port in use" from its
 * own leftovers. Returns the names it stopped.
 */
export async function stopLeftovers(runDir: string, names: readonly string[]): Promise<string[]> {
  const stopped: string[] = [];
  for (const name of names) {
    const file = path.join(runDir, `${name}.pid`);
    if (!existsSync(file)) continue;
    const pid = Number(readFileSync(file, 'utf8'));
    if (Number.isInteger(pid) && pid > 1 && alive(pid)) {
      signalGroup(pid, 'SIGTERM');
      for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
      if (alive(pid)) signalGroup(pid, 'SIGKILL');
      stopped.push(name);
    }
    rmSync(file, { force: true });
  }
  return stopped;
}
