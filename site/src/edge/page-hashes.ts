import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { CSP_MANIFEST_FILE, type CspManifest } from '../build/csp-manifest.js';
import type { InlineHashes } from '../build/inline-hashes.js';

/** The inline-code hashes of a built page, undefined when its build lists none. */
export type PageHashes = (root: string, file: string) => Promise<InlineHashes | undefined>;

/**
 * Reads each storefront's CSP manifest once per build: the cache is keyed on the manifest's
 * inode and mtime, which change when `buildTenant` swaps a new build in.
 */
export function pageHashes(): PageHashes {
  const cache = new Map<string, { version: string; manifest: CspManifest | undefined }>();
  return async (root, file) => {
    const manifestFile = path.join(root, CSP_MANIFEST_FILE);
    const info = await stat(manifestFile).catch(() => undefined);
    if (info === undefined) return undefined;
    const version = `${info.ino}:${info.mtimeMs}:${info.size}`;
    let entry = cache.get(root);
    if (entry?.version !== version) {
      entry = { version, manifest: parseManifest(await readFile(manifestFile, 'utf8').catch(() => '')) };
      cache.set(root, entry);
    }
    const index = entry.manifest?.pages[path.relative(root, file).split(path.sep).join('/')];
    return index === undefined ? undefined : entry.manifest?.policies[index];
  };
}

const isHashList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((h) => typeof h === 'string' && /^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/.test(h));

// A manifest that does not parse gives no hashes: the page then gets the strict policy (its
// inline code is blocked) rather than a policy built from something unexpected.
function parseManifest(text: string): CspManifest | undefined {
  try {
    const value = JSON.parse(text) as Partial<CspManifest>;
    const policiesOk =
      Array.isArray(value.policies) &&
      value.policies.every((p) => isHashList(p.scripts) && isHashList(p.styles) && isHashList(p.styleAttributes));
    const pagesOk =
      typeof value.pages === 'object' && value.pages !== null && Object.values(value.pages).every(Number.isInteger);
    return value.version === 1 && policiesOk && pagesOk ? (value as CspManifest) : undefined;
  } catch {
    return undefined;
  }
}
