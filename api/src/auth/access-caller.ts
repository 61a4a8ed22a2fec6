import type { User, EntityManager } from '@fanfare/db';
import { type AccessCaller, buyerKeys } from '@fanfare/domain';
import { findCaller } from '../users/find-caller.js';
import type { Principal } from './principal.js';

/**
 * The caller as the domain's access policy sees them, with their Fanfare account (null when the
 * token names none). The email is the account's, else the one the token proves.
 */
export async function accessCallerOf(
  em: EntityManager,
  principal: Principal,
): Promise<{ caller: AccessCaller; user: User | null }> {
  const user = await findCaller(em, principal);
  const email = user?.email ?? principal.email ?? null;
  return { caller: { userId: user?.id ?? null, email, roles: principal.roles }, user };
}

/** A signed-in buyer with an account, as the list and download routes need them. */
export interface BuyerAccount {
  userId: string;
  email: string;
}

/**
 * A query condition for every row `buyer` bought, the domain's `isBuyerOf` as a filter: rows of
 * their account and guest rows (no account) of their email. `accountField` names the row's
 * account column (`userId` on entitlements, `buyerUserId` on orders and invoices).
 */
export function boughtBy(buyer: BuyerAccount, accountField: 'userId' | 'buyerUserId'): { $or: object[] } {
  const { guestEmail } = buyerKeys(buyer);
  return { $or: [{ [accountField]: buyer.userId }, { [accountField]: null, buyerEmail: guestEmail }] };
}
