import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Domain, forPlatform, forTenant, Tenant, type MikroORM } from '../src/index.js';
import { createSampleTenant, openOrm, uniqueHandle, type SampleTenant } from './fixtures.js';

let orm: MikroORM;
let sample: SampleTenant;
const platformDomain = 'fanfare.test';

beforeAll(async () => {
  orm = await openOrm();
  sample = await createSampleTenant(orm.em, 'host');
  const em = forTenant(orm.em, sample.tenant.id);
  // The sample's own domain is still pending; add one verified, one active and one removed.
  em.create(Domain, {
    hostname: `verified-${sample.hostname}`,
    verificationToken: 't',
    status: 'issuing_certificate',
    verifiedAt: new Date(),
  });
  em.create(Domain, {
    hostname: `shop-${sample.hostname}`,
    verificationToken: 't',
    status: 'active',
    verifiedAt: new Date(),
  });
  em.create(Domain, {
    hostname: `gone-${sample.hostname}`,
    verificationToken: 't',
    status: 'removed',
    verifiedAt: new Date(),
  });
  await em.flush();
});
afterAll(() => orm.close(true));

function findByHost(host: string): Promise<Tenant | null> {
  return forPlatform(orm.em).getRepository(Tenant).findByHost(host, platformDomain);
}

describe('TenantRepository.findByHost', () => {
  it('resolves <handle>.<platform domain> and <handle>.localhost, ignoring case, port and trailing dot', async () => {
    const handle = sample.tenant.handle;
    expect((await findByHost(`${handle}.${platformDomain}`))?.id).toBe(sample.tenant.id);
    expect((await findByHost(`${handle.toUpperCase()}.FANFARE.test.:8443`))?.id).toBe(sample.tenant.id);
    expect((await findByHost(`${handle}.localhost:4321`))?.id).toBe(sample.tenant.id);
  });

  it('resolves active and verified custom domains only', async () => {
    expect((await findByHost(`shop-${sample.hostname}`))?.id).toBe(sample.tenant.id);
    expect((await findByHost(`VERIFIED-${sample.hostname}:443`))?.id).toBe(sample.tenant.id);
    expect(await findByHost(sample.hostname)).toBeNull();
    expect(await findByHost(`gone-${sample.hostname}`)).toBeNull();
  });

  it('answers null for unknown handles, nested names and bare platform hosts', async () => {
    expect(await findByHost(`${uniqueHandle('nobody')}.${platformDomain}`)).toBeNull();
    expect(await findByHost(`a.${sample.tenant.handle}.${platformDomain}`)).toBeNull();
    expect(await findByHost(platformDomain)).toBeNull();
    expect(await findByHost('')).toBeNull();
    expect(await findByHost(`${randomUUID()}.example.org`)).toBeNull();
  });

  it('works from a tenant-scoped EntityManager too', async () => {
    const other = await createSampleTenant(orm.em, 'host-other');
    const repo = forTenant(orm.em, other.tenant.id).getRepository(Tenant);
    expect((await repo.findByHost(`shop-${sample.hostname}`, platformDomain))?.id).toBe(sample.tenant.id);
  });
});
