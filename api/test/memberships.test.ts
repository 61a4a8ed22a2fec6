import { randomUUID } from 'node:crypto';
import { grantMembership, Membership } from '@fanfare/db';
import { ROLES, type Role } from '@fanfare/domain';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from './support/responses.js';
import { buildTestApp } from './support/test-app.js';
import { devToken } from './support/tokens.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildTestApp();
});
afterAll(async () => {
  await app?.close();
});

const email = (who: string) => `${who}-${randomUUID().slice(0, 8)}@example.com`;

function grant(token: string | undefined, body: Record<string, unknown>) {
  return app.inject({
    method: 'POST',
    url: '/v1/memberships',
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    payload: body,
  });
}

const revoke = (token: string, id: string) =>
  app.inject({ method: 'DELETE', url: `/v1/memberships/${id}`, headers: { authorization: `Bearer ${token}` } });

describe('POST /v1/memberships, DELETE /v1/memberships/:id (decided by memberships in the database)', () => {
  it('refuses every token role without the membership, even a token that says admin', async () => {
    const target = await devToken(app, email('target'), 'buyer');
    for (const role of ROLES as readonly Role[]) {
      const caller = await devToken(app, email(role), role);
      for (const body of [
        { userId: target.userId, tenantId: null, role: 'finance' },
        { userId: target.userId, tenantId: randomUUID(), role: 'editor' },
      ]) {
        expectError(await grant(caller.token, body), 403, 'membership_forbidden');
      }
    }
    expectError(
      await grant(undefined, { userId: target.userId, tenantId: null, role: 'finance' }),
      401,
      'unauthenticated',
    );
  });

  it('lets an admin grant an owner, the owner an editor, and audits the request id', async () => {
    const admin = await devToken(app, email('admin'), 'admin');
    await grantMembership(app.orm.em, 'system', { userId: admin.userId, tenantId: null, role: 'admin' });
    const [owner, editor] = [
      await devToken(app, email('owner'), 'buyer'),
      await devToken(app, email('editor'), 'buyer'),
    ];
    const store = randomUUID();

    const made = await grant(admin.token, { userId: owner.userId, tenantId: store, role: 'owner' });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({
      userId: owner.userId,
      tenantId: store,
      role: 'owner',
      grantedBy: admin.userId,
    });

    const editorship = await grant(owner.token, { userId: editor.userId, tenantId: store, role: 'editor' });
    expect(editorship.statusCode).toBe(201);
    expectError(
      await grant(owner.token, { userId: editor.userId, tenantId: randomUUID(), role: 'editor' }),
      403,
      'membership_forbidden',
    );
    expectError(
      await grant(editor.token, { userId: owner.userId, tenantId: store, role: 'editor' }),
      403,
      'membership_forbidden',
    );
    expectError(
      await grant(admin.token, { userId: owner.userId, tenantId: store, role: 'admin' }),
      400,
      'invalid_membership',
    );
    expectError(await grant(admin.token, { userId: randomUUID(), tenantId: null, role: 'finance' }), 404, 'not_found');
    expectError(
      await grant(admin.token, { userId: owner.userId, tenantId: null, role: 'superuser' }),
      400,
      'validation_failed',
    );

    const id = editorship.json<{ id: string }>().id;
    expectError(await revoke(editor.token, id), 403, 'membership_forbidden');
    expect((await revoke(owner.token, id)).statusCode).toBe(204);
    expect((await revoke(owner.token, id)).statusCode).toBe(204);
    const row = await app.orm.em.fork().findOneOrFail(Membership, { id });
    expect(row.revokedBy).toBe(owner.userId);
  });
});
