import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from './support/test-app.js';

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: { default?: unknown };
}
interface Operation {
  operationId?: string;
  security?: unknown[];
  parameters?: Parameter[];
}
interface OpenApiDocument {
  info: { license?: { name: string } };
  paths: Record<string, Record<string, Operation>>;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
let app: FastifyInstance;
let doc: OpenApiDocument;
let dir: string;

beforeAll(async () => {
  app = await buildTestApp();
  doc = (await app.inject({ method: 'GET', url: '/docs/json' })).json<OpenApiDocument>();
  dir = await mkdtemp(path.join(tmpdir(), 'fanfare-openapi-'));
});
afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

const operations = () =>
  Object.entries(doc.paths).flatMap(([route, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({ where: `${method.toUpperCase()} ${route}`, operation })),
  );

describe('the OpenAPI document says what the API does', () => {
  it('names every operation uniquely and declares its security (a scheme or an explicit none)', () => {
    const ids = operations().map(({ operation }) => operation.operationId);
    expect(ids.filter((id) => id === undefined)).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { where, operation } of operations()) expect(Array.isArray(operation.security), where).toBe(true);
    expect(doc.info.license?.name).toBeTruthy();
  });

  it('calls no parameter required that the API fills in by default (limit on the catalog routes)', () => {
    const drift = operations().flatMap(({ where, operation }) =>
      (operation.parameters ?? [])
        .filter((p) => p.required === true && p.schema?.default !== undefined)
        .map((p) => `${where} ${p.in} ${p.name}`),
    );
    expect(drift).toEqual([]);
    const limit = (route: string) =>
      doc.paths[route]?.get?.parameters?.find((p) => p.name === 'limit' && p.in === 'query');
    expect(limit('/v1/catalog/products')?.required ?? false).toBe(false);
    expect(limit('/v1/catalog/search')?.required ?? false).toBe(false);
  });

  it('passes Redocly’s recommended rules', async () => {
    const file = path.join(dir, 'openapi.json');
    await writeFile(file, JSON.stringify(doc));
    const cli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js');
    const run = await promisify(execFile)(
      process.execPath,
      [cli, 'lint', file, '--extends', 'recommended', '--format', 'json', '--lint-config', 'off'],
      { cwd: dir, env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
    ).catch((error: { stdout?: string; stderr?: string }) => ({
      stdout: error.stdout ?? '',
      stderr: error.stderr ?? '',
    }));
    const report = JSON.parse(run.stdout) as { problems: { ruleId: string; severity: string; message: string }[] };
    expect(report.problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message}`)).toEqual([]);
  }, 60_000);

  it('holds every answer in the API tests to its documented response schema (a drifting answer fails as a 500)', async () => {
    const probe = await buildTestApp();
    try {
      const schema = {
        response: { 200: { type: 'object', properties: { mood: { type: 'string', enum: ['calm'] } } } },
      };
      probe.get('/probe/off-schema', { schema }, async () => ({ mood: 'stormy' }));
      // The typed reply only admits documented statuses; answering another is the drift probed here.
      probe.get('/probe/undocumented', { schema }, async (_, reply) => reply.code(202 as 200).send({ mood: 'calm' }));
      probe.get('/probe/ok', { schema }, async () => ({ mood: 'calm' }));
      const off = await probe.inject({ method: 'GET', url: '/probe/off-schema' });
      expect(off.statusCode).toBe(500);
      expect(off.json<{ error: { message: string } }>().error.message).toMatch(/off its schema/);
      const undocumented = await probe.inject({ method: 'GET', url: '/probe/undocumented' });
      expect(undocumented.json<{ error: { message: string } }>().error.message).toMatch(/does not document/);
      expect((await probe.inject({ method: 'GET', url: '/probe/ok' })).statusCode).toBe(200);
    } finally {
      await probe.close();
    }
  });
});
