import type { Static } from 'typebox';
import type { User } from '@fanfare/db';
import type { UserView } from '../schemas/me.js';

/** A user as the API shows them to themselves. */
export function userView(user: User): Static<typeof UserView> {
  return { id: user.id, email: user.email, displayName: user.displayName, roles: [...user.roles] };
}
