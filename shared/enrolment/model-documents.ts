/**
 * The two model documents step 2 offers for a tiers déclarant: "Modèle de mandat" (employé de
 * la personne morale) and "Modèle contrat de prestation" (centre de gestion, expert-comptable…).
 * Their PDFs are rendered once, at build time (model-document-pdf.ts, imported as
 * `#model-documents`): the Lambda that serves them carries their bytes, not pdf-lib.
 */
export const MODEL_DOCUMENTS = {
  mandat: {
    fileName: 'modele-mandat-representant-legal.pdf',
    title: 'Mandat du représentant légal',
    paragraphs: [
      "Je soussigné(e), ....................................................., représentant légal de la société ..................................................... (SIRET ..............................), donne mandat à M./Mme ....................................................., employé(e) de la personne morale, pour déposer en son nom la demande d'enrôlement et les demandes de financement sur le portail ASP du Ségur Numérique (couloir MSS Opérateurs).",
      'Le mandataire est autorisé à renseigner et transmettre les informations et pièces justificatives requises, et à recevoir les courriels du portail relatifs à ces demandes.',
      "Le présent mandat est valable jusqu'à sa révocation écrite adressée à l'ASP.",
    ],
  },
  'contrat-prestation': {
    fileName: 'modele-contrat-de-prestation.pdf',
    title: 'Contrat de prestation du tiers déclarant',
    paragraphs: [
      'Entre la société ..................................................... (SIRET ..............................), représentée par ....................................................., ci-après « le fournisseur », et ..................................................... (centre de gestion, expert-comptable…), ci-après « le prestataire ».',
      "Objet : le fournisseur confie au prestataire le dépôt, pour son compte, de la demande d'enrôlement et des demandes de financement sur le portail ASP du Ségur Numérique (couloir MSS Opérateurs).",
      "Le prestataire s'engage à transmettre des informations sincères et véritables et à informer le fournisseur de chaque échange avec l'ASP. Le contrat prend fin par dénonciation écrite de l'une des parties.",
    ],
  },
} as const;

export type ModelDocument = keyof typeof MODEL_DOCUMENTS;

export const MODEL_DOCUMENT_NAMES = Object.keys(MODEL_DOCUMENTS) as ModelDocument[];

/** The document's title, as printed and in its metadata. */
export const modelDocumentTitle = (model: ModelDocument) => `Modèle — ${MODEL_DOCUMENTS[model].title}`;
