import { Type } from 'typebox';
import { ROLES } from '@fanfare/domain';

/** A user as they see themselves. */
export const UserView = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    email: Type.String(),
    displayName: Type.String(),
    roles: Type.Array(Type.Enum(ROLES)),
  },
  { title: 'User' },
);

/** `GET /v1/me`. */
export const MeResponse = Type.Object(
  {
    subject: Type.String({ description: "The token's subject" }),
    roles: Type.Array(Type.Enum(ROLES), { description: 'Roles this token acts in' }),
    user: Type.Union([UserView, Type.Null()], {
      description: 'The Fanfare account, once one exists for this subject or email',
    }),
  },
  { title: 'Me' },
);
