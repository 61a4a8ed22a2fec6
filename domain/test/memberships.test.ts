import { describe, expect, it } from 'vitest';
import {
  assertMayChangeMembership,
  DomainError,
  type Membership,
  type MembershipActor,
  membershipOf,
  tokenRoles,
} from '../src/index.js';

const STORE = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

const actor = (...memberships: Membership[]): MembershipActor => ({ userId: 'u', memberships });

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
}

describe('memberships', () => {
  it('accepts roles only where they belong', () => {
    expect(membershipOf(null, 'finance')).toEqual({ tenantId: null, role: 'finance' });
    expect(membershipOf(STORE, 'editor')).toEqual({ tenantId: STORE, role: 'editor' });
    expect(codeOf(() => membershipOf(null, 'editor'))).toBe('invalid_membership');
    expect(codeOf(() => membershipOf(STORE, 'admin'))).toBe('invalid_membership');
    expect(codeOf(() => membershipOf(STORE, 'buyer'))).toBe('invalid_membership');
  });

  it.each([
    ['an admin, a platform role', actor({ tenantId: null, role: 'admin' }), membershipOf(null, 'finance'), undefined],
    ['an admin, a store role', actor({ tenantId: null, role: 'admin' }), membershipOf(STORE, 'owner'), undefined],
    [
      'the owner, an editor of the store',
      actor({ tenantId: STORE, role: 'owner' }),
      membershipOf(STORE, 'editor'),
      undefined,
    ],
    ['the owner, another owner', actor({ tenantId: STORE, role: 'owner' }), membershipOf(STORE, 'owner'), undefined],
    [
      'an owner, another store',
      actor({ tenantId: STORE, role: 'owner' }),
      membershipOf(OTHER, 'editor'),
      'membership_forbidden',
    ],
    [
      'an owner, a platform role',
      actor({ tenantId: STORE, role: 'owner' }),
      membershipOf(null, 'moderator'),
      'membership_forbidden',
    ],
    [
      'an editor, its own store',
      actor({ tenantId: STORE, role: 'editor' }),
      membershipOf(STORE, 'editor'),
      'membership_forbidden',
    ],
    [
      'a moderator',
      actor({ tenantId: null, role: 'moderator' }),
      membershipOf(null, 'finance'),
      'membership_forbidden',
    ],
    ['finance', actor({ tenantId: null, role: 'finance' }), membershipOf(STORE, 'editor'), 'membership_forbidden'],
    ['a buyer', actor(), membershipOf(STORE, 'editor'), 'membership_forbidden'],
  ])('%s: may change it unless refused', (_who, who, change, refusal) => {
    expect(codeOf(() => assertMayChangeMembership(who, change))).toBe(refusal);
  });

  it('gives tokens buyer always, creator for any store membership, and platform roles as they are', () => {
    expect(tokenRoles([])).toEqual(['buyer']);
    expect(tokenRoles([membershipOf(STORE, 'editor'), membershipOf(OTHER, 'owner')])).toEqual(['buyer', 'creator']);
    expect(tokenRoles([membershipOf(null, 'admin'), membershipOf(null, 'finance')])).toEqual([
      'buyer',
      'admin',
      'finance',
    ]);
  });
});
