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
export interface CartStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The storage key of a tenant's cart: carts never mix storefronts. */
export const cartKey = (tenant: string): string => `fanfare:cart:${tenant}`;

const isLine = (value: unknown): value is CartLine => {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.productId === 'string' && typeof v.slug === 'string' && typeof v.title === 'string'
    && Number.isInteger(v.amount) && typeof v.currency === 'string' && Number.isInteger(v.quantity) && (v.quantity as number) > 0;
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
export function removeLine(lines: readonly CartLine[], productId: string): CartLine[] {
  return lines.filter((l) => l.productId !== productId);
}

/** Totals per currency (a cart may hold prices shown in more than one). */
export function cartTotals(lines: readonly CartLine[]): { currency: string; amount: number }[] {
  const totals = new Map<string, number>();
  for (const line of lines) totals.set(line.currency, (totals.get(line.currency) ?? 0) + line.amount * line.quantity);
  return [...totals].map(([currency, amount]) => ({ currency, amount }));
}

type Listener = (lines: CartLine[]) => void;

/**
 * The tiny store the cart islands share: one per tenant, persisted on every change, and kept in
 * step across islands and tabs (the `storage` event).
 */
export class CartStore {
  private lines: CartLine[];
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly storage: CartStorage,
    private readonly tenant: string,
  ) {
    this.lines = readCart(storage, tenant);
  }

  /** Current lines. */
  get snapshot(): CartLine[] {
    return this.lines;
  }

  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Adds a product. */
  add(line: Omit<CartLine, 'quantity'>): void {
    this.set(addLine(this.lines, line));
  }

  /** Removes a product. */
  remove(productId: string): void {
    this.set(removeLine(this.lines, productId));
  }

  /** Re-reads storage (another tab changed it). */
  reload(): void {
    this.lines = readCart(this.storage, this.tenant);
    for (const listener of this.listeners) listener(this.lines);
  }

  private set(lines: CartLine[]): void {
    this.lines = lines;
    this.storage.setItem(cartKey(this.tenant), JSON.stringify(lines));
    for (const listener of this.listeners) listener(lines);
  }
}

const stores = new Map<string, CartStore>();

/** The browser's shared store of `tenant` (one instance per page, whatever the island count). */
export function browserCart(tenant: string): CartStore {
  let store = stores.get(tenant);
  if (store === undefined) {
    store = new CartStore(window.localStorage, tenant);
    const created = store;
    window.addEventListener('storage', (event) => {
      if (event.key === cartKey(tenant)) created.reload();
    });
    stores.set(tenant, store);
  }
  return store;
}
