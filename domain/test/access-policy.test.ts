import { describe, expect, it } from 'vitest';
import {
  type AccessAction,
  type AccessCaller,
  buyerKeys,
  isBuyerOf,
  mayAccess,
  type OwnedResource,
  operatorRolesFor,
  type ResourceOwner,
  type Role,
} from '@fanfare/domain';

const BUYER = 'b0000000-0000-4000-8000-000000000001';
const OTHER = 'b0000000-0000-4000-8000-000000000002';
const accountOwned: ResourceOwner = { buyerUserId: BUYER, buyerEmail: 'ann@example.com' };
const guestOwned: ResourceOwner = { buyerUserId: null, buyerEmail: 'ann@example.com' };

const as = (roles: Role[], userId: string | null = OTHER, email: string | null = 'zed@example.com'): AccessCaller => ({
  userId,
  email,
  roles,
});

describe('mayAccess: operators by role × resource × action', () => {
  // Each operator role against each kind of thing it might ask for, on a stranger's purchase.
  it.each<[Role, OwnedResource, AccessAction, boolean]>([
    ['admin', 'order', 'read', true],
    ['finance', 'order', 'read', true],
    ['moderator', 'order', 'read', false],
    ['creator', 'order', 'read', false],
    ['buyer', 'order', 'read', false],
    ['admin', 'order', 'refund', true],
    ['finance', 'order', 'refund', true],
    ['moderator', 'order', 'refund', false],
    ['admin', 'invoice', 'read', true],
    ['finance', 'invoice', 'read', true],
    ['moderator', 'invoice', 'read', false],
    ['admin', 'entitlement', 'read', true],
    ['finance', 'entitlement', 'read', true],
    ['moderator', 'entitlement', 'read', false],
    ['admin', 'entitlement', 'download', false],
    ['admin', 'download', 'download', false],
    ['finance', 'download', 'download', false],
  ])('%s may %3$s a stranger’s %2$s: %4$s', (role, resource, action, allowed) => {
    expect(mayAccess(as([role]), resource, action, accountOwned)).toBe(allowed);
  });
});

describe('mayAccess: owners', () => {
  const owner = as(['buyer'], BUYER, 'someone-else@example.com');
  const guest = as(['buyer'], OTHER, 'ANN@example.com');
  it.each<[OwnedResource, AccessAction, boolean]>([
    ['order', 'read', true],
    ['order', 'refund', false],
    ['invoice', 'read', true],
    ['entitlement', 'read', true],
    ['entitlement', 'download', true],
    ['download', 'download', true],
  ])('the buying account may %2$s its %1$s: %3$s', (resource, action, allowed) => {
    expect(mayAccess(owner, resource, action, accountOwned)).toBe(allowed);
    // A guest purchase is claimed by its verified email, whatever the account.
    expect(mayAccess(guest, resource, action, guestOwned)).toBe(allowed);
  });
});

describe('isBuyerOf', () => {
  it.each<[string, AccessCaller, ResourceOwner, boolean]>([
    ['same account', as([], BUYER, null), accountOwned, true],
    ['another account with the buyer’s email', as([], OTHER, 'ann@example.com'), accountOwned, false],
    ['no account, buyer’s email, account purchase', as([], null, 'ann@example.com'), accountOwned, false],
    ['guest purchase, same email in other case', as([], OTHER, 'Ann@Example.com'), guestOwned, true],
    ['guest purchase, no account, same email', as([], null, 'ann@example.com'), guestOwned, true],
    ['guest purchase, other email', as([], BUYER, 'bob@example.com'), guestOwned, false],
    ['guest purchase, no verified email', as([], BUYER, null), guestOwned, false],
  ])('%s → %s', (_, caller, owner, expected) => {
    expect(isBuyerOf(caller, owner)).toBe(expected);
  });
});

describe('operatorRolesFor and buyerKeys', () => {
  it('names no operator who may take a buyer’s download', () => {
    expect(operatorRolesFor('download', 'download')).toEqual([]);
    expect(operatorRolesFor('order', 'refund')).toEqual(['admin', 'finance']);
  });

  it('matches rows of the account and guest rows of the lower-cased email', () => {
    expect(buyerKeys(as([], BUYER, 'Ann@Example.com'))).toEqual({ userId: BUYER, guestEmail: 'ann@example.com' });
    expect(buyerKeys(as([], null, null))).toEqual({ userId: null, guestEmail: null });
  });
});
