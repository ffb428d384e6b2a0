import { extractText, getDocumentProxy } from 'unpdf';

/** Opens a PDF with pdf.js (through unpdf) and returns its page count and text, lines merged. */
export async function readPdf(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const document = await getDocumentProxy(new Uint8Array(bytes));
  const { totalPages, text } = await extractText(document, { mergePages: true });
  return { pages: totalPages, text: text.replace(/\s+/g, ' ') };
}
