import { ORDER_STATUSES } from '@fanfare/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MikroORM } from '../src/index.js';
import { openOrm } from './fixtures.js';

let orm: MikroORM;

beforeAll(async () => {
  orm = await openOrm();
});
afterAll(() => orm.close(true));

describe('committed migrations', () => {
  it('are all applied to the scratch database', async () => {
    expect(await orm.migrator.getPending()).toEqual([]);
    expect((await orm.migrator.getExecuted()).length).toBeGreaterThan(0);
  });

  it('leave no difference between the entities and the committed snapshot', async () => {
    expect(await orm.migrator.checkSchema()).toBe(false);
  });

  it('produce exactly the schema the entities describe', async () => {
    const sql = await orm.schema.getUpdateSchemaSQL({ wrap: false });
    expect(sql.trim()).toBe('');
  });
});

describe('the order lifecycle in the database', () => {
  // The entity's enum is the domain's list, and the schema-diff tests above fail until a migration
  // (`pnpm db:migration:create`) brings the check constraint in line: a new status is added once.
  it('is checked against exactly the statuses domain declares', async () => {
    const [row] = await orm.em
      .getConnection()
      .execute<{ definition: string }[]>(
        `select pg_get_constraintdef(oid) as definition from pg_constraint where conname = 'orders_status_check'`,
      );
    const allowed = [...(row?.definition ?? '').matchAll(/'([a-z_]+)'::text/g)].map((match) => match[1]);
    expect(allowed.sort()).toEqual([...ORDER_STATUSES].sort());
  });
});
