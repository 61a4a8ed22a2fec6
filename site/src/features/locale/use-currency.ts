import { useEffect, useState } from 'react';
import { CURRENCY_EVENT, currencyKey, readChoice, resolveCurrency } from './currency-choice';

/**
 * The currency an island shows prices in: `fallback` (the page's default) while hydrating, so
 * the first render matches the static HTML, then the buyer's stored choice when the island has
 * prices in it; follows the header's switcher and other tabs.
 */
export function useCurrency(tenant: string, offered: readonly string[], fallback: string): string {
  const [currency, setCurrency] = useState(fallback);
  const key = offered.join(',');
  useEffect(() => {
    const list = key.split(',');
    const update = (): void => setCurrency(resolveCurrency(readChoice(localStorage, tenant), list, fallback));
    const onStorage = (event: StorageEvent): void => {
      if (event.key === currencyKey(tenant)) update();
    };
    update();
    window.addEventListener(CURRENCY_EVENT, update);
    window.addEventListener('storage', onStorage);
    return () => {
      window.removeEventListener(CURRENCY_EVENT, update);
      window.removeEventListener('storage', onStorage);
    };
  }, [tenant, key, fallback]);
  return currency;
}
