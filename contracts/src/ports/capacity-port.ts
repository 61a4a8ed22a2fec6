/** Units of one token pack an order holds: `tokenAmount × quantity`. */
export interface TokenCapacityLine {
  productId: string;
  units: number;
}

/** Which order's capacity: the key of confirm and release. */
export interface TokenCapacityKey {
  tenantId: string;
  orderId: string;
}

/** The token-pack lines of an order to hold capacity for. */
export interface ReserveTokenCapacityInput extends TokenCapacityKey {
  lines: TokenCapacityLine[];
}

/** One product's reservation after reserve, confirm or release. */
export interface TokenCapacityReservation {
  productId: string;
  units: number;
  status: 'reserved' | 'confirmed' | 'released';
}

/**
 * Token-pack capacity as checkout sees it (a creator offers a finite number of units; a product
 * without a capacity is unlimited). Reserve holds all lines or none and fails non-retryably with
 * type `CapacityExhausted` and `details[0]` = `{ code: 'capacity_exhausted', details }`; confirm
 * and release act on every reservation of the order and are idempotent (a confirmed reservation
 * is never released).
 */
export interface CapacityActivities {
  reserveTokenCapacity(input: ReserveTokenCapacityInput): Promise<TokenCapacityReservation[]>;
  confirmTokenCapacity(input: TokenCapacityKey): Promise<TokenCapacityReservation[]>;
  releaseTokenCapacity(input: TokenCapacityKey): Promise<TokenCapacityReservation[]>;
}
