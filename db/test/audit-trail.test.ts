import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent, forTenant, type MikroORM } from '../src/index.js';
import { createSampleTenant, openOrm, type SampleTenant } from './fixtures.js';

let orm: MikroORM;
let sample: SampleTenant;

beforeAll(async () => {
  orm = await openOrm();
  sample = await createSampleTenant(orm.em, 'audit');
});
afterAll(() => orm.close(true));

describe('audit trail', () => {
  it('accepts new events and refuses to change or delete them', async () => {
    const em = forTenant(orm.em, sample.tenant.id);
    const event = em.create(AuditEvent, {
      actorType: 'user',
      actorId: 'moderator-1',
      action: 'takedown.reviewed',
      subjectType: 'TakedownCase',
      subjectId: 'case-1',
      data: { decision: 'take_down' },
    });
    await em.flush();

    const connection = em.getConnection();
    await expect(
      connection.execute('update audit_events set action = ? where id = ?', ['edited', event.id]),
    ).rejects.toThrow(/append-only/);
    await expect(connection.execute('delete from audit_events where id = ?', [event.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(connection.execute('truncate audit_events')).rejects.toThrow(/append-only/);

    event.action = 'edited through the ORM';
    await expect(em.flush()).rejects.toThrow(/append-only/);

    const stored = await forTenant(orm.em, sample.tenant.id).findOneOrFail(AuditEvent, event.id);
    expect(stored.action).toBe('takedown.reviewed');
    expect(stored.data).toEqual({ decision: 'take_down' });
  });
});
