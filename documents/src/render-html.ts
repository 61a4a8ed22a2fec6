import type { InvoiceDocument } from '@fanfare/domain';
import { invoiceText } from './invoice-text.js';

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe for HTML: product titles and names are typed by tenants and buyers. */
function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function table(header: string[], rows: string[][]): string {
  const head = header.map((h) => `<th scope="col">${esc(h)}</th>`).join('');
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** A standalone, printable HTML page of an invoice or credit note. */
export function renderInvoiceHtml(document: InvoiceDocument): string {
  const t = invoiceText(document);
  const address = (lines: string[]) =>
    `<address><strong>${esc(lines[0] ?? '')}</strong><br>${lines.slice(1).map(esc).join('<br>')}</address>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(`${t.title} ${t.number}`)}</title>
<style>body{font:14px/1.4 system-ui,sans-serif;margin:2rem;color:#111}table{border-collapse:collapse;width:100%;margin:1rem 0}th,td{border-bottom:1px solid #ccc;padding:.3rem;text-align:left}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}.parties{display:flex;gap:4rem}</style>
</head><body>
<h1>${esc(`${t.title} ${t.number}`)}</h1>
<dl>${t.meta.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>
<div class="parties">${address(t.seller)}${address(t.buyer)}</div>
${table(t.lineHeader, t.lines)}
${table(t.taxHeader, t.taxes)}
<dl class="totals">${t.totals.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>
${t.notes.map((n) => `<p class="note">${esc(n)}</p>`).join('\n')}
</body></html>
`;
}
