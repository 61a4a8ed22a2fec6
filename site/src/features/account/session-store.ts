/** A signed-in buyer: the bearer token the API accepts and whose it is. */
export interface Session {
  token: string;
  /** ISO date-time after which the API refuses the token. */
  expiresAt: string;
  email: string;
}

/** Where sessions persist; `localStorage` in the browser, a map in tests. */
export interface SessionStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The storage key of a tenant's session: a sign-in at one storefront is not one at another. */
export const sessionKey = (tenant: string): string => `fanfare:session:${tenant}`;

// A token this close to expiry would likely die mid-request; treat it as gone already.
const EXPIRY_MARGIN_MS = 30_000;

/** True while `session` can still be sent (ends a little before the token's own expiry). */
export function isLive(session: Session, now: Date): boolean {
  const expires = Date.parse(session.expiresAt);
  return Number.isFinite(expires) && expires - EXPIRY_MARGIN_MS > now.getTime();
}

const isSession = (value: unknown): value is Session => {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.token === 'string' && v.token !== '' && typeof v.expiresAt === 'string' && typeof v.email === 'string';
};

/** The stored session of `tenant`, or null when there is none, it is malformed or it expired. */
export function readSession(storage: SessionStorage, tenant: string, now: Date): Session | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(storage.getItem(sessionKey(tenant)) ?? 'null');
  } catch {
    return null;
  }
  return isSession(parsed) && isLive(parsed, now) ? parsed : null;
}

type Listener = (session: Session | null) => void;

/**
 * The tiny store the account, checkout, library and wishlist islands share: one per tenant,
 * persisted on every change, and kept in step across islands and tabs (the `storage` event).
 * An expired session reads as signed out and is dropped from storage.
 */
export class SessionStore {
  private session: Session | null;
  private readonly listeners = new Set<Listener>();

  constructor(
    private readonly storage: SessionStorage,
    private readonly tenant: string,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.session = null;
    this.reload();
  }

  /** The live session, or null (an expired one is dropped on the way). */
  get snapshot(): Session | null {
    if (this.session !== null && !isLive(this.session, this.clock())) this.set(null);
    return this.session;
  }

  /** The bearer token to send, or null when signed out. */
  token(): string | null {
    return this.snapshot?.token ?? null;
  }

  /** The signed-in email, or null. */
  email(): string | null {
    return this.snapshot?.email ?? null;
  }

  /** Calls `listener` on every change; returns the unsubscribe function. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Keeps a new session (after sign-in). */
  signIn(session: Session): void {
    this.set(session);
  }

  /** Forgets the session (sign out, or the API answered 401 to its token). */
  signOut(): void {
    this.set(null);
  }

  /** Re-reads storage (another tab signed in or out). */
  reload(): void {
    const stored = readSession(this.storage, this.tenant, this.clock());
    if (stored === null && this.storage.getItem(sessionKey(this.tenant)) !== null) this.storage.removeItem(sessionKey(this.tenant));
    this.session = stored;
    for (const listener of this.listeners) listener(stored);
  }

  private set(session: Session | null): void {
    this.session = session;
    if (session === null) this.storage.removeItem(sessionKey(this.tenant));
    else this.storage.setItem(sessionKey(this.tenant), JSON.stringify(session));
    for (const listener of this.listeners) listener(session);
  }
}

const stores = new Map<string, SessionStore>();

/** The browser's shared session store of `tenant` (one instance per page, whatever the island count). */
export function browserSession(tenant: string): SessionStore {
  let store = stores.get(tenant);
  if (store === undefined) {
    store = new SessionStore(window.localStorage, tenant);
    const created = store;
    window.addEventListener('storage', (event) => {
      if (event.key === sessionKey(tenant)) created.reload();
    });
    stores.set(tenant, store);
  }
  return store;
}
