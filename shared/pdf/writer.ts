/**
 * Text layout on A4 pages with pdf-lib and the standard Helvetica fonts (WinAnsi: French accents,
 * « », —, €, œ are covered; any other character is replaced rather than failing the document).
 * Used by the decision documents and the model documents. Pure: bytes in memory, no I/O.
 */
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';

const PAGE = { width: 595.28, height: 841.89, margin: 50 };
export const SIZE = { title: 15, heading: 11, text: 9.5 };
const LINE = 1.4;
/** Where values start, and the right edge of amounts (wide enough for « 250 000 000,00 € »). */
const VALUE_COLUMN = { x: PAGE.margin + 240, amountRight: PAGE.margin + 240 + 110 };
export const BLUE = rgb(0, 0, 0.57);
export const GREY = rgb(0.35, 0.35, 0.35);

type Style = { bold?: boolean; size?: number; x?: number; width?: number; color?: typeof BLUE };

class PdfWriter {
  private readonly document: PDFDocument;
  private readonly fonts: { regular: PDFFont; bold: PDFFont };
  private readonly characterSets = new Map<PDFFont, Set<number>>();
  private page: PDFPage;
  private y: number;
  constructor(document: PDFDocument, fonts: { regular: PDFFont; bold: PDFFont }) {
    this.document = document;
    this.fonts = fonts;
    this.page = document.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
  }

  /** What the font cannot encode (outside WinAnsi) becomes "?" rather than failing the document. */
  private safe(text: string, font: PDFFont): string {
    let supported = this.characterSets.get(font);
    if (!supported) {
      supported = new Set(font.getCharacterSet());
      this.characterSets.set(font, supported);
    }
    const known = supported;
    return [...text.replace(/\u202f/g, '\u00a0')]
      .map((c) => (known.has(c.codePointAt(0) ?? 0) ? c : '?'))
      .join('');
  }

  private ensure(height: number) {
    if (this.y - height >= PAGE.margin) return;
    this.page = this.document.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
  }

  /** The text cut into lines that fit the style's width, with the style resolved. */
  private layout(raw: string, style: Style) {
    const font = style.bold ? this.fonts.bold : this.fonts.regular;
    const size = style.size ?? SIZE.text;
    const x = style.x ?? PAGE.margin;
    const width = style.width ?? PAGE.width - PAGE.margin - x;
    const lines: string[] = [];
    let line = '';
    for (const word of this.safe(raw, font).split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (line !== '' && font.widthOfTextAtSize(candidate, size) > width) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    if (line !== '') lines.push(line);
    return { lines, font, size, x, color: style.color ?? rgb(0, 0, 0) };
  }

  private draw(block: ReturnType<PdfWriter['layout']>, top: number) {
    block.lines.forEach((line, index) => {
      const y = top - (index + 1) * block.size * LINE;
      this.page.drawText(line, { x: block.x, y, size: block.size, font: block.font, color: block.color });
    });
    return top - block.lines.length * block.size * LINE;
  }

  text(raw: string, style: Style = {}) {
    const block = this.layout(raw, style);
    for (const line of block.lines) {
      this.ensure(block.size * LINE);
      this.y = this.draw({ ...block, lines: [line] }, this.y);
    }
  }

  /**
   * A label and its value side by side, kept on one page, as tall as the longer of the two; an
   * amount is right-aligned in its column so that the units line up.
   */
  row(label: string, value: string, align: 'left' | 'right' = 'left') {
    const left = this.layout(label, { color: GREY, width: 230 });
    const right = this.layout(value, { bold: true, x: VALUE_COLUMN.x });
    this.ensure(Math.max(left.lines.length, right.lines.length) * SIZE.text * LINE);
    const bottom = this.draw(left, this.y);
    if (align === 'right') {
      right.lines.forEach((line, index) => {
        const width = right.font.widthOfTextAtSize(line, right.size);
        const y = this.y - (index + 1) * right.size * LINE;
        this.page.drawText(line, {
          x: VALUE_COLUMN.amountRight - width,
          y,
          size: right.size,
          font: right.font,
        });
      });
      this.y = Math.min(bottom, this.y - right.lines.length * right.size * LINE);
    } else this.y = Math.min(bottom, this.draw(right, this.y));
  }

  space(points: number) {
    this.y -= points;
  }

  rule() {
    this.ensure(8);
    this.y -= 4;
    this.page.drawLine({
      start: { x: PAGE.margin, y: this.y },
      end: { x: PAGE.width - PAGE.margin, y: this.y },
      thickness: 0.5,
      color: GREY,
    });
    this.y -= 4;
  }
}

/** A new A4 document whose metadata is set, with its writer (Helvetica and Helvetica bold). */
export async function createPdf(metadata: { title: string; author: string; date?: Date }) {
  const document = await PDFDocument.create();
  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  document.setAuthor(metadata.author);
  document.setLanguage('fr-FR');
  document.setProducer('Portail Ségur Numérique');
  document.setCreator('Portail Ségur Numérique');
  if (metadata.date) {
    document.setCreationDate(metadata.date);
    document.setModificationDate(metadata.date);
  }
  const fonts = {
    regular: await document.embedFont(StandardFonts.Helvetica),
    bold: await document.embedFont(StandardFonts.HelveticaBold),
  };
  return { document, writer: new PdfWriter(document, fonts) };
}
