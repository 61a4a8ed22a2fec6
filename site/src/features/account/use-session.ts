import { useStoredState } from '../../lib/use-stored-state';
import { browserSession, sessionKey, type Session, type SessionStore } from './session-store';

/** The tenant's session and store, re-rendering on change; signed out during server rendering. */
export function useSession(tenant: string): {
  session: Session | null;
  store: SessionStore | undefined;
  ready: boolean;
} {
  const { value, store } = useStoredState<Session | null, SessionStore>(
    () => browserSession(tenant),
    null,
    sessionKey(tenant),
  );
  return { session: value, store, ready: store !== undefined };
}
