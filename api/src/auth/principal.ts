import { isRole, type Role } from '@fanfare/domain';
import type { JWTPayload } from 'jose';

/** Who is calling, as proven by a verified token. */
export interface Principal {
  /** The token's `sub`: the user id for the local issuer, the provider's subject otherwise. */
  subject: string;
  email: string | undefined;
  /** Fanfare roles the token grants; never empty. */
  roles: Role[];
}

/** The claim our own tokens carry roles in. */
export const ROLES_CLAIM = 'roles';

// Cognito puts group membership in `cognito:groups`; naming the groups after our roles lets a
// user pool grant them without a token customisation Lambda.
const ROLE_CLAIMS = [ROLES_CLAIM, 'cognito:groups'] as const;

/** The Fanfare roles named by a token's role claims, ignoring words that are not roles. */
export function rolesFromClaims(payload: JWTPayload): Role[] {
  const found = new Set<Role>();
  for (const claim of ROLE_CLAIMS) {
    const value = payload[claim];
    const words = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
    for (const word of words) if (isRole(word)) found.add(word);
  }
  return [...found];
}
