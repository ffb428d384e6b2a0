/**
 * Decision documents (décision d'attribution, décision de solde), laid out by shared/pdf/writer.ts
 * (pdf-lib, standard Helvetica). Pure: bytes in memory, no I/O.
 */
import { BLUE, createPdf, GREY, SIZE } from '../pdf/writer.ts';

export interface DecisionSection {
  title: string;
  rows: [label: string, value: string][];
  /** Values are amounts: right-aligned in their column. */
  amounts?: boolean;
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

const ISSUER = {
  name: 'Agence de Services et de Paiement (ASP)',
  lines: ['2 rue du Maupas', '87040 Limoges Cedex 1', 'Portail Ségur Numérique — opérateurs MSS'],
};

export async function renderDecisionPdf(content: DecisionDocumentContent): Promise<Uint8Array> {
  const { document, writer } = await createPdf({
    title: `${content.title} — ${content.reference}`,
    author: ISSUER.name,
  });
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
    for (const [label, value] of section.rows) writer.row(label, value, section.amounts ? 'right' : 'left');
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
