import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const shared: Options = {
  // Unknown fields are refused, never silently dropped: a typo in a field name must not
  // turn into "the field was ignored and a default used".
  removeAdditional: false,
  useDefaults: true,
  allErrors: true,
  // TypeBox only emits standard keywords; strict mode catches schema typos in our own code.
  strict: true,
};

function makeAjv(coerceTypes: Options['coerceTypes']): Ajv {
  const ajv = new Ajv({ ...shared, coerceTypes });
  addFormats(ajv);
  return ajv;
}

/**
 * Fastify's validator compiler with two Ajv instances: bodies are JSON and keep their types
 * (a string "5" is not a number), while path parameters, query strings and headers arrive as
 * text and are coerced to the schema's types.
 */
export function createValidatorCompiler(): FastifySchemaCompiler<FastifySchema> {
  const strictAjv = makeAjv(false);
  const coercingAjv = makeAjv('array');
  return ({ schema, httpPart }) => (httpPart === 'body' ? strictAjv : coercingAjv).compile(schema);
}
