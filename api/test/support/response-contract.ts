import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const compiled = new WeakMap<object, ValidateFunction>();

/** Every answer that broke its route's documented response schema, for a test to report. */
const contractViolations: string[] = [];

function validatorFor(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (validate === undefined) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/**
 * Holds every JSON answer of a test app to the response schema its route documents (the same
 * schema the OpenAPI document is generated from): an undocumented status or a body that does
 * not match is turned into a 500 naming the drift, so the test that provoked it fails, and is
 * recorded in {@link contractViolations}.
 */
export function enforceResponseContract(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const responses = reply.routeOptions.schema?.response as Record<string, object> | undefined;
    if (responses === undefined || (reply.routeOptions.schema as { hide?: boolean }).hide === true) return payload;
    const status = String(reply.statusCode);
    const schema = responses[status] ?? responses[`${status[0]}xx`] ?? responses.default;
    const where = `${request.method} ${reply.routeOptions.url} answered ${status}`;
    let problem: string | undefined;
    if (schema === undefined) problem = `${where}, a status its schema does not document`;
    else if (typeof payload === 'string' && /json/.test(String(reply.getHeader('content-type') ?? ''))) {
      const validate = validatorFor(schema);
      if (!validate(JSON.parse(payload))) problem = `${where} off its schema: ${ajv.errorsText(validate.errors)}`;
    }
    if (problem === undefined) return payload;
    contractViolations.push(problem);
    reply.code(500).header('content-type', 'application/json; charset=utf-8');
    return JSON.stringify({ error: { code: 'internal_error', message: problem, requestId: request.id } });
  });
}
