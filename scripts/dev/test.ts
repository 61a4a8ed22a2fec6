/**
 * `npm test`: typechecks the workspace, runs the code checks over it (`CODE_CHECKS`: Biome,
 * knip, the layering rules of dependency-cruiser), runs every package's tests with Vitest (a real
 * Temporal dev server and a scratch PostgreSQL database are started by the global setup), and
 * ends with one plain line `N passed, N failed[, N skipped]`. Arguments are passed to Vitest, so
 * `npm test -- api/` runs one package (and skips the checks).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@fanfare/config';
import { summarize, type VitestJsonReport } from './test-summary.js';

const bin = (name: string): string => path.join(repoRoot, 'node_modules', '.bin', name);

/** The source folders whose imports dependency-cruiser checks against the layering rules. */
const LAYERED_PACKAGES = [
  'domain',
  'contracts',
  'db/src',
  'workflows/src',
  'activities/src',
  'worker/src',
  'api/src',
  'site/src',
];

/**
 * Checks that read the code without running it, run with the typecheck on a full run. Each one
 * that fails counts as one failure (so CI goes red); its output is shown only then.
 */
const CODE_CHECKS: readonly { name: string; command: string; args: string[] }[] = [
  { name: 'biome (format and lint)', command: bin('biome'), args: ['ci', '--colors=off', '--max-diagnostics=50', '.'] },
  { name: 'knip (unused files, exports and dependencies)', command: bin('knip'), args: ['--no-progress'] },
  {
    // A broken arrow of .dependency-cruiser.cjs fails the run like a type error.
    name: 'boundaries (dependency-cruiser)',
    command: bin('depcruise'),
    args: ['--config', '.dependency-cruiser.cjs', '--output-type', 'err', ...LAYERED_PACKAGES],
  },
];

/** Runs the code checks quietly; prints a failing one's output and returns how many failed. */
function runCodeChecks(): number {
  // Their output goes to a CI log: plain text, even when the caller's environment forces colour.
  const { FORCE_COLOR: _forced, ...env } = process.env;
  let failed = 0;
  for (const check of CODE_CHECKS) {
    const run = spawnSync(check.command, check.args, {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...env, NO_COLOR: '1' },
    });
    if (run.status === 0) {
      console.log(`${check.name}: ok`);
      continue;
    }
    failed += 1;
    process.stdout.write(`${run.stdout ?? ''}${run.stderr ?? ''}`);
    console.log(`${check.name}: FAILED`);
  }
  return failed;
}

function main(): number {
  const filters = process.argv.slice(2);
  let typecheckFailed = 0;
  if (filters.length === 0) {
    console.log('Typechecking…');
    const tsc = spawnSync(bin('tsc'), ['-p', 'tsconfig.json'], { cwd: repoRoot, stdio: 'inherit' });
    typecheckFailed = tsc.status === 0 ? 0 : 1;
    console.log(typecheckFailed ? 'typecheck: FAILED' : 'typecheck: ok');
    typecheckFailed += runCodeChecks();
  }

  const resultsDir = path.join(repoRoot, '.test-results');
  const report = path.join(resultsDir, 'vitest.json');
  mkdirSync(resultsDir, { recursive: true });
  rmSync(report, { force: true });
  const vitest = spawnSync(
    bin('vitest'),
    ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...filters],
    { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, FANFARE_ENV: 'test' } },
  );

  let parsed: VitestJsonReport | undefined;
  try {
    parsed = JSON.parse(readFileSync(report, 'utf8')) as VitestJsonReport;
  } catch {
    console.error(`Vitest wrote no report (exit code ${vitest.status}).`);
  }
  const counts = summarize(parsed, vitest.status ?? 1);
  const failed = counts.failed + typecheckFailed;
  console.log(`${counts.passed} passed, ${failed} failed${counts.skipped > 0 ? `, ${counts.skipped} skipped` : ''}`);
  return failed > 0 || counts.passed === 0 ? 1 : 0;
}

process.exit(main());
