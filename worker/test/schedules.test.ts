import { Client, Connection } from '@temporalio/client';
import { FX_REFRESH_CRON, FX_REFRESH_SCHEDULE_ID, FX_REFRESH_WORKFLOW_TYPE } from '@fanfare/contracts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../../scripts/test-support/provided.js';
import { registerSchedules } from '../src/schedules.js';

let connection: Connection;
let client: Client;

beforeAll(async () => {
  connection = await Connection.connect({ address: inject('temporalAddress') });
  client = new Client({ connection, namespace: inject('temporalNamespace') });
});
afterAll(async () => {
  await connection?.close();
});

describe('registerSchedules (real Temporal dev server)', () => {
  it('creates the daily FX refresh schedule once; a second worker finds it present', async () => {
    const first = await registerSchedules(client);
    const second = await registerSchedules(client);
    expect([...first.created, ...first.alreadyPresent]).toEqual([FX_REFRESH_SCHEDULE_ID]);
    expect(second).toEqual({ created: [], alreadyPresent: [FX_REFRESH_SCHEDULE_ID] });
    const description = await client.schedule.getHandle(FX_REFRESH_SCHEDULE_ID).describe();
    expect(description.action).toMatchObject({ type: 'startWorkflow', workflowType: FX_REFRESH_WORKFLOW_TYPE });
    expect(JSON.stringify(description.spec)).toContain('15');
    expect(FX_REFRESH_CRON).toBe('30 15 * * *');
  });
});
