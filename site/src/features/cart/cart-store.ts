import { StoredState, sharedInPage, type KeyValueStorage } from '../../lib/stored-state';

/** One line of a cart: enough to show it and to send to `/v1/checkout` later. */
export interface CartLine {
  productId: string;
  slug: string;
  title: string;
  /** Minor units of `currency`, as displayed when added. */
  amount: number;
  currency: string;
  quantity: number;
}

/** Where a cart persists; `localStorage` in the browser, a map in tests. */
export type CartStorage = KeyValueStorage;

/** The storage key of a tenant's cart: carts never mix storefronts. */
export const cartKey = (tenant: string): string => `fanfare:cart:${tenant}`;

const isLine = (value: unknown): value is CartLine => {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.productId === 'string' &&
    typeof v.slug === 'string' &&
    typeof v.title === 'string' &&
    Number.isInteger(v.amount) &&
    typeof v.currency === 'string' &&
    Number.isInteger(v.quantity) &&
    (v.quantity as number) > 0
  );
};

/** Reads a cart, dropping anything malformed (storage is user-editable). */
export function readCart(storage: CartStorage, tenant: string): CartLine[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(cartKey(tenant)) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isLine) : [];
  } catch {
    return [];
  }
}

/** Adds a product (digital goods: one of each is enough, so adding twice keeps quantity 1). */
export function addLine(lines: readonly CartLine[], line: Omit<CartLine, 'quantity'>): CartLine[] {
  return lines.some((l) => l.productId === line.productId) ? [...lines] : [...lines, { ...line, quantity: 1 }];
}

/** Removes a product. */
function removeLine(lines: readonly CartLine[], productId: string): CartLine[] {
  return lines.filter((l) => l.productId !== productId);
}

/** Totals per currency (a cart may hold prices shown in more than one). */
export function cartTotals(lines: readonly CartLine[]): { currency: string; amount: number }[] {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.currency, (totals.get(line.currency) ?? 0) + line.amount * line.quantity);
  return [...totals].map(([currency, amount]) => ({ currency, amount }));
}

/**
 * The tiny store the cart islands share: one per tenant, persisted on every change, and kept in
 * step across islands and tabs.
 */
export class CartStore extends StoredState<CartLine[]> {
  constructor(
    storage: CartStorage,
    private readonly tenant: string,
  ) {
    super(storage, cartKey(tenant), []);
    this.reload();
  }

  /** Adds a product. */
  add(line: Omit<CartLine, 'quantity'>): void {
    this.set(addLine(this.snapshot, line));
  }

  /** Removes a product. */
  remove(productId: string): void {
    this.set(removeLine(this.snapshot, productId));
  }

  protected read(): CartLine[] {
    return readCart(this.storage, this.tenant);
  }
}

/** The browser's shared store of `tenant` (one instance per page, whatever the island count). */
export function browserCart(tenant: string): CartStore {
  return sharedInPage(cartKey(tenant), () => new CartStore(window.localStorage, tenant));
}
