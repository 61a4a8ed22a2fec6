import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assertMayChangeMembership,
  type Membership as DomainMembership,
  membershipOf,
  type Role,
  tokenRoles,
} from '@fanfare/domain';
import { AuditEvent } from '../entities/audit-event.entity.js';
import { Membership } from '../entities/membership.entity.js';
import { forPlatform } from '../tenancy/tenant-scope.js';

/** The audit trail's tenant for platform-level changes (platform roles belong to no storefront). */
export const PLATFORM_AUDIT_TENANT = '00000000-0000-0000-0000-000000000000';

/** Who changes a membership: a signed-in user (checked against the rules) or the system (seeds). */
export type MembershipChanger = { userId: string; requestId?: string } | 'system';

/** The active memberships of `userId`, as the domain rules see them. */
export async function activeMemberships(em: EntityManager, userId: string): Promise<DomainMembership[]> {
  const rows = await forPlatform(em).find(Membership, { userId, revokedAt: null });
  return rows.map((row) => membershipOf(row.tenantId ?? null, row.role));
}

/** The roles a token for `userId` carries, from their memberships (see domain `tokenRoles`). */
export async function tokenRolesOf(em: EntityManager, userId: string): Promise<Role[]> {
  return tokenRoles(await activeMemberships(em, userId));
}

async function authorize(em: EntityManager, by: MembershipChanger, change: DomainMembership): Promise<void> {
  if (by === 'system') return;
  assertMayChangeMembership({ userId: by.userId, memberships: await activeMemberships(em, by.userId) }, change);
}

function audit(em: EntityManager, by: MembershipChanger, action: string, row: Membership): void {
  em.create(AuditEvent, {
    tenantId: row.tenantId ?? PLATFORM_AUDIT_TENANT,
    actorType: by === 'system' ? 'system' : 'user',
    actorId: by === 'system' ? 'system' : by.userId,
    action,
    subjectType: 'membership',
    subjectId: row.id,
    data: { userId: row.userId, tenantId: row.tenantId ?? null, role: row.role },
    requestId: by === 'system' ? null : (by.requestId ?? null),
  });
}

/**
 * Grants `role` in `tenantId` (null: the platform) to `userId`, if `by` may (domain rules:
 * `invalid_membership`, `membership_forbidden`). Granting what is already held returns the
 * existing membership and writes nothing; otherwise the membership and its audit entry are
 * written in one transaction.
 */
export async function grantMembership(
  em: EntityManager,
  by: MembershipChanger,
  grant: { userId: string; tenantId: string | null; role: string },
): Promise<Membership> {
  const change = membershipOf(grant.tenantId, grant.role);
  return forPlatform(em).transactional(async (tx) => {
    await authorize(tx, by, change);
    const existing = await tx.findOne(Membership, {
      userId: grant.userId,
      tenantId: change.tenantId,
      role: change.role,
      revokedAt: null,
    });
    if (existing !== null) return existing;
    const row = tx.create(Membership, {
      userId: grant.userId,
      tenantId: change.tenantId,
      role: change.role,
      grantedBy: by === 'system' ? 'system' : by.userId,
    });
    audit(tx, by, 'membership.granted', row);
    await tx.flush();
    return row;
  });
}

/**
 * Revokes membership `id`, if `by` may. Revoking what is already revoked (or unknown) changes
 * nothing and returns null; otherwise the revocation and its audit entry go in one transaction.
 */
export function revokeMembership(em: EntityManager, by: MembershipChanger, id: string): Promise<Membership | null> {
  return forPlatform(em).transactional(async (tx) => {
    const row = await tx.findOne(Membership, { id, revokedAt: null });
    if (row === null) return null;
    await authorize(tx, by, membershipOf(row.tenantId ?? null, row.role));
    row.revokedAt = new Date();
    row.revokedBy = by === 'system' ? 'system' : by.userId;
    audit(tx, by, 'membership.revoked', row);
    await tx.flush();
    return row;
  });
}
