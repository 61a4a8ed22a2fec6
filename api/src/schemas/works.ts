import { Type } from 'typebox';

/** Kinds of creative work. */
const WORK_KINDS = ['album', 'single', 'book', 'video', 'podcast_series'] as const;

/** `POST /v1/creator/works` body. */
export const CreateWorkBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    kind: Type.Enum(WORK_KINDS),
    description: Type.Optional(Type.String({ maxLength: 10_000 })),
    genre: Type.Optional(Type.String({ maxLength: 80 })),
    tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 20, uniqueItems: true })),
    releaseYear: Type.Optional(Type.Integer({ minimum: 1000, maximum: 9999 })),
  },
  { additionalProperties: false },
);

/** A work as its creator sees it. */
export const WorkView = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    creatorId: Type.String({ format: 'uuid' }),
    slug: Type.String(),
    title: Type.String(),
    kind: Type.Enum(WORK_KINDS),
    status: Type.Enum(['draft', 'published', 'blocked']),
    description: Type.String(),
    genre: Type.String(),
    tags: Type.Array(Type.String()),
    releaseYear: Type.Union([Type.Integer(), Type.Null()]),
  },
  { title: 'Work' },
);
