import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseDatabaseServer } from '../dev/database.js';
import { alive } from '../dev/managed-process.js';
import { freePort, isPortOpen } from '../dev/ports.js';

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** A data folder the `postgres` user can enter too (the embedded server runs as that user under root). */
function dataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'fanfare-database-'));
  chmodSync(dir, 0o755);
  scratch.push(dir);
  return dir;
}

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('choosing the PostgreSQL of a local run (real servers)', () => {
  it('uses a set DATABASE_URL as it is, starting nothing, and hides its password in the banner', async () => {
    const server = await chooseDatabaseServer({
      env: { FANFARE_POSTGRES_ADDRESS: '127.0.0.1:1' },
      explicitUrl: 'postgres://app:secret@db.internal:6543/shop?sslmode=require',
      clusterDir: path.join(dataDir(), 'postgres'),
    });
    expect(server.source).toBe('explicit');
    expect(server.productUrl).toBe('postgres://app:secret@db.internal:6543/shop?sslmode=require');
    expect(server.url('postgres')).toBe('postgres://app:secret@db.internal:6543/postgres?sslmode=require');
    expect(server.description).toBe('postgres://app:***@db.internal:6543/shop?sslmode=require (as set)');
  });

  it('starts an embedded PostgreSQL 18 when nothing answers, keeps its data across restarts, and clears a leftover', async () => {
    const unreachable = `127.0.0.1:${await freePort()}`;
    const clusterDir = path.join(dataDir(), 'postgres');
    const choose = () =>
      chooseDatabaseServer({ env: { FANFARE_POSTGRES_ADDRESS: unreachable }, explicitUrl: undefined, clusterDir });

    const first = await choose();
    expect(first.source).toBe('embedded');
    expect(first.description).toContain(`nothing answers at ${unreachable}`);
    expect(await query(first.url('postgres'), 'show server_version')).toEqual([
      { server_version: expect.stringMatching(/^18\./) },
    ]);
    await query(first.url('postgres'), 'create table kept (note text); insert into kept values ($$still here$$)');
    const port = Number(new URL(first.url('postgres')).port);
    await first.stop();
    expect(await isPortOpen(port)).toBe(false);
    expect(existsSync(path.join(clusterDir, 'PG_VERSION'))).toBe(true);

    // The supervising Node processes (tsx and the script it runs) die outright, as in a crash; the
    // server they started keeps running. (A supervisor that sees its parent go stops it itself.)
    const second = await choose();
    expect(await query(second.url('postgres'), 'select note from kept')).toEqual([{ note: 'still here' }]);
    const supervisor = Number(readFileSync(`${clusterDir}.pid`, 'utf8'));
    const postmaster = Number(readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const inner = readFileSync(`/proc/${supervisor}/task/${supervisor}/children`, 'utf8').trim().split(/\s+/);
    for (const pid of [...inner.map(Number), supervisor]) process.kill(pid, 'SIGKILL');
    await expect.poll(() => alive(supervisor)).toBe(false);
    expect(alive(postmaster)).toBe(true);

    const third = await choose();
    expect(alive(postmaster)).toBe(false);
    expect(await query(third.url('postgres'), 'select note from kept')).toEqual([{ note: 'still here' }]);
    await third.stop();
    await second.stop();
  }, 120_000);
});
