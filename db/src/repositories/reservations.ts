import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { forTenant } from '../tenancy/tenant-scope.js';

/**
 * The one hold → confirm | release life of something scarce a checkout holds before payment
 * (token-pack capacity, a discount code's use). Reserve is each kind's own rule; settling is the
 * same for all: only `reserved` rows move, so both moves are idempotent and a confirmed hold is
 * never released (a refund does not give sold capacity or a used code back).
 */
type ReservationStatus = 'reserved' | 'confirmed' | 'released';

/** What every reservation row has. */
interface ReservationRow {
  status: ReservationStatus;
  updatedAt: Date;
}

/** Settles the tenant's `reserved` rows matching `where` to `to`, then reads back every row matching it. */
export async function settleReservations<T extends ReservationRow>(
  em: EntityManager,
  tenantId: string,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  to: 'confirmed' | 'released',
): Promise<T[]> {
  const scoped = forTenant(em, tenantId);
  const reserved = { $and: [where, { status: 'reserved' }] } as FilterQuery<T>;
  await scoped.nativeUpdate(entity, reserved, { status: to, updatedAt: new Date() } as Partial<T>);
  return scoped.find(entity, where);
}
