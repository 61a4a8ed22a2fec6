import { StoredState, sharedInPage, type KeyValueStorage } from '../../lib/stored-state';

/** A signed-in buyer: the bearer token the API accepts and whose it is. */
export interface Session {
  token: string;
  /** ISO date-time after which the API refuses the token. */
  expiresAt: string;
  email: string;
}

/** Where sessions persist; `localStorage` in the browser, a map in tests. */
export interface SessionStorage extends KeyValueStorage {
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
  return (
    typeof v.token === 'string' && v.token !== '' && typeof v.expiresAt === 'string' && typeof v.email === 'string'
  );
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

/**
 * The tiny store the account, checkout, library and wishlist islands share: one per tenant,
 * persisted on every change, and kept in step across islands and tabs. An expired session
 * reads as signed out and is dropped from storage.
 */
export class SessionStore extends StoredState<Session | null, SessionStorage> {
  constructor(
    storage: SessionStorage,
    private readonly tenant: string,
    private readonly clock: () => Date = () => new Date(),
  ) {
    super(storage, sessionKey(tenant), null);
    this.reload();
  }

  /** The live session, or null (an expired one is dropped on the way). */
  override get snapshot(): Session | null {
    const session = super.snapshot;
    if (session !== null && !isLive(session, this.clock())) {
      this.set(null);
      return null;
    }
    return session;
  }

  /** The bearer token to send, or null when signed out. */
  token(): string | null {
    return this.snapshot?.token ?? null;
  }

  /** The signed-in email, or null. */
  email(): string | null {
    return this.snapshot?.email ?? null;
  }

  /** Keeps a new session (after sign-in). */
  signIn(session: Session): void {
    this.set(session);
  }

  /** Forgets the session (sign out, or the API answered 401 to its token). */
  signOut(): void {
    this.set(null);
  }

  protected read(): Session | null {
    const stored = readSession(this.storage, this.tenant, this.clock());
    if (stored === null && this.storage.getItem(this.key) !== null) this.storage.removeItem(this.key);
    return stored;
  }

  protected override write(session: Session | null): void {
    if (session === null) this.storage.removeItem(this.key);
    else super.write(session);
  }
}

/** The browser's shared session store of `tenant` (one instance per page, whatever the island count). */
export function browserSession(tenant: string): SessionStore {
  return sharedInPage(sessionKey(tenant), () => new SessionStore(window.localStorage, tenant));
}
