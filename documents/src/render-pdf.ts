import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import type { InvoiceDocument } from '@fanfare/domain';
import { invoiceText } from './invoice-text.js';

const PAGE: [number, number] = [595.28, 841.89]; // A4 in points
const MARGIN = 48;
const SIZE = 9;
const LEADING = 13;

/** The standard fonts speak WinAnsi only; anything else (a CJK title) prints as "?" rather than failing. */
function printable(font: PDFFont, text: string): string {
  return [...text.replace(/[\u00a0\u202f]/g, ' ')]
    .map((c) => {
      try {
        font.encodeText(c);
        return c;
      } catch {
        return '?';
      }
    })
    .join('');
}

/** Writes lines top to bottom, starting a new page when one is full. */
class Cursor {
  private page: PDFPage;
  private y: number;

  constructor(
    private readonly pdf: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.page = pdf.addPage(PAGE);
    this.y = PAGE[1] - MARGIN;
  }

  row(cells: string[], widths: number[], bold = false): void {
    if (this.y < MARGIN + LEADING) {
      this.page = this.pdf.addPage(PAGE);
      this.y = PAGE[1] - MARGIN;
    }
    let x = MARGIN;
    const font = bold ? this.bold : this.font;
    cells.forEach((cell, i) => {
      const width = widths[i] ?? 100;
      let text = printable(font, cell);
      while (text.length > 1 && font.widthOfTextAtSize(text, SIZE) > width - 4)
        text = `${text.slice(0, -2)}…`.replace(/……$/, '…');
      this.page.drawText(printable(font, text), { x, y: this.y, size: SIZE, font });
      x += width;
    });
    this.y -= LEADING;
  }

  /** Wraps `text` at word boundaries: legal mentions must print whole. */
  paragraph(text: string, width: number): void {
    let line = '';
    for (const word of printable(this.font, text).split(' ')) {
      const next = line === '' ? word : `${line} ${word}`;
      if (line !== '' && this.font.widthOfTextAtSize(next, SIZE) > width) {
        this.row([line], [width + 4]);
        line = word;
      } else {
        line = next;
      }
    }
    if (line !== '') this.row([line], [width + 4]);
  }

  heading(text: string, size = 16): void {
    this.page.drawText(printable(this.bold, text), { x: MARGIN, y: this.y - size + SIZE, size, font: this.bold });
    this.y -= size + LEADING;
  }

  gap(): void {
    this.y -= LEADING / 2;
  }
}

/** An A4 PDF of an invoice or credit note, with the number as its title. */
export async function renderInvoicePdf(document: InvoiceDocument): Promise<Uint8Array> {
  const t = invoiceText(document);
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${t.title} ${t.number}`);
  pdf.setSubject(`${t.title} ${t.number}, total ${t.totals.at(-1)?.[1] ?? ''}`);
  pdf.setProducer('Fanfare');
  pdf.setCreationDate(new Date(`${document.issueDate}T00:00:00Z`));
  const cursor = new Cursor(
    pdf,
    await pdf.embedFont(StandardFonts.Helvetica),
    await pdf.embedFont(StandardFonts.HelveticaBold),
  );
  cursor.heading(`${t.title} ${t.number}`);
  for (const [k, v] of t.meta) cursor.row([k, v], [110, 390]);
  cursor.gap();
  const partyRows = Math.max(t.seller.length, t.buyer.length);
  for (let i = 0; i < partyRows; i += 1) cursor.row([t.seller[i] ?? '', t.buyer[i] ?? ''], [250, 250], i === 0);
  cursor.gap();
  const widths = [150, 25, 65, 55, 60, 85, 60];
  cursor.row(t.lineHeader, widths, true);
  for (const line of t.lines) cursor.row(line, widths);
  cursor.gap();
  cursor.row(t.taxHeader, [150, 80, 120, 120], true);
  for (const tax of t.taxes) cursor.row(tax, [150, 80, 120, 120]);
  cursor.gap();
  for (const [i, [k, v]] of t.totals.entries()) cursor.row([k, v], [380, 120], i === t.totals.length - 1);
  cursor.gap();
  for (const note of t.notes) cursor.paragraph(note, 495);
  return pdf.save();
}
