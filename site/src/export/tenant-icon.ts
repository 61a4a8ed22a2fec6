import type { CatalogTenant } from './catalog-schema.js';

const escapeXml = (text: string): string =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/** A square SVG icon in the tenant's colours with its initial, for the manifest and favicon. */
export function tenantIcon(tenant: Pick<CatalogTenant, 'name' | 'theme'>): string {
  const initial = escapeXml(tenant.name.trim().charAt(0).toUpperCase() || 'F');
  const fill = escapeXml(tenant.theme.primaryColor);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" rx="96" fill="${fill}"/><text x="256" y="340" font-family="sans-serif" font-size="280" font-weight="700" text-anchor="middle" fill="#ffffff">${initial}</text></svg>\n`;
}
