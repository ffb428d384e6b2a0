import { expect } from 'vitest';
import type { ApiClient, ApiResponse } from './harness.ts';

/** A client driving the enrolment routes as the front end would. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
export const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0]);
/** A Windows executable's header: what "an executable renamed .pdf" uploads. */
export const EXE = Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff]);

export const DEVELOPER_SIRET = '39177919600040';
export const BUYER_SIRET = '47992882200069';
/** A valid FR IBAN at BNP Paribas (bank code 30004), built with its mod-97 key. */
export const BNP_IBAN = 'FR76 3000 4000 0312 3456 7890 143';
export const BNP_BIC = 'BNPAFRPPXXX';

export interface Draft {
  id: string;
  token: string;
  headers: Record<string, string>;
}

export async function solveCaptcha(api: ApiClient): Promise<{ id: string; answer: string }> {
  const response = await api.post('/v1/captchas');
  expect(response.status).toBe(201);
  return { id: response.body.id, answer: response.headers.get('x-local-captcha-answer') as string };
}

export async function createDraft(api: ApiClient, referencingNumber = 'zbuMSS0046'): Promise<Draft> {
  const response = await api.post('/v1/enrolments', { referencingNumber });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  const { enrolment, draftToken } = response.body;
  return { id: enrolment.id, token: draftToken, headers: { 'x-draft-token': draftToken } };
}

export async function requestUpload(
  api: ApiClient,
  draft: Draft,
  field: string,
  contentType = 'application/pdf',
  fileName = `${field}.${contentType === 'application/pdf' ? 'pdf' : contentType === 'image/png' ? 'png' : 'jpg'}`,
): Promise<ApiResponse> {
  return api.post(`/v1/enrolments/${draft.id}/documents`, { field, fileName, contentType }, draft.headers);
}

/** Sends the file to the presigned POST as a browser form would: policy fields, then the file. */
export async function postToStorage(
  presigned: { url: string; fields: Record<string, string> },
  bytes: Buffer,
  contentType: string,
): Promise<number> {
  const form = new FormData();
  for (const [name, value] of Object.entries(presigned.fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: contentType }), 'upload');
  const response = await fetch(presigned.url, { method: 'POST', body: form });
  await response.arrayBuffer();
  return response.status;
}

export async function upload(
  api: ApiClient,
  draft: Draft,
  field: string,
  bytes: Buffer = PDF,
  contentType = 'application/pdf',
): Promise<void> {
  const presigned = await requestUpload(api, draft, field, contentType);
  expect(presigned.status, JSON.stringify(presigned.body)).toBe(201);
  const status = await postToStorage(presigned.body, bytes, contentType);
  expect(status).toBeLessThan(300);
}

export const person = (nom: string, email: string) => ({
  nom,
  prenom: 'Camille',
  email,
  emailConfirmation: email,
  telephone: '01 23 45 67 89',
});

export async function lookupCompany(api: ApiClient, draft: Draft, siret: string): Promise<ApiResponse> {
  return api.post(
    `/v1/enrolments/${draft.id}/company-lookup`,
    { siret, captcha: await solveCaptcha(api) },
    draft.headers,
  );
}

export function applicantBody(
  company: { siret: string; denominationSociale: string; address: object },
  overrides = {},
) {
  return {
    siret: company.siret,
    denominationSociale: company.denominationSociale,
    nomCommercial: 'MédiMail',
    address: company.address,
    isLegalRepresentative: true,
    representative: person('Martin', 'representant@example.fr'),
    ...overrides,
  };
}

/** As the form sends it: the domiciliation filled from GET /v1/banks/FR7630004. */
export const bankBody = {
  iban: BNP_IBAN,
  bic: BNP_BIC,
  titulaire: 'PROCIVIS IMMOBILIER',
  domiciliation: 'BNP PARIBAS',
};

export const declarations = { acceptCgu: true, acknowledgeArticle4417: true, certifySincerity: true };

export async function submit(api: ApiClient, draft: Draft, headers: Record<string, string> = {}) {
  return api.post(
    `/v1/enrolments/${draft.id}/submit`,
    { captcha: await solveCaptcha(api), ...declarations },
    { ...draft.headers, ...headers },
  );
}

/**
 * Fills every step (legal representative, TTC 20 %) for `siret` on the draft's referencing,
 * then uploads every document the answers require; submission verifies them.
 */
export async function completeDraft(
  api: ApiClient,
  draft: Draft,
  options: { siret?: string; referencingNumber?: string } = {},
): Promise<void> {
  const company = await lookupCompany(api, draft, options.siret ?? DEVELOPER_SIRET);
  expect(company.status, JSON.stringify(company.body)).toBe(200);
  const steps = [
    ['referencing', { number: options.referencingNumber ?? 'zbuMSS0046' }],
    ['applicant', applicantBody(company.body)],
    ['bank', bankBody],
    ['vat', { regime: 'TTC_20' }],
  ] as const;
  let view: ApiResponse | undefined;
  for (const [step, body] of steps) {
    view = await api.put(`/v1/enrolments/${draft.id}/steps/${step}`, body, draft.headers);
    expect(view.status, `${step}: ${JSON.stringify(view.body)}`).toBe(200);
  }
  for (const field of view?.body.requiredDocuments ?? []) {
    if (field === 'pieceIdentiteRepresentant') await upload(api, draft, field, JPEG, 'image/jpeg');
    else await upload(api, draft, field);
  }
}
