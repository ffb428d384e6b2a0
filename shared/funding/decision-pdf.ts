/**
 * Decision documents (décision d'attribution, décision de solde) rendered with pdf-lib and the
 * standard Helvetica fonts (WinAnsi: French accents, « », €, œ are covered; any other character
 * is replaced rather than failing the decision). Pure: bytes in memory, no I/O.
 */
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';

export interface DecisionSection {
  title: string;
  rows: [label: string, value: string][];
}

export interface DecisionDocumentContent {
  /** Document title, e.g. "Décision d'attribution d'une avance". */
  title: string;
  reference: string;
  /** "Vu …" lines. */
  legalBasis: string[];
  sections: DecisionSection[];
  /** "Décide" paragraphs. */
  decision: string[];
  place: string;
  issuedOn: string;
}

export const ISSUER = {
  name: 'Agence de Services et de Paiement (ASP)',
  lines: ['2 rue du Maupas', '87040 Limoges Cedex 1', 'Portail Ségur Numérique — opérateurs MSS'],
};

const PAGE = { width: 595.28, height: 841.89, margin: 56 };
const SIZE = { title: 15, heading: 11, text: 9.5 };
const LINE = 1.45;
const BLUE = rgb(0, 0, 0.57);
const GREY = rgb(0.35, 0.35, 0.35);

class Writer {
  private readonly document: PDFDocument;
  private readonly fonts: { regular: PDFFont; bold: PDFFont };
  private page: PDFPage;
  private y: number;
  constructor(document: PDFDocument, fonts: { regular: PDFFont; bold: PDFFont }) {
    this.document = document;
    this.fonts = fonts;
    this.page = document.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
  }

  private safe(text: string, font: PDFFont): string {
    const supported = new Set(font.getCharacterSet());
    return [...text.replace(/\u202f/g, '\u00a0')]
      .map((c) => (supported.has(c.codePointAt(0) ?? 0) ? c : '?'))
      .join('');
  }

  private ensure(height: number) {
    if (this.y - height >= PAGE.margin) return;
    this.page = this.document.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
  }

  private wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (line !== '' && font.widthOfTextAtSize(candidate, size) > width) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    if (line !== '') lines.push(line);
    return lines;
  }

  text(
    raw: string,
    options: { bold?: boolean; size?: number; x?: number; width?: number; color?: typeof BLUE } = {},
  ) {
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    const size = options.size ?? SIZE.text;
    const x = options.x ?? PAGE.margin;
    const width = options.width ?? PAGE.width - PAGE.margin - x;
    for (const line of this.wrap(this.safe(raw, font), font, size, width)) {
      this.ensure(size * LINE);
      this.y -= size * LINE;
      this.page.drawText(line, { x, y: this.y, size, font, color: options.color ?? rgb(0, 0, 0) });
    }
  }

  /** A label/value row; returns to the row's top so the value can wrap beside the label. */
  row(label: string, value: string) {
    const top = this.y;
    this.text(label, { color: GREY, width: 230 });
    const afterLabel = this.y;
    this.y = top;
    this.text(value, { bold: true, x: PAGE.margin + 240 });
    this.y = Math.min(this.y, afterLabel);
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

export async function renderDecisionPdf(content: DecisionDocumentContent): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.setTitle(`${content.title} — ${content.reference}`);
  document.setAuthor(ISSUER.name);
  document.setLanguage('fr-FR');
  const fonts = {
    regular: await document.embedFont(StandardFonts.Helvetica),
    bold: await document.embedFont(StandardFonts.HelveticaBold),
  };
  const writer = new Writer(document, fonts);

  writer.text(ISSUER.name, { bold: true, size: SIZE.heading, color: BLUE });
  for (const line of ISSUER.lines) writer.text(line, { color: GREY });
  writer.space(14);
  writer.text(content.title, { bold: true, size: SIZE.title, color: BLUE });
  writer.text(`Référence : ${content.reference}`, { bold: true });
  writer.space(8);
  for (const line of content.legalBasis) writer.text(line);
  for (const section of content.sections) {
    writer.space(8);
    writer.text(section.title, { bold: true, size: SIZE.heading, color: BLUE });
    writer.rule();
    for (const [label, value] of section.rows) writer.row(label, value);
  }
  writer.space(10);
  writer.text('Décide', { bold: true, size: SIZE.heading, color: BLUE });
  writer.rule();
  for (const paragraph of content.decision) {
    writer.text(paragraph);
    writer.space(3);
  }
  writer.space(14);
  writer.text(`Fait à ${content.place}, le ${content.issuedOn}`);
  writer.text(`Pour l'${ISSUER.name}, décision prise automatiquement au vu des éléments déclarés.`, {
    color: GREY,
  });
  return document.save({ useObjectStreams: false });
}
