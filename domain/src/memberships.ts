import { DomainError } from './errors.js';
import type { Role } from './roles.js';

/** What a member does in one storefront: its owner runs it and its members, an editor its catalog. */
export const TENANT_ROLES = ['owner', 'editor'] as const;
/** A role in one storefront. */
export type TenantRole = (typeof TENANT_ROLES)[number];

/** What an operator does on the platform. */
export const PLATFORM_ROLES = ['admin', 'moderator', 'finance'] as const;
/** A role on the platform. */
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

/** One membership: a platform role, or a role in one tenant. */
export type Membership = { tenantId: null; role: PlatformRole } | { tenantId: string; role: TenantRole };

/** The active memberships of the person changing someone's membership. */
export interface MembershipActor {
  userId: string;
  memberships: readonly Membership[];
}

/**
 * `role` in `tenantId` (null: the platform) as a membership, or `invalid_membership` when the role
 * does not belong there (an editor of the platform, an admin of one store).
 */
export function membershipOf(tenantId: string | null, role: string): Membership {
  if (tenantId === null && (PLATFORM_ROLES as readonly string[]).includes(role)) {
    return { tenantId: null, role: role as PlatformRole };
  }
  if (tenantId !== null && (TENANT_ROLES as readonly string[]).includes(role)) {
    return { tenantId, role: role as TenantRole };
  }
  throw new DomainError(
    'invalid_membership',
    tenantId === null
      ? `"${role}" is not a platform role (${PLATFORM_ROLES.join(', ')})`
      : `"${role}" is not a storefront role (${TENANT_ROLES.join(', ')})`,
    { tenantId, role },
  );
}

/**
 * Refuses with `membership_forbidden` unless `actor` may grant or revoke `change`: a platform
 * admin may change any membership; a storefront's owner may change its owners and editors;
 * nobody else may change any.
 */
export function assertMayChangeMembership(actor: MembershipActor, change: Membership): void {
  const isAdmin = actor.memberships.some((m) => m.tenantId === null && m.role === 'admin');
  const ownsTenant =
    change.tenantId !== null && actor.memberships.some((m) => m.tenantId === change.tenantId && m.role === 'owner');
  if (!isAdmin && !ownsTenant) {
    throw new DomainError(
      'membership_forbidden',
      change.tenantId === null
        ? 'Only a platform admin may grant or revoke platform roles'
        : 'Only a platform admin or the storefront’s owner may grant or revoke its roles',
      { tenantId: change.tenantId, role: change.role },
    );
  }
}

/**
 * The roles a token carries for someone with these memberships: everyone buys, a member of any
 * storefront is a creator, platform roles as they are. The API re-checks the memberships
 * themselves for tenant-scoped decisions.
 */
export function tokenRoles(memberships: readonly Membership[]): Role[] {
  const roles = new Set<Role>(['buyer']);
  for (const m of memberships) roles.add(m.tenantId === null ? m.role : 'creator');
  return [...roles];
}
