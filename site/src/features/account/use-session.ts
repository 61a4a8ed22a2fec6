import { useEffect, useState } from 'react';
import { browserSession, type Session, type SessionStore } from './session-store';

/** The tenant's session and store, re-rendering on change; signed out during server rendering. */
export function useSession(tenant: string): { session: Session | null; store: SessionStore | undefined; ready: boolean } {
  const [store, setStore] = useState<SessionStore>();
  const [session, setSession] = useState<Session | null>(null);
  useEffect(() => {
    const shared = browserSession(tenant);
    setStore(shared);
    setSession(shared.snapshot);
    return shared.subscribe(setSession);
  }, [tenant]);
  return { session, store, ready: store !== undefined };
}
