import { Type } from 'typebox';
import { PLATFORM_ROLES, TENANT_ROLES } from '@fanfare/domain';

const Uuid = Type.String({ format: 'uuid' });

/** `POST /v1/memberships`: a role for someone, in a storefront or (tenantId null) on the platform. */
export const GrantMembershipBody = Type.Object(
  {
    userId: Uuid,
    tenantId: Type.Union([Uuid, Type.Null()], { description: 'The storefront; null for a platform role' }),
    role: Type.Enum([...TENANT_ROLES, ...PLATFORM_ROLES]),
  },
  { additionalProperties: false },
);

/** `:id` of a membership. */
export const MembershipParams = Type.Object({ id: Uuid }, { additionalProperties: false });

/** A membership as its granter sees it. */
export const MembershipView = Type.Object(
  {
    id: Uuid,
    userId: Uuid,
    tenantId: Type.Union([Uuid, Type.Null()]),
    role: Type.String(),
    grantedBy: Type.String(),
    grantedAt: Type.String({ format: 'date-time' }),
    revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { title: 'Membership' },
);
