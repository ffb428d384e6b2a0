import { getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { modelDocumentFiles, renderModelDocument } from '#shared/enrolment/model-document-pdf.ts';
import { readPdf } from '../support/pdf.ts';

describe('model documents (pdf-lib)', () => {
  it.each([
    ['mandat', 'Modèle — Mandat du représentant légal', 'donne mandat à M./Mme'],
    [
      'contrat-prestation',
      'Modèle — Contrat de prestation du tiers déclarant',
      'ci-après « le prestataire »',
    ],
  ] as const)(
    '%s: title printed and in the metadata, em dash and accents intact',
    async (model, title, phrase) => {
      const bytes = modelDocumentFiles[model];
      const { pages, text } = await readPdf(bytes);
      expect(pages).toBe(1);
      expect(text).toContain(title);
      expect(text).toContain(phrase);
      expect(text).toContain('Ségur Numérique — Opérateurs MSS');
      expect(text).toContain('Signature du représentant légal :');
      const { info } = await (await getDocumentProxy(new Uint8Array(bytes))).getMetadata();
      expect(info).toMatchObject({
        Title: title,
        Author: 'Agence de Services et de Paiement (ASP)',
        Producer: 'Portail Ségur Numérique',
      });
    },
  );

  it('renders the same bytes every time (a stable deployment asset)', async () => {
    expect(
      Buffer.from(await renderModelDocument('mandat')).equals(Buffer.from(modelDocumentFiles.mandat)),
    ).toBe(true);
  });
});
