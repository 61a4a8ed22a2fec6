import { randomUUID } from 'node:crypto';
import {
  Creator,
  forPlatform,
  forTenant,
  Product,
  Tenant,
  Work,
  type EntityManager,
  type MediaType,
} from '../src/index.js';
import { uniqueHandle } from './fixtures.js';

/** One product of a search catalog: its title, media, work (by title) and status. */
interface SearchProductSpec {
  slug: string;
  title: string;
  mediaType?: MediaType;
  work?: string;
  status?: Product['status'];
}

/** A stored storefront for search tests: its tenant and its product ids by slug. */
export interface SearchCatalog {
  tenant: Tenant;
  productIds: Record<string, string>;
}

/**
 * A storefront shaped like the demo's Aurora Records (Maya Lind; Tidal, Northern Lights, a
 * token pack), plus what search must leave out: an archived product and a draft work's product.
 * Products are stored a second apart in list order, so the later ones are newer.
 */
export async function createSearchCatalog(
  em: EntityManager,
  prefix: string,
  creatorName = 'Maya Lind',
): Promise<SearchCatalog> {
  const handle = uniqueHandle(prefix);
  const tenant = forPlatform(em).create(Tenant, {
    handle,
    name: `Shop ${handle}`,
    defaultCurrency: 'USD',
    defaultLocale: 'en-US',
    theme: { primaryColor: '#112233', accentColor: '#445566' },
  });
  await em.fork().persist(tenant).flush();
  const scoped = forTenant(em, tenant.id);
  const creator = scoped.create(Creator, { userId: randomUUID(), displayName: creatorName, slug: 'maya-lind' });
  const works = new Map<string, Work>();
  for (const [title, status] of [
    ['Northern Lights', 'published'],
    ['Tidal', 'published'],
    ['Unreleased Demos', 'draft'],
  ] as const) {
    works.set(
      title,
      scoped.create(Work, {
        creatorId: creator.id,
        kind: 'album',
        title,
        slug: title.toLowerCase().replaceAll(' ', '-'),
        status,
      }),
    );
  }
  const specs: SearchProductSpec[] = [
    { slug: 'northern-lights-album', title: 'Northern Lights (album)', work: 'Northern Lights' },
    { slug: 'first-glow', title: 'First Glow', work: 'Northern Lights' },
    { slug: 'tidal-single', title: 'Tidal', work: 'Tidal' },
    { slug: 'stream-tokens', title: '100 stream tokens', mediaType: 'tokens' },
    { slug: 'tidal-old', title: 'Tidal (old master)', work: 'Tidal', status: 'archived' },
    { slug: 'tidal-demo', title: 'Tidal demo', work: 'Unreleased Demos' },
  ];
  const start = Date.now() - specs.length * 1000;
  const productIds: Record<string, string> = {};
  specs.forEach((spec, index) => {
    const product = scoped.create(Product, {
      creatorId: creator.id,
      workId: spec.work === undefined ? null : works.get(spec.work)!.id,
      kind: spec.mediaType === 'tokens' ? 'token_pack' : 'digital',
      mediaType: spec.mediaType ?? 'music',
      title: spec.title,
      slug: spec.slug,
      status: spec.status ?? 'active',
      tokenAmount: spec.mediaType === 'tokens' ? 100 : null,
      eulaVersion: '2026-01',
      createdAt: new Date(start + index * 1000),
    });
    productIds[spec.slug] = product.id;
  });
  await scoped.flush();
  return { tenant, productIds };
}
