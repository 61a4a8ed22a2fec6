import { spawn, spawnSync } from 'node:child_process';
import readline from 'node:readline';

/** Runs a one-shot step (migrations, seeding) to completion, prefixing its output. */
export function runOnce(
  name: string,
  command: { command: string; args: string[] },
  env: NodeJS.ProcessEnv,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command.command, command.args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream }).on('line', (line) => process.stdout.write(`[${name}] ${line}\n`));
    }
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${name} failed (exit code ${code})`))));
  });
}

/** True when `command` can be run and exits 0 with `args` (a tool the machine may lack, such as ffmpeg). */
export function commandRuns(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore', timeout: 10_000 }).status === 0;
}
