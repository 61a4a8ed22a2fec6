import { randomUUID } from 'node:crypto';
import { DomainError } from '@fanfare/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuditEvent,
  forPlatform,
  forTenant,
  grantMembership,
  Membership,
  type MikroORM,
  PLATFORM_AUDIT_TENANT,
  revokeMembership,
  tokenRolesOf,
  User,
} from '../src/index.js';
import { openOrm } from './fixtures.js';

let orm: MikroORM;
beforeAll(async () => {
  orm = await openOrm();
});
afterAll(() => orm.close(true));

async function person(): Promise<string> {
  const em = forPlatform(orm.em);
  const user = em.create(User, {
    email: `member-${randomUUID()}@example.com`,
    displayName: 'Member',
    roles: ['buyer'],
  });
  await em.flush();
  return user.id;
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return (error as DomainError).code;
}

describe('memberships: roles as data, every change audited (real PostgreSQL)', () => {
  it('lets an admin make an owner, the owner an editor, and refuses the editor and other stores', async () => {
    const [admin, owner, editor, stranger] = [await person(), await person(), await person(), await person()];
    const store = randomUUID();
    await grantMembership(orm.em, 'system', { userId: admin, tenantId: null, role: 'admin' });
    await grantMembership(orm.em, { userId: admin }, { userId: owner, tenantId: store, role: 'owner' });
    const editorship = await grantMembership(
      orm.em,
      { userId: owner, requestId: 'req-1' },
      { userId: editor, tenantId: store, role: 'editor' },
    );

    expect(
      await refusal(grantMembership(orm.em, { userId: editor }, { userId: stranger, tenantId: store, role: 'editor' })),
    ).toBe('membership_forbidden');
    expect(
      await refusal(
        grantMembership(orm.em, { userId: owner }, { userId: stranger, tenantId: randomUUID(), role: 'editor' }),
      ),
    ).toBe('membership_forbidden');
    expect(
      await refusal(grantMembership(orm.em, { userId: owner }, { userId: stranger, tenantId: null, role: 'finance' })),
    ).toBe('membership_forbidden');
    expect(
      await refusal(grantMembership(orm.em, { userId: admin }, { userId: stranger, tenantId: store, role: 'admin' })),
    ).toBe('invalid_membership');

    expect(await tokenRolesOf(orm.em, admin)).toEqual(['buyer', 'admin']);
    expect(await tokenRolesOf(orm.em, editor)).toEqual(['buyer', 'creator']);
    expect(await tokenRolesOf(orm.em, stranger)).toEqual(['buyer']);

    const trail = await forTenant(orm.em, store).find(
      AuditEvent,
      { subjectType: 'membership' },
      { orderBy: { occurredAt: 'asc' } },
    );
    expect(trail.map((e) => [e.action, e.actorId, e.data.role])).toEqual([
      ['membership.granted', admin, 'owner'],
      ['membership.granted', owner, 'editor'],
    ]);
    expect(trail[1]?.requestId).toBe('req-1');
    const platformTrail = await forTenant(orm.em, PLATFORM_AUDIT_TENANT).find(AuditEvent, {
      subjectId: { $in: (await forPlatform(orm.em).find(Membership, { userId: admin })).map((m) => m.id) },
    });
    expect(platformTrail.map((e) => [e.action, e.actorType])).toEqual([['membership.granted', 'system']]);
    expect(editorship.grantedBy).toBe(owner);
  });

  it('grants idempotently, revokes once, and keeps the revoked row and both audit entries', async () => {
    const [admin, moderator] = [await person(), await person()];
    await grantMembership(orm.em, 'system', { userId: admin, tenantId: null, role: 'admin' });
    const first = await grantMembership(
      orm.em,
      { userId: admin },
      { userId: moderator, tenantId: null, role: 'moderator' },
    );
    const again = await grantMembership(
      orm.em,
      { userId: admin },
      { userId: moderator, tenantId: null, role: 'moderator' },
    );
    expect(again.id).toBe(first.id);
    expect(await tokenRolesOf(orm.em, moderator)).toEqual(['buyer', 'moderator']);

    expect(await refusal(revokeMembership(orm.em, { userId: moderator }, first.id))).toBe('membership_forbidden');
    const revoked = await revokeMembership(orm.em, { userId: admin }, first.id);
    expect(revoked).toMatchObject({ revokedBy: admin });
    expect(await revokeMembership(orm.em, { userId: admin }, first.id)).toBeNull();
    expect(await tokenRolesOf(orm.em, moderator)).toEqual(['buyer']);

    const trail = await forTenant(orm.em, PLATFORM_AUDIT_TENANT).find(
      AuditEvent,
      { subjectId: first.id },
      { orderBy: { occurredAt: 'asc' } },
    );
    expect(trail.map((e) => e.action)).toEqual(['membership.granted', 'membership.revoked']);
    expect(await forPlatform(orm.em).count(Membership, { userId: moderator })).toBe(1);
  });
});
