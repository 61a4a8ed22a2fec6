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
