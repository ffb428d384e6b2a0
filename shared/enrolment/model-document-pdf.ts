import { BLUE, createPdf, GREY, SIZE } from '../pdf/writer.ts';
import {
  MODEL_DOCUMENT_NAMES,
  MODEL_DOCUMENTS,
  type ModelDocument,
  modelDocumentTitle,
} from './model-documents.ts';

/** Fixed, so that the same text always gives the same bytes (and the same deployment asset). */
const EDITION_DATE = new Date('2026-12-01T00:00:00.000Z');

export async function renderModelDocument(model: ModelDocument): Promise<Uint8Array> {
  const title = modelDocumentTitle(model);
  const { document, writer } = await createPdf({
    title,
    author: 'Agence de Services et de Paiement (ASP)',
    date: EDITION_DATE,
  });
  writer.text('Ségur Numérique — Opérateurs MSS', { color: GREY });
  writer.space(12);
  writer.text(title, { bold: true, size: SIZE.title, color: BLUE });
  for (const paragraph of MODEL_DOCUMENTS[model].paragraphs) {
    writer.space(10);
    writer.text(paragraph, { size: 10.5 });
  }
  writer.space(24);
  writer.text('Fait à ..............................., le ...............................');
  writer.space(12);
  writer.text('Signature du représentant légal :');
  writer.space(48);
  writer.text('Signature du mandataire / prestataire :');
  return document.save({ useObjectStreams: false });
}

/**
 * Both documents, rendered when this module loads. It is what `#model-documents` means when the
 * sources run as they are (npm start, tests); a Lambda bundle gets instead the bytes rendered at
 * build time (modelDocumentsModule in infra/bundling.ts).
 */
export const modelDocumentFiles = Object.fromEntries(
  await Promise.all(MODEL_DOCUMENT_NAMES.map(async (model) => [model, await renderModelDocument(model)])),
) as Record<ModelDocument, Uint8Array>;
