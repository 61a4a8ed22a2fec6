/** The two forms of the sign-in interaction, as plain HTML (no script: nothing to inject into). */

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function page(title: string, body: string, error?: { code: string; message: string }): string {
  const alert =
    error === undefined
      ? ''
      : `<p role="alert" data-error-code="${escapeHtml(error.code)}">${escapeHtml(error.message)}</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escapeHtml(title)} · Fanfare</title></head><body><main><h1>${escapeHtml(title)}</h1>${alert}${body}</main></body></html>`;
}

/** Asks for the address to send a code to. */
export function emailPage(uid: string, error?: { code: string; message: string }): string {
  return page(
    'Sign in',
    `<form method="post" action="/interaction/${escapeHtml(uid)}/email">
<label>Email address <input type="email" name="email" autocomplete="email" required></label>
<button type="submit">Send me a code</button></form>`,
    error,
  );
}

/**
 * Asks for the code. It reads the same whether or not the address has an account (one is made
 * on first sign-in), so the page tells no one who is registered.
 */
export function codePage(uid: string, email: string, error?: { code: string; message: string }): string {
  return page(
    'Enter your code',
    `<p>We sent a 6-digit code to ${escapeHtml(email)}. It works once, in this browser.</p>
<form method="post" action="/interaction/${escapeHtml(uid)}/code">
<label>Code <input name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}" required></label>
<button type="submit">Sign in</button></form>
<form method="post" action="/interaction/${escapeHtml(uid)}/email"><input type="hidden" name="email" value="${escapeHtml(email)}">
<button type="submit">Send a new code</button></form>`,
    error,
  );
}
