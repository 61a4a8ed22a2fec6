import {
  CURRENCY_EVENT,
  currencyKey,
  parsePrices,
  pickPrice,
  readChoice,
  resolveCurrency,
  writeChoice,
} from './currency-choice';

/**
 * Shows every `[data-prices]` element of the page in `currency` (its build-time price in that
 * currency, else the page's default) and says so in `data-currency`.
 */
function showPricesIn(currency: string, fallback: string, root: ParentNode = document): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-prices]')) {
    const picked = pickPrice(parsePrices(element.dataset.prices), currency, fallback);
    if (picked === undefined) continue;
    const text = element.querySelector('[data-price-text]');
    const note = element.querySelector('[data-price-note]');
    if (text !== null) text.textContent = picked.price.formatted;
    if (note !== null) note.textContent = picked.price.taxNote;
    element.dataset.currency = picked.currency;
  }
}

/**
 * Wires the header's currency select: shows it (it needs this script), applies the buyer's stored
 * choice, stores a new one per tenant and tells the islands; a language link forgets the choice,
 * so the new locale's region currency applies there.
 */
export function startLocaleSwitcher(): void {
  const select = document.querySelector<HTMLSelectElement>('select[data-default-currency]');
  const tenant = select?.dataset.tenant;
  const fallback = select?.dataset.defaultCurrency;
  if (select == null || tenant === undefined || fallback === undefined) return;
  const offered = [...select.options].map((o) => o.value);
  const current = document.querySelector('[data-current-currency]');
  const apply = (): void => {
    const currency = resolveCurrency(readChoice(localStorage, tenant), offered, fallback);
    select.value = currency;
    if (current !== null) current.textContent = currency;
    showPricesIn(currency, fallback);
    document.documentElement.dataset.currency = currency;
    window.dispatchEvent(new CustomEvent(CURRENCY_EVENT, { detail: tenant }));
  };
  select.closest<HTMLElement>('[data-currency-control]')?.removeAttribute('hidden');
  select.addEventListener('change', () => {
    writeChoice(localStorage, tenant, select.value === fallback ? null : select.value);
    apply();
  });
  for (const link of document.querySelectorAll('[data-locale-link]')) {
    link.addEventListener('click', () => writeChoice(localStorage, tenant, null));
  }
  window.addEventListener('storage', (event) => {
    if (event.key === currencyKey(tenant)) apply();
  });
  apply();
}
