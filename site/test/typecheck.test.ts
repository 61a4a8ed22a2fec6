import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

// The root typecheck does not cover site/ (it needs DOM and JSX settings of its own), so the
// site's tsconfig is checked here, where `npm test` runs it.
it('site/ typechecks under its own strict tsconfig', () => {
  const site = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const tsc = path.join(site, '..', 'node_modules', 'typescript', 'bin', 'tsc');
  expect(() =>
    execFileSync(process.execPath, [tsc, '-p', path.join(site, 'tsconfig.json'), '--noEmit'], {
      encoding: 'utf8',
      stdio: 'pipe',
    }),
  ).not.toThrow();
}, 120_000);
