/** Everyone who can hold a token. Operators are admin, moderator and finance. */
export const ROLES = ['buyer', 'creator', 'admin', 'moderator', 'finance'] as const;

/** One role a user may act in. */
export type Role = (typeof ROLES)[number];

/** True for a word that names a role. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
