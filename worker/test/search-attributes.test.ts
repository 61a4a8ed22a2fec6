import { Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../../scripts/test-support/provided.js';
import { FANFARE_SEARCH_ATTRIBUTES } from '@fanfare/contracts';
import { SearchAttributeType } from '@temporalio/common';
import { registerSearchAttributes } from '../src/index.js';
import { freshNamespace } from './support/namespaces.js';

const names = FANFARE_SEARCH_ATTRIBUTES.map((attribute) => attribute.name);
let connection: Connection;

beforeAll(async () => {
  connection = await Connection.connect({ address: inject('temporalAddress') });
});
afterAll(async () => {
  await connection?.close();
});

describe('registerSearchAttributes (real Temporal dev server)', () => {
  it('adds every Fanfare attribute to a namespace that has none, as Keyword', async () => {
    const namespace = await freshNamespace(connection, 'sa');
    expect(await registerSearchAttributes(connection, namespace)).toEqual({ added: names, alreadyPresent: [] });
    const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
    for (const name of names) expect(customAttributes?.[name]).toBe(2 /* INDEXED_VALUE_TYPE_KEYWORD */);
  });

  it('is harmless to run again: everything is already present', async () => {
    const namespace = await freshNamespace(connection, 'sa-twice');
    await registerSearchAttributes(connection, namespace);
    expect(await registerSearchAttributes(connection, namespace)).toEqual({ added: [], alreadyPresent: names });
    expect(await registerSearchAttributes(connection, inject('temporalNamespace'))).toEqual({
      added: [],
      alreadyPresent: names,
    });
  });

  it('refuses an attribute that exists with another type', async () => {
    const namespace = await freshNamespace(connection, 'sa-clash');
    await registerSearchAttributes(connection, namespace, [{ name: 'TenantId', type: SearchAttributeType.INT }]);
    await expect(registerSearchAttributes(connection, namespace)).rejects.toThrow(
      /TenantId exists in namespace .* with another type/,
    );
  });
});
