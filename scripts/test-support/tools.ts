import { existsSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@fanfare/config';

/** The Go-built tool the bootstrap put in `.tools/bin`, failing loudly when it is absent. */
export function toolPath(name: 'temporal' | 'stripe-mock' | 'mailpit'): string {
  const file = path.join(repoRoot, '.tools', 'bin', name);
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run "npm test" (or "node scripts/bootstrap.mjs") to build it`);
  }
  return file;
}
