import { defineEntity, p } from '@mikro-orm/core';
import { createdAt, instant, uuidPrimaryKey } from './columns.js';

const MembershipSchema = defineEntity({
  name: 'Membership',
  tableName: 'memberships',
  indexes: [{ properties: ['userId', 'revokedAt'] }, { properties: ['tenantId', 'revokedAt'] }],
  // One active membership per person, place and role: a second grant finds the first.
  uniques: [
    {
      name: 'memberships_active_unique',
      expression: `create unique index "memberships_active_unique" on "memberships" ("user_id", coalesce("tenant_id", '00000000-0000-0000-0000-000000000000'), "role") where "revoked_at" is null`,
    },
  ],
  properties: {
    id: uuidPrimaryKey(),
    userId: p.uuid(),
    /** The storefront the role is in; null: a platform role. */
    tenantId: p.uuid().nullable(),
    /** `owner`/`editor` in a storefront, `admin`/`moderator`/`finance` on the platform (domain `membershipOf`). */
    role: p.string().length(20),
    /** Who granted it (a user id, or `system` for seeds and migrations). */
    grantedBy: p.string(),
    grantedAt: createdAt(),
    /** Set when revoked; a revoked membership stays as the record of what was. */
    revokedAt: instant().nullable(),
    revokedBy: p.string().nullable(),
  },
});

/**
 * A role someone holds: in a storefront (owner, editor) or on the platform (admin, moderator,
 * finance). Roles are data here, not claims an identity provider invents; every grant and
 * revocation is also written to the audit trail. Platform-level, since platform roles have no
 * tenant.
 */
export class Membership extends MembershipSchema.class {}
MembershipSchema.setClass(Membership);

/** Metadata of `Membership`. */
export { MembershipSchema };
