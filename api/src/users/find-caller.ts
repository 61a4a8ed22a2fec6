import { User, type EntityManager } from '@fanfare/db';
import type { Principal } from '../auth/principal.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The Fanfare account of a verified caller: by id when the token's subject is one of ours (the
 * local issuer), otherwise by the token's email (an outside OIDC provider's subject is its own).
 */
export async function findCaller(em: EntityManager, principal: Principal): Promise<User | null> {
  if (UUID.test(principal.subject)) {
    const byId = await em.findOne(User, { id: principal.subject.toLowerCase() });
    if (byId !== null) return byId;
  }
  return principal.email === undefined ? null : em.findOne(User, { email: principal.email.toLowerCase() });
}
