import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The `site/` package folder. */
export const siteRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where catalog exports live by default: `<handle>.json` plus `public/<handle>/` (media, icon). */
export const defaultCatalogDir = path.join(siteRoot, '.catalog');

/** Where built storefronts live by default: `dist/<handle>/…`. */
export const defaultDistDir = path.join(siteRoot, 'dist');

/** The export file of one storefront. */
export function catalogFile(catalogDir: string, handle: string): string {
  return path.join(catalogDir, `${handle}.json`);
}

/** The per-tenant public folder the build copies verbatim (media, icon). */
export function tenantPublicDir(catalogDir: string, handle: string): string {
  return path.join(catalogDir, 'public', handle);
}
