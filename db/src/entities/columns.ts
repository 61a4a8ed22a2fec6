import { randomUUID } from 'node:crypto';
import { p } from '@mikro-orm/core';

/**
 * Property builders shared by every entity, so that ids, money, currency and time columns have
 * one definition: uuid ids made in code (usable before the first flush), integer minor units,
 * `char(3)` ISO currencies and `timestamptz` instants.
 */

/** A uuid primary key generated in code when the entity is created. */
export const uuidPrimaryKey = () =>
  p
    .uuid()
    .primary()
    .onCreate(() => randomUUID());

/** A reference to another row by its uuid. */
export const uuidRef = () => p.uuid();

/** Money in integer minor units (cents, pence); never a float. */
export const minorUnits = () => p.integer();

/** An ISO 4217 currency code, upper case. */
export const currencyCode = () => p.string().columnType('char(3)').length(3);

/** A point in time, stored with its zone. */
export const instant = () => p.datetime().columnType('timestamptz');

/** A creation time set when the entity is created. */
export const createdAt = () => instant().onCreate(() => new Date());
