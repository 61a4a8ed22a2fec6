import type { Static } from 'typebox';
import { Creator, Work, type EntityManager } from '@fanfare/db';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { conflict, forbidden } from '../errors/api-error.js';
import type { CreateWorkBody, WorkView } from '../schemas/works.js';
import { slugify } from './slugify.js';

/** The fields of a new work, as the creator sent them. */
export type NewWork = Static<typeof CreateWorkBody>;

function duplicate(slug: string) {
  return conflict(`A work with the slug "${slug}" already exists in this storefront`, { field: 'slug', slug });
}

/**
 * Creates a draft work for the creator profile `userId` holds in the tenant `em` is scoped to.
 * A 403 when the user has no creator profile there; a 409 when the title's slug is taken.
 */
export async function createDraftWork(
  em: EntityManager,
  userId: string,
  input: NewWork,
): Promise<Static<typeof WorkView>> {
  const creator = await em.findOne(Creator, { userId });
  if (creator === null) throw forbidden('You have no creator profile in this storefront');
  const slug = slugify(input.title);
  if ((await em.count(Work, { slug })) > 0) throw duplicate(slug);
  const work = em.create(Work, {
    creatorId: creator.id,
    kind: input.kind,
    title: input.title.trim(),
    slug,
    description: input.description ?? '',
    genre: input.genre ?? '',
    tags: input.tags ?? [],
    releaseYear: input.releaseYear ?? null,
  });
  try {
    await em.flush();
  } catch (error) {
    // Two creators racing for the same title: the unique index decides, and the loser hears why.
    if (error instanceof UniqueConstraintViolationException) throw duplicate(slug);
    throw error;
  }
  return {
    id: work.id,
    creatorId: work.creatorId,
    slug: work.slug,
    title: work.title,
    kind: work.kind,
    status: work.status,
    description: work.description,
    genre: work.genre,
    tags: [...work.tags],
    releaseYear: work.releaseYear ?? null,
  };
}
