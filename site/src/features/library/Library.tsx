import { useEffect, useState } from 'react';
import '../account/forms.css';
import SignIn, { SIGN_IN_LABELS } from '../account/SignIn';
import { useSession } from '../account/use-session';
import { apiFetch } from '../../lib/api-fetch';
import type { MessageKey } from '../../lib/i18n';
import { useOnline } from '../../lib/use-online';
import { fill, humanSize, longDate, retryWhen } from '../../lib/wording';
import {
  LIBRARY_STATUS_LABELS,
  downloadErrorWording,
  downloadableAssets,
  statusWording,
  type DownloadLink,
  type LibraryAsset,
  type LibraryEntitlement,
} from './library-view';

/** The strings `Library` shows. */
export const LIBRARY_LABELS = [
  ...SIGN_IN_LABELS,
  ...LIBRARY_STATUS_LABELS,
  'libraryLoading',
  'libraryEmpty',
  'libraryArriving',
  'libraryOffline',
  'libraryError',
  'boughtOn',
  'noFiles',
  'download',
  'downloadPreparing',
  'downloadStarted',
] as const satisfies readonly MessageKey[];

/** Props of `Library`. */
export interface LibraryProps {
  tenant: string;
  locale: string;
  /** Locale prefix of the page's links (`/fr-fr`). */
  base: string;
  labels: Record<(typeof LIBRARY_LABELS)[number], string>;
}

/** How many times the list is asked again for an awaited order (about a minute with the backoff). */
const ARRIVAL_POLLS = 16;

type Listing =
  | { kind: 'loading' }
  | { kind: 'offline' }
  | { kind: 'error'; code: string }
  | { kind: 'loaded'; entitlements: LibraryEntitlement[] };

/** A download's progress or refusal, said beside its button. */
interface DownloadNote {
  text: string;
  alert: boolean;
}

/** Starts the browser's download of `url` (an attachment), leaving this page where it is. */
function saveAs(url: string, filename: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * "My products": the sign-in form when signed out; signed in, what the buyer owns in this
 * storefront (`GET /v1/me/entitlements`) with a download button per file, each asking
 * `POST /v1/downloads/link` for a short-lived link and handing it to the browser.
 */
export default function Library({ tenant, locale, base, labels }: LibraryProps) {
  const { session, store, ready } = useSession(tenant);
  const online = useOnline();
  const [listing, setListing] = useState<Listing>({ kind: 'loading' });
  const [notes, setNotes] = useState<Record<string, DownloadNote>>({});
  const [expired, setExpired] = useState(false);
  // The order the checkout result page sent the buyer here for: its entitlement is granted by a
  // workflow moments after payment, so the list is asked again until it shows up.
  const [awaited, setAwaited] = useState<string | null>(null);
  const [asked, setAsked] = useState(0);
  const token = session?.token ?? null;

  useEffect(() => setAwaited(new URLSearchParams(window.location.search).get('order')), []);

  const arriving =
    awaited !== null &&
    listing.kind === 'loaded' &&
    !listing.entitlements.some((e) => e.orderId === awaited) &&
    asked < ARRIVAL_POLLS;
  useEffect(() => {
    if (!arriving) return;
    const timer = window.setTimeout(() => setAsked((n) => n + 1), Math.min(500 * 1.5 ** asked, 5_000));
    return () => window.clearTimeout(timer);
  }, [arriving, asked]);

  useEffect(() => {
    if (token === null) return;
    if (!online) return setListing((current) => (current.kind === 'loaded' ? current : { kind: 'offline' }));
    let cancelled = false;
    setListing((current) => (current.kind === 'loaded' ? current : { kind: 'loading' }));
    void apiFetch<{ entitlements: LibraryEntitlement[] }>('/v1/me/entitlements', { token }).then((answer) => {
      if (cancelled) return;
      if (answer.ok) return setListing({ kind: 'loaded', entitlements: answer.body.entitlements });
      if (answer.status === 401) {
        setExpired(true);
        return store?.signOut();
      }
      setListing(answer.status === 0 ? { kind: 'offline' } : { kind: 'error', code: answer.code });
    });
    return () => {
      cancelled = true;
    };
  }, [token, online, store, asked]);

  const signIn = (
    <SignIn
      tenant={tenant}
      labels={
        Object.fromEntries(SIGN_IN_LABELS.map((k) => [k, labels[k]])) as Record<(typeof SIGN_IN_LABELS)[number], string>
      }
    />
  );
  if (!ready) return <p role="status">{labels.libraryLoading}</p>;
  if (token === null) {
    return (
      <div data-testid="library">
        {expired && (
          <p role="alert" className="error">
            {labels.errSessionExpired}
          </p>
        )}
        {online ? (
          signIn
        ) : (
          <p role="status" className="status-line">
            {labels.needsConnection}
          </p>
        )}
      </div>
    );
  }

  const note = (assetId: string, value: DownloadNote) => setNotes((current) => ({ ...current, [assetId]: value }));
  const download = async (asset: LibraryAsset) => {
    note(asset.id, { text: fill(labels.downloadPreparing, { filename: asset.filename }), alert: false });
    const answer = await apiFetch<DownloadLink>('/v1/downloads/link', {
      method: 'POST',
      body: { assetId: asset.id },
      token,
    });
    if (answer.ok) {
      saveAs(answer.body.url, asset.filename);
      return note(asset.id, { text: fill(labels.downloadStarted, { filename: asset.filename }), alert: false });
    }
    const wording = downloadErrorWording(answer);
    note(asset.id, {
      text: fill(labels[wording.label], { code: answer.code, when: retryWhen(wording.retryAfterSeconds ?? 0, locale) }),
      alert: true,
    });
    if (answer.status === 401) {
      setExpired(true);
      store?.signOut();
    }
  };

  return (
    <div data-testid="library">
      {signIn}
      {listing.kind === 'loading' && <p role="status">{labels.libraryLoading}</p>}
      {listing.kind === 'offline' && (
        <p role="status" className="status-line" data-testid="library-offline">
          {labels.libraryOffline}
        </p>
      )}
      {listing.kind === 'error' && (
        <p role="alert" className="error">
          {fill(labels.libraryError, { code: listing.code })}
        </p>
      )}
      {arriving && (
        <p role="status" className="status-line" data-testid="library-arriving">
          {labels.libraryArriving}
        </p>
      )}
      {listing.kind === 'loaded' && listing.entitlements.length === 0 && !arriving && <p>{labels.libraryEmpty}</p>}
      {listing.kind === 'loaded' && listing.entitlements.length > 0 && (
        <ul className="library-list" data-testid="library-list">
          {listing.entitlements.map((entitlement) => {
            const status = statusWording(entitlement);
            const files = downloadableAssets(entitlement);
            return (
              <li key={entitlement.id} data-testid="library-item" data-status={entitlement.status}>
                <h2>
                  <a href={`${base}/products/${entitlement.product.slug}/`}>{entitlement.product.title}</a>
                </h2>
                <p>
                  <span className="badge">{labels[status.badge]}</span>{' '}
                  {fill(labels.boughtOn, { date: longDate(entitlement.grantedAt, locale) })}
                </p>
                {status.note !== null && <p className="muted">{labels[status.note]}</p>}
                {status.note === null && files.length === 0 && <p className="muted">{labels.noFiles}</p>}
                {files.length > 0 && (
                  <ul className="files">
                    {files.map((asset) => (
                      <li key={asset.id}>
                        <button
                          type="button"
                          className="button"
                          onClick={() => void download(asset)}
                          data-testid="download"
                          data-asset-id={asset.id}
                        >
                          {labels.download} <span className="visually-hidden">{entitlement.product.title}: </span>
                          {asset.filename} ({humanSize(asset.sizeBytes, locale)})
                        </button>{' '}
                        <span role="status" className="muted" data-testid="download-status">
                          {notes[asset.id]?.alert ? null : notes[asset.id]?.text}
                        </span>
                        <span role="alert" className="error" data-testid="download-error">
                          {notes[asset.id]?.alert ? notes[asset.id]?.text : null}
                        </span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
