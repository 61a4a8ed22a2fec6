import { randomBytes } from 'node:crypto';

const MAX_SLUG_LENGTH = 80;

/**
 * A URL slug from a title: accents folded, lower-case a–z/0–9 words joined by hyphens. Titles
 * with no such characters (only symbols, or a script we cannot fold) get a random slug, so that
 * they still get one.
 */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/^-+|-+$/g, '');
  return slug === '' ? `untitled-${randomBytes(3).toString('hex')}` : slug;
}
