import { defineEntity, p } from '@mikro-orm/core';
import type { Role } from '@fanfare/domain';
import { createdAt, uuidPrimaryKey } from './columns.js';

const UserSchema = defineEntity({
  name: 'User',
  tableName: 'users',
  properties: {
    id: uuidPrimaryKey(),
    /** Lower-cased on write so that sign-in and uniqueness ignore case. */
    email: p.string().lowercase().unique(),
    displayName: p.string(),
    roles: p.array<Role>().default([]),
    createdAt: createdAt(),
  },
});

/** A person who signs in; platform-level because one buyer may shop at many storefronts. */
export class User extends UserSchema.class {}
UserSchema.setClass(User);

/** Metadata of `User`. */
export { UserSchema };
