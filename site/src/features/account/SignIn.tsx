import { useId, useState, type FormEvent } from 'react';
import type { MessageKey } from '../../lib/i18n';
import { fill } from '../../lib/wording';
import { signIn } from './sign-in';
import { useSession } from './use-session';

/** The strings `SignIn` shows. */
export const SIGN_IN_LABELS = [
  'signIn',
  'signOut',
  'signingIn',
  'signedInAs',
  'signInIntro',
  'signInDevNote',
  'signInFailed',
  'needsConnection',
  'emailLabel',
] as const satisfies readonly MessageKey[];

/** Props of `SignIn`. */
export interface SignInProps {
  tenant: string;
  labels: Record<(typeof SIGN_IN_LABELS)[number], string>;
}

/**
 * Sign-in by email when signed out, "signed in as" and sign-out when signed in. The session goes
 * to the tenant's shared store, so every other island (checkout, library, wishlist) follows.
 */
export default function SignIn({ tenant, labels }: SignInProps) {
  const { session, store, ready } = useSession(tenant);
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();

  if (session !== null) {
    return (
      <p className="account" data-testid="signed-in">
        {fill(labels.signedInAs, { email: session.email })}{' '}
        <button type="button" className="link-button" onClick={() => store?.signOut()}>
          {labels.signOut}
        </button>
      </p>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (store === undefined || busy) return;
    setBusy(true);
    setError(null);
    const answer = await signIn(email);
    setBusy(false);
    if (answer.ok) store.signIn(answer.body);
    else setError(answer.status === 0 ? labels.needsConnection : fill(labels.signInFailed, { code: answer.code }));
  };

  return (
    <form className="sign-in" onSubmit={submit} data-testid="sign-in">
      <p>
        {labels.signInIntro} <span className="muted">{labels.signInDevNote}</span>
      </p>
      <label htmlFor={`${id}-email`}>{labels.emailLabel}</label>
      <input
        id={`${id}-email`}
        type="email"
        name="email"
        autoComplete="email"
        required
        value={email}
        onChange={(event) => setEmail(event.currentTarget.value)}
        aria-describedby={`${id}-error`}
      />
      <button type="submit" className="button" disabled={!ready || busy}>
        {busy ? labels.signingIn : labels.signIn}
      </button>
      <p id={`${id}-error`} role="alert" className="error">
        {error}
      </p>
    </form>
  );
}
