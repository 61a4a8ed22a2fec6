import { DomainError } from '@fanfare/domain';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CapacityReservation, type CapacityReservationStatus } from '../entities/capacity-reservation.entity.js';
import { Product } from '../entities/product.entity.js';
import { forTenant } from '../tenancy/tenant-scope.js';
import { settleReservations } from './reservations.js';

/** Units of one product an order wants to hold. */
export interface CapacityLine {
  readonly productId: string;
  /** `tokenAmount × quantity`. */
  readonly units: number;
}

/** What a checkout holds capacity for. */
export interface CapacityRequest {
  readonly tenantId: string;
  /** The order the reservations belong to: the idempotency key of reserve, confirm and release. */
  readonly orderId: string;
  readonly lines: readonly CapacityLine[];
}

/** One product's reservation as reserve/confirm/release report it. */
export interface CapacityReservationState {
  readonly productId: string;
  readonly units: number;
  readonly status: CapacityReservationStatus;
}

const HELD: CapacityReservationStatus[] = ['reserved', 'confirmed'];

const stateOf = (row: CapacityReservation): CapacityReservationState => ({
  productId: row.productId,
  units: row.units,
  status: row.status,
});

/** Units of a product held (reserved or confirmed) by orders other than `exceptOrderId`. */
export async function heldCapacityUnits(
  em: EntityManager,
  tenantId: string,
  productId: string,
  exceptOrderId?: string,
): Promise<number> {
  const rows = await forTenant(em, tenantId).find(
    CapacityReservation,
    { productId, status: { $in: HELD }, ...(exceptOrderId === undefined ? {} : { orderId: { $ne: exceptOrderId } }) },
    { fields: ['units'] },
  );
  return rows.reduce((sum, row) => sum + row.units, 0);
}

/**
 * Holds token capacity for an order, all lines or none. Each product's row is locked for the
 * transaction (in id order, so two carts never deadlock), so concurrent reservations are counted
 * one after another and `capacityUnits` is never exceeded; a product without a capacity is
 * unlimited. Idempotent by order: a held reservation is returned as it is; a released one is
 * held again if the capacity still allows. Throws `DomainError` `capacity_exhausted` (details:
 * productId, capacityUnits, availableUnits, requestedUnits) or `unknown_product`.
 */
export async function reserveTokenCapacity(
  em: EntityManager,
  request: CapacityRequest,
): Promise<CapacityReservationState[]> {
  const wanted = new Map<string, number>();
  for (const line of request.lines) {
    if (!Number.isSafeInteger(line.units) || line.units <= 0)
      throw new DomainError('invalid_quantity', 'Capacity units must be a positive integer', {
        productId: line.productId,
        units: line.units,
      });
    wanted.set(line.productId, (wanted.get(line.productId) ?? 0) + line.units);
  }
  if (wanted.size === 0) return [];
  return forTenant(em, request.tenantId).transactional(async (tx) => {
    const scoped = forTenant(tx, request.tenantId);
    const held: CapacityReservationState[] = [];
    // Locked in product id order, so two checkouts of the same packs cannot deadlock.
    for (const [productId, units] of [...wanted].sort(([a], [b]) => a.localeCompare(b))) {
      const product = await scoped.findOne(Product, { id: productId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (product === null) throw new DomainError('unknown_product', 'No such product', { productId });
      const existing = await scoped.findOne(CapacityReservation, { productId, orderId: request.orderId });
      if (existing !== null && existing.status !== 'released') {
        held.push(stateOf(existing));
        continue;
      }
      if (product.capacityUnits != null) {
        const available =
          product.capacityUnits - (await heldCapacityUnits(tx, request.tenantId, productId, request.orderId));
        if (units > available) {
          throw new DomainError(
            'capacity_exhausted',
            `Only ${Math.max(available, 0)} units of ${product.title} are left`,
            {
              productId,
              capacityUnits: product.capacityUnits,
              availableUnits: Math.max(available, 0),
              requestedUnits: units,
            },
          );
        }
      }
      const row = existing ?? scoped.create(CapacityReservation, { productId, orderId: request.orderId, units });
      row.units = units;
      row.status = 'reserved';
      held.push(stateOf(row));
    }
    await scoped.flush();
    return held;
  });
}

/** Settles the order's reserved capacity; see `settleReservations`. */
async function move(
  em: EntityManager,
  tenantId: string,
  orderId: string,
  to: 'confirmed' | 'released',
): Promise<CapacityReservationState[]> {
  const rows = await settleReservations(em, tenantId, CapacityReservation, { orderId }, to);
  return rows.sort((a, b) => a.productId.localeCompare(b.productId)).map(stateOf);
}

/** Makes an order's reserved capacity final (the order was paid). */
export function confirmTokenCapacity(
  em: EntityManager,
  tenantId: string,
  orderId: string,
): Promise<CapacityReservationState[]> {
  return move(em, tenantId, orderId, 'confirmed');
}

/** Gives an unpaid order's reserved capacity back (checkout compensation). */
export function releaseTokenCapacity(
  em: EntityManager,
  tenantId: string,
  orderId: string,
): Promise<CapacityReservationState[]> {
  return move(em, tenantId, orderId, 'released');
}
