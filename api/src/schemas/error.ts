import { Type, type TSchema } from 'typebox';

/** The one shape every failure takes: `{ error: { code, message, details?, requestId } }`. */
const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Machine-readable; see the API docs for the list.' }),
      message: Type.String({ description: 'For people; wording may change.' }),
      details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
      requestId: Type.String({ description: 'Quote it when reporting a problem.' }),
    }),
  },
  { title: 'Error' },
);

/**
 * Response schemas for the given error statuses, so that routes document (and serialize) their
 * failures with the shared shape. Every route also gets 400, 429 and 500.
 */
export function errorResponses(...statuses: number[]): Record<number, TSchema> {
  const all = new Set([400, 429, 500, ...statuses]);
  return Object.fromEntries([...all].map((status) => [status, ErrorResponse]));
}
