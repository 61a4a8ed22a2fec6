import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { readableLogLine } from './readable-log-line.js';

/** What to run and how to label its output. */
export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/**
 * A child process of the start command. Each runs in its own process group, so a Ctrl-C in
 * the terminal reaches only the start command, which then stops the children in order
 * (api before worker before Temporal). Its pid is kept in `<runDir>/<name>.pid` so that a
 * later start can clear leftovers of a run that was killed outright.
 */
export class ManagedProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<number | null> = Promise.resolve(null);
  /** Called when the process ends without having been asked to stop. */
  onUnexpectedExit: ((code: number | null) => void) | undefined;
  private stopping = false;

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
      child.once('exit', (code) => {
        rmSync(this.pidFile, { force: true });
        if (!this.stopping) this.onUnexpectedExit?.(code);
        resolve(code);
      });
      child.once('error', (error) => {
        process.stdout.write(`[${this.spec.name}] could not start: ${error.message}\n`);
        rmSync(this.pidFile, { force: true });
        if (!this.stopping) this.onUnexpectedExit?.(null);
        resolve(null);
      });
    });
  }

  /** Asks the process group to stop, and kills it when it has not within `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    const child = this.child;
    if (child?.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    this.stopping = true;
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
