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

const PAGE = { width: 595.28, height: 841.89, margin: 50 };
const SIZE = { title: 15, heading: 11, text: 9.5 };
const LINE = 1.4;
const BLUE = rgb(0, 0, 0.57);
const GREY = rgb(0.35, 0.35, 0.35);

type Style = { bold?: boolean; size?: number; x?: number; width?: number; color?: typeof BLUE };

class Writer {
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

  /** What the font cannot encode (outside WinAnsi) becomes "?" rather than failing the decision. */
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

  private draw(block: ReturnType<Writer['layout']>, top: number) {
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

  /** A label and its value side by side, kept on one page, as tall as the longer of the two. */
  row(label: string, value: string) {
    const left = this.layout(label, { color: GREY, width: 230 });
    const right = this.layout(value, { bold: true, x: PAGE.margin + 240 });
    this.ensure(Math.max(left.lines.length, right.lines.length) * SIZE.text * LINE);
    this.y = Math.min(this.draw(left, this.y), this.draw(right, this.y));
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
