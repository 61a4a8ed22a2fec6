import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inlineHashesOf, type InlineHashes } from './inline-hashes.js';

/**
 * The file, at the top of a built storefront, that lists the inline-code hashes of every page.
 * A dot-file: the edge never serves it, and it is replaced together with the build it describes.
 */
export const CSP_MANIFEST_FILE = '.csp-hashes.json';

/**
 * Hashes per page: `pages` maps a page's file (relative, `/`-separated: `products/x/index.html`)
 * to its entry in `policies`, which holds each distinct set once (most pages share one).
 */
export interface CspManifest {
  version: 1;
  policies: InlineHashes[];
  pages: Record<string, number>;
}

/** Scans every HTML file of a finished build and writes its `CSP_MANIFEST_FILE`. */
export async function writeCspManifest(outDir: string): Promise<CspManifest> {
  const manifest: CspManifest = { version: 1, policies: [], pages: {} };
  const seen = new Map<string, number>();
  const files = (await readdir(outDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) {
    const hashes = inlineHashesOf(await readFile(file, 'utf8'));
    const key = JSON.stringify(hashes);
    let index = seen.get(key);
    if (index === undefined) {
      index = manifest.policies.push(hashes) - 1;
      seen.set(key, index);
    }
    manifest.pages[path.relative(outDir, file).split(path.sep).join('/')] = index;
  }
  await writeFile(path.join(outDir, CSP_MANIFEST_FILE), JSON.stringify(manifest));
  return manifest;
}
