import type { Connection } from '@temporalio/client';
import type { SearchAttributeType } from '@temporalio/common';
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes.js';
import { FANFARE_SEARCH_ATTRIBUTES } from '@fanfare/contracts';

/** What registration found and did. */
export interface SearchAttributeRegistration {
  added: string[];
  alreadyPresent: string[];
}

/** gRPC status ALREADY_EXISTS: another worker registered the same attribute a moment earlier. */
const GRPC_ALREADY_EXISTS = 6;

function isAlreadyExists(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === GRPC_ALREADY_EXISTS;
}

/**
 * Makes sure `namespace` knows every Fanfare search attribute with the right type. Idempotent:
 * present attributes are left alone, so every worker can run it at start. An attribute that
 * exists with another type is an error an operator must resolve, never silently accepted.
 */
export async function registerSearchAttributes(
  connection: Pick<Connection, 'operatorService'>,
  namespace: string,
  attributes: readonly { name: string; type: SearchAttributeType }[] = FANFARE_SEARCH_ATTRIBUTES,
): Promise<SearchAttributeRegistration> {
  const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
  const missing: Record<string, number> = {};
  const alreadyPresent: string[] = [];
  for (const { name, type } of attributes) {
    const wanted = encodeSearchAttributeIndexedValueType(type);
    if (wanted === undefined) throw new Error(`Search attribute ${name} has an unknown type ${type}`);
    const existing = customAttributes?.[name];
    if (existing === undefined || existing === null) {
      missing[name] = wanted;
    } else if (existing !== wanted) {
      throw new Error(
        `Search attribute ${name} exists in namespace ${namespace} with another type (${existing}, wanted ${type})`,
      );
    } else {
      alreadyPresent.push(name);
    }
  }
  if (Object.keys(missing).length > 0) {
    try {
      await connection.operatorService.addSearchAttributes({ namespace, searchAttributes: missing });
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
    }
  }
  return { added: Object.keys(missing), alreadyPresent };
}
