import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from './support/test-app.js';
import { closedPort } from './support/closed-port.js';

interface HealthBody {
  status: string;
  checks: Record<'db' | 'temporal', { status: string; latencyMs: number; reason?: string }>;
}

describe('GET /v1/health', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp();
  });
  afterAll(() => app.close());

  it('is ok when PostgreSQL and Temporal both answer', async () => {
    const response = await app.inject({ method: 'GET', url: '/v1/health' });
    expect(response.statusCode).toBe(200);
    const body = response.json<HealthBody>();
    expect(body.status).toBe('ok');
    expect(body.checks.db).toEqual({ status: 'up', latencyMs: expect.any(Number) });
    expect(body.checks.temporal).toEqual({ status: 'up', latencyMs: expect.any(Number) });
  });

  it('is degraded (503) and names Temporal when Temporal is unreachable', async () => {
    const down = await buildTestApp({ TEMPORAL_ADDRESS: `127.0.0.1:${await closedPort()}` });
    try {
      const response = await down.inject({ method: 'GET', url: '/v1/health' });
      expect(response.statusCode).toBe(503);
      const body = response.json<HealthBody>();
      expect(body.status).toBe('degraded');
      expect(body.checks.db.status).toBe('up');
      expect(body.checks.temporal.status).toBe('down');
      expect(body.checks.temporal.reason).toEqual(expect.any(String));
    } finally {
      await down.close();
    }
  });

  it('is degraded (503) and names the database when it does not exist', async () => {
    const url = new URL(app.config.databaseUrl);
    url.pathname = '/fanfare_no_such_database';
    const down = await buildTestApp({ DATABASE_URL: url.toString() });
    try {
      const response = await down.inject({ method: 'GET', url: '/v1/health' });
      expect(response.statusCode).toBe(503);
      const body = response.json<HealthBody>();
      expect(body.checks.db.status).toBe('down');
      expect(body.checks.db.reason).toMatch(/fanfare_no_such_database|does not exist/);
      expect(body.checks.temporal.status).toBe('up');
    } finally {
      await down.close();
    }
  });
});
