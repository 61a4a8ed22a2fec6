import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, repoRoot } from '@fanfare/config';

describe('configuration', () => {
  it('names every bad variable in one ConfigError', () => {
    let caught: unknown;
    try {
      loadConfig({ API_PORT: 'eighty', RATE_LIMIT_MAX: '0', TEMPORAL_ADDRESS: 'no-port' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const variables = (caught as ConfigError).problems.map((problem) => problem.variable);
    expect(variables).toEqual(expect.arrayContaining(['API_PORT', 'RATE_LIMIT_MAX', 'TEMPORAL_ADDRESS']));
  });

  it('refuses production without an identity provider', () => {
    expect(() =>
      loadConfig({ FANFARE_ENV: 'production', DATABASE_URL: 'postgres://db/x', AUTH_ISSUER: 'https://id' }),
    ).toThrow(/AUTH_JWKS_URL/);
  });

  it('stops the server at start, printing the bad variable, with exit code 1', () => {
    const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
    const result = spawnSync(tsx, [path.join(repoRoot, 'api', 'src', 'server.ts')], {
      env: { ...process.env, FANFARE_ENV: 'development', API_PORT: 'not-a-port' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('API_PORT');
    expect(result.stdout).not.toContain('listening');
  });
});
