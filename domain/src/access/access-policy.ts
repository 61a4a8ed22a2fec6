/**
 * Who may read or act on what a buyer owns: orders, invoices, entitlements and downloads. One
 * rule for every route, so an order and its invoice can never disagree about who sees them.
 */
import type { Role } from '../roles.js';

/** The kinds of buyer-owned thing the policy covers. */
export type OwnedResource = 'order' | 'invoice' | 'entitlement' | 'download';

/** What a caller wants to do with one: look at it, refund it, or take its files. */
export type AccessAction = 'read' | 'refund' | 'download';

/**
 * Who is asking, as the api proves it: the Fanfare account (null when the token names none)
 * and the email the token or the account verifies (null when neither does).
 */
export interface AccessCaller {
  userId: string | null;
  email: string | null;
  roles: readonly Role[];
}

/** Who a resource belongs to: the buying account, or for a guest purchase only its email. */
export interface ResourceOwner {
  buyerUserId: string | null;
  buyerEmail: string;
}

/**
 * Operator roles that may do `action` on anyone's resource of each kind; a missing action is
 * for owners only. Finance and admin read and refund money documents for support and
 * bookkeeping; moderators work on content and disputes of rights, not on buyers' money, and
 * nobody but the owner takes a buyer's download.
 */
const OPERATORS: Readonly<Record<OwnedResource, Partial<Record<AccessAction, readonly Role[]>>>> = {
  order: { read: ['admin', 'finance'], refund: ['admin', 'finance'] },
  invoice: { read: ['admin', 'finance'] },
  entitlement: { read: ['admin', 'finance'] },
  download: {},
};

/** What an owner may do with a resource of each kind (a refund is an operator's decision). */
const OWNER_ACTIONS: Readonly<Record<OwnedResource, readonly AccessAction[]>> = {
  order: ['read'],
  invoice: ['read'],
  entitlement: ['read', 'download'],
  download: ['download'],
};

/** The operator roles that may do `action` on any buyer's `resource` (empty: owners only). */
export function operatorRolesFor(resource: OwnedResource, action: AccessAction): readonly Role[] {
  return OPERATORS[resource][action] ?? [];
}

/**
 * True when `caller` bought what `owner` describes: the same account, or, for a guest purchase
 * (no account), the same verified email. A purchase made by another account is never claimed
 * through its email.
 */
export function isBuyerOf(caller: AccessCaller, owner: ResourceOwner): boolean {
  if (owner.buyerUserId !== null) return caller.userId !== null && caller.userId === owner.buyerUserId;
  return caller.email !== null && caller.email.toLowerCase() === owner.buyerEmail.toLowerCase();
}

/** True when `caller` may do `action` on a `resource` owned by `owner`. */
export function mayAccess(
  caller: AccessCaller,
  resource: OwnedResource,
  action: AccessAction,
  owner: ResourceOwner,
): boolean {
  const roles = operatorRolesFor(resource, action);
  if (caller.roles.some((role) => roles.includes(role))) return true;
  return OWNER_ACTIONS[resource].includes(action) && isBuyerOf(caller, owner);
}

/**
 * The keys a query for "everything `caller` bought" matches on, mirroring `isBuyerOf`: rows of
 * the caller's account, and guest rows (no account) of the caller's email, lower-cased as stored.
 */
export function buyerKeys(caller: Pick<AccessCaller, 'userId' | 'email'>): {
  userId: string | null;
  guestEmail: string | null;
} {
  return { userId: caller.userId, guestEmail: caller.email?.toLowerCase() ?? null };
}
