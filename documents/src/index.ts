export { invoiceText, moneyText, type InvoiceText } from './invoice-text.js';
export { renderInvoicePdf } from './render-pdf.js';
export { renderInvoiceHtml } from './render-html.js';
