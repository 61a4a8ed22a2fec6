import { readFile } from 'node:fs/promises';
import { catalogExportSchema, type CatalogExport } from './catalog-schema.js';
import { catalogFile, defaultCatalogDir } from './paths.js';

/** The export of the storefront being built (`FANFARE_SITE_TENANT`), checked against the schema. */
export async function loadCatalogExport(
  handle = process.env.FANFARE_SITE_TENANT ?? 'aurora',
  catalogDir = process.env.FANFARE_SITE_CATALOG_DIR ?? defaultCatalogDir,
): Promise<CatalogExport> {
  return catalogExportSchema.parse(JSON.parse(await readFile(catalogFile(catalogDir, handle), 'utf8')));
}
