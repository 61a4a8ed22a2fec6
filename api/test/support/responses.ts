import { expect } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';

/** The error body every failure carries. */
export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown>; requestId: string };
}

/** Asserts the status and the shared error shape, and returns the parsed body. */
export function expectError(response: LightMyRequestResponse, status: number, code: string): ErrorBody {
  const body = response.json<ErrorBody>();
  expect({ status: response.statusCode, code: body.error?.code }).toEqual({ status, code });
  expect(typeof body.error.message).toBe('string');
  expect(body.error.requestId).toBe(response.headers['x-request-id']);
  expect(Object.keys(body)).toEqual(['error']);
  return body;
}
