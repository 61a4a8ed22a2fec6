import { randomBytes } from 'node:crypto';
import { Creator, forTenant, User, type EntityManager } from '@fanfare/db';
import type { Role } from '@fanfare/domain';
import { slugify } from '../works/slugify.js';

/** Who a development token is for, and where. */
export interface DevSignIn {
  email: string;
  role: Role;
  displayName: string | undefined;
  /** The storefront the request's Host named, if any. */
  tenantId: string | undefined;
}

/** The account a development token is minted for, and its creator profile when relevant. */
export interface DevAccount {
  user: User;
  creator: Creator | null;
}

/**
 * Finds or creates the user behind a development sign-in and grants them the role. A creator
 * signing in at a storefront also gets a creator profile there, so a fresh development setup can
 * publish without an admin step.
 */
export async function signInForDevelopment(em: EntityManager, input: DevSignIn): Promise<DevAccount> {
  const email = input.email.trim().toLowerCase();
  let user = await em.findOne(User, { email });
  if (user === null) {
    user = em.create(User, {
      email,
      displayName: input.displayName ?? email.split('@')[0] ?? email,
      roles: [input.role],
    });
  } else if (!user.roles.includes(input.role)) {
    user.roles = [...user.roles, input.role];
  }
  await em.flush();
  if (input.tenantId === undefined || input.role !== 'creator') return { user, creator: null };

  const scoped = forTenant(em, input.tenantId);
  const existing = await scoped.findOne(Creator, { userId: user.id });
  if (existing !== null) return { user, creator: existing };
  const base = slugify(user.displayName);
  const slug = (await scoped.count(Creator, { slug: base })) === 0 ? base : `${base}-${randomBytes(3).toString('hex')}`;
  const creator = scoped.create(Creator, { userId: user.id, displayName: user.displayName, slug });
  await scoped.flush();
  return { user, creator };
}
