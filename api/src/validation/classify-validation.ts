import type { FastifySchemaValidationError } from 'fastify';
import { ApiError } from '../errors/api-error.js';
import type { ErrorCode } from '../errors/error-codes.js';

/** One schema violation as the client sees it. */
interface ValidationIssue {
  /** Dotted path of the offending field within its location (`tags.2`), or '' for the whole part. */
  field: string;
  problem: ErrorCode;
  message: string;
}

const MAX_ISSUES = 20;

function joinPath(instancePath: string, child?: string): string {
  const parts = instancePath.split('/').filter((part) => part !== '');
  if (child !== undefined) parts.push(child);
  return parts.map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~')).join('.');
}

function toIssue(error: FastifySchemaValidationError): ValidationIssue {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = joinPath(error.instancePath, String(params.additionalProperty));
      return { field, problem: 'unknown_field', message: `"${field}" is not a known field` };
    }
    case 'required': {
      const field = joinPath(error.instancePath, String(params.missingProperty));
      return { field, problem: 'missing_field', message: `"${field}" is required` };
    }
    case 'type': {
      const field = joinPath(error.instancePath);
      return { field, problem: 'invalid_type', message: `"${field || 'value'}" must be ${String(params.type)}` };
    }
    default: {
      const field = joinPath(error.instancePath);
      return { field, problem: 'validation_failed', message: `"${field || 'value'}" ${error.message ?? 'is invalid'}` };
    }
  }
}

// When one request breaks several rules, the most actionable one names the response: an
// unknown field usually explains a "missing" one (a misspelt name), and both explain more than
// a type error deeper down.
const PRECEDENCE: readonly ErrorCode[] = ['unknown_field', 'missing_field', 'invalid_type', 'validation_failed'];

/**
 * Turns Ajv's errors for one request part into a single 400 whose code names the kind of
 * mistake and whose details list every field involved.
 */
export function validationFailure(location: string, errors: readonly FastifySchemaValidationError[]): ApiError {
  // `anyOf` adds a summary error on top of each branch's; the branches already say it.
  const issues = errors.filter((error) => error.keyword !== 'anyOf').map(toIssue);
  if (issues.length === 0) issues.push(...errors.map(toIssue));
  const code =
    PRECEDENCE.find((candidate) => issues.some((issue) => issue.problem === candidate)) ?? 'validation_failed';
  const first = issues.find((issue) => issue.problem === code) ?? issues[0];
  return new ApiError(400, code, `Invalid ${location}: ${first?.message ?? 'does not match the schema'}`, {
    location,
    field: first?.field ?? '',
    issues: issues.slice(0, MAX_ISSUES),
  });
}
