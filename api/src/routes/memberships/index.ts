import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { grantMembership, type Membership, revokeMembership, User } from '@fanfare/db';
import { ROLES } from '@fanfare/domain';
import { Type } from 'typebox';
import { requirePrincipal } from '../../auth/require-principal.js';
import { forbidden, notFound } from '../../errors/api-error.js';
import { errorResponses } from '../../schemas/error.js';
import { GrantMembershipBody, MembershipParams, MembershipView } from '../../schemas/memberships.js';
import { findCaller } from '../../users/find-caller.js';

function view(row: Membership) {
  return {
    id: row.id,
    userId: row.userId,
    tenantId: row.tenantId ?? null,
    role: row.role,
    grantedBy: row.grantedBy,
    grantedAt: row.grantedAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/**
 * Grants and revocations of roles. Any signed-in caller may ask; the domain rule decides from
 * the caller's memberships in the database, not from the token's claims (platform admins change
 * anything, a storefront's owner its owners and editors), and every change is audited.
 */
export const membershipRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/memberships',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['account'],
        summary: 'Grant a storefront or platform role (admins; storefront owners for their storefront)',
        security: [{ bearerAuth: [] }],
        body: GrantMembershipBody,
        response: { 201: MembershipView, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const caller = await findCaller(request.em, requirePrincipal(request));
      if (caller === null) throw forbidden('Only people with an account may grant roles');
      if ((await request.em.findOne(User, { id: request.body.userId })) === null) throw notFound('The user');
      const row = await grantMembership(request.em, { userId: caller.id, requestId: request.id }, request.body);
      return reply.code(201).send(view(row));
    },
  );

  app.delete(
    '/memberships/:id',
    {
      config: { roles: ROLES },
      schema: {
        tags: ['account'],
        summary: 'Revoke a membership (idempotent: revoking a revoked one changes nothing)',
        security: [{ bearerAuth: [] }],
        params: MembershipParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const caller = await findCaller(request.em, requirePrincipal(request));
      if (caller === null) throw forbidden('Only people with an account may revoke roles');
      await revokeMembership(request.em, { userId: caller.id, requestId: request.id }, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
