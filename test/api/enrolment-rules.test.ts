import { randomUUID } from 'node:crypto';
import { HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { localVoice, spellAsWav } from '#shared/captcha/audio.ts';
import * as keys from '#shared/storage/keys.ts';
import { PENDING_UPLOAD_TAGGING } from '#shared/storage/upload-lifecycle.ts';
import { publishedContract } from '../support/contract.ts';
import {
  applicantBody,
  BUYER_SIRET,
  bankBody,
  completeDraft,
  createDraft,
  DEVELOPER_SIRET,
  type Draft,
  declarations,
  EXE,
  lookupCompany,
  PDF,
  PNG,
  person,
  postForm,
  postToStorage,
  requestUpload,
  solveCaptcha,
  submit,
  upload,
} from '../support/enrolment.ts';
import { useLocalCloud } from '../support/harness.ts';

const local = useLocalCloud();

/** Moves an item's expiry into the past, as time passing would (the engine never runs TTL). */
async function expire(key: { PK: string; SK: string }) {
  const { documentClient, tableName } = await import('#shared/storage/client.ts');
  await documentClient.send(
    new UpdateCommand({
      TableName: tableName,
      Key: key,
      UpdateExpression: 'SET expiresAt = :past',
      ExpressionAttributeValues: { ':past': Math.floor(Date.now() / 1000) - 1 },
    }),
  );
}

const s3 = () => new S3Client({ forcePathStyle: true });
const objectExists = async (key: string) =>
  s3()
    .send(new HeadObjectCommand({ Bucket: process.env.BUCKET_NAME, Key: key }))
    .then(() => true)
    .catch(() => false);

const put = (draft: Draft, step: string, body: unknown) =>
  local.api.put(`/v1/enrolments/${draft.id}/steps/${step}`, body, draft.headers);

function expectProblem(
  response: { status: number; headers: Headers; body: any },
  status: number,
  path: string,
) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  expect(response.body.errors.map((error: any) => error.path)).toContain(path);
}

describe('step 1 — référencement', () => {
  it('looks up the DSR; unknown → 404, non-MSS → 422', async () => {
    const found = await local.api.get('/v1/referencings/zbuMSS0046');
    expect(found.body).toMatchObject({
      developerSiret: DEVELOPER_SIRET,
      dsr: { couloir: 'MSS', label: 'MSS Opérateurs' },
    });
    expectProblem(await local.api.get('/v1/referencings/zzzMSS9999'), 404, 'path.number');
    expectProblem(await local.api.get('/v1/referencings/xyzDMP0007'), 422, 'path.number');
    expectProblem(
      await local.api.post('/v1/enrolments', { referencingNumber: 'xyzDMP0007' }),
      422,
      'body.referencingNumber',
    );
    expectProblem(
      await local.api.post('/v1/enrolments', { referencingNumber: 'bad number' }),
      422,
      'body.referencingNumber',
    );
  });

  it('"Réinitialiser" clears the step and deletes its files', async () => {
    const draft = await createDraft(local.api);
    await upload(local.api, draft, 'certificatReferencement');
    const saved = await put(draft, 'referencing', { number: 'abcMSS0112' });
    expect(saved.body.referencing.developerSiret).toBe(BUYER_SIRET);
    const key = (await local.api.get(`/v1/enrolments/${draft.id}`, draft.headers)).body.documents
      .certificatReferencement;
    expect(key.status).toBe('VERIFIED');
    const reset = await local.api.delete(`/v1/enrolments/${draft.id}/steps/referencing`, draft.headers);
    expect(reset.status).toBe(200);
    expect(reset.body.referencing).toBeUndefined();
    expect(reset.body.documents).toEqual({});
    expect(reset.body.steps.referencing.missing[0].path).toBe('steps.referencing');
  });
});

describe('step 2 — demandeur', () => {
  it('invalid SIRET checksum and unknown SIRET are refused on body.siret', async () => {
    const draft = await createDraft(local.api);
    expectProblem(await lookupCompany(local.api, draft, '47992882200068'), 422, 'body.siret');
    expectProblem(await lookupCompany(local.api, draft, '4799288220006'), 422, 'body.siret');
    const unknown = await lookupCompany(local.api, draft, '73282932000074');
    expectProblem(unknown, 422, 'body.siret');
    expect(unknown.body.code).toBe('company_not_found');
  });

  it('wrong, expired and reused captchas are refused on body.captcha.answer', async () => {
    const draft = await createDraft(local.api);
    const url = `/v1/enrolments/${draft.id}/company-lookup`;
    const wrong = await solveCaptcha(local.api);
    expectProblem(
      await local.api.post(
        url,
        { siret: BUYER_SIRET, captcha: { ...wrong, answer: 'zzzzz' } },
        draft.headers,
      ),
      422,
      'body.captcha.answer',
    );
    // A wrong answer consumed the challenge: the right answer no longer works either.
    expectProblem(
      await local.api.post(url, { siret: BUYER_SIRET, captcha: wrong }, draft.headers),
      422,
      'body.captcha.answer',
    );
    const expired = await solveCaptcha(local.api);
    await expire(keys.captcha(expired.id));
    expectProblem(
      await local.api.post(url, { siret: BUYER_SIRET, captcha: expired }, draft.headers),
      422,
      'body.captcha.answer',
    );
    const good = await solveCaptcha(local.api);
    expect((await local.api.post(url, { siret: BUYER_SIRET, captcha: good }, draft.headers)).status).toBe(
      200,
    );
    expectProblem(
      await local.api.post(url, { siret: BUYER_SIRET, captcha: good }, draft.headers),
      422,
      'body.captcha.answer',
    );
  });

  it('the captcha image is an SVG and its answer is not in the body', async () => {
    const response = await local.api.post('/v1/captchas');
    expect(response.body.image).toMatch(/^data:image\/svg\+xml;base64,/);
    const answer = response.headers.get('x-local-captcha-answer') as string;
    expect(answer).toMatch(/^[a-z2-9]{5}$/);
    expect(JSON.stringify(response.body)).not.toContain(answer);
  });

  it('the captcha is also spelled aloud (WAV) without being used up; an unknown or malformed id is refused', async () => {
    const created = await local.api.post('/v1/captchas');
    const answer = created.headers.get('x-local-captcha-answer') as string;
    const url = `${local.cloud.urls.api}/v1/captchas/${created.body.id}/audio`;
    const response = await fetch(url);
    expect(response.status).toBe(200);
    // Binary, so fetched apart from the API client: the contract check is run here.
    (await publishedContract(local.cloud.urls.api))('GET', response.url, 200, response.headers, undefined);
    expect(response.headers.get('content-type')).toBe('audio/wav');
    expect(Buffer.from(await response.arrayBuffer()).equals(spellAsWav(answer, localVoice()))).toBe(true);
    expect((await fetch(url)).status).toBe(200);
    const unknown = await local.api.get(`/v1/captchas/${randomUUID()}/audio`);
    expect([unknown.status, unknown.body.code]).toEqual([404, 'captcha_not_found']);
    expectProblem(await local.api.get('/v1/captchas/pas%20un%20id/audio'), 422, 'path.captchaId');
  });

  it('email confirmation mismatch, missing required address field, SIRET not searched: 422, nothing written', async () => {
    const draft = await createDraft(local.api);
    const company = (await lookupCompany(local.api, draft, BUYER_SIRET)).body;
    expectProblem(
      await put(
        draft,
        'applicant',
        applicantBody(company, {
          representative: { ...person('M', 'a@example.fr'), emailConfirmation: 'b@example.fr' },
        }),
      ),
      422,
      'body.representative.emailConfirmation',
    );
    expectProblem(
      await put(
        draft,
        'applicant',
        applicantBody(company, { address: { ...company.address, nomVoie: ' ' } }),
      ),
      422,
      'body.address.nomVoie',
    );
    expectProblem(
      await put(draft, 'applicant', applicantBody(company, { nomCommercial: undefined })),
      422,
      'body.nomCommercial',
    );
    expectProblem(
      await put(draft, 'applicant', applicantBody({ ...company, siret: DEVELOPER_SIRET })),
      422,
      'body.siret',
    );
    expectProblem(
      await put(
        draft,
        'applicant',
        applicantBody(company, { isLegalRepresentative: false, depositaire: person('D', 'd@example.fr') }),
      ),
      422,
      'body.tiersDeclarantCapacity',
    );
    const unchanged = await local.api.get(`/v1/enrolments/${draft.id}`, draft.headers);
    expect(unchanged.body.applicant).toBeUndefined();
  });

  it('the two model documents download as PDFs', async () => {
    const { extractText, getDocumentProxy } = await import('unpdf');
    for (const [model, title, fileName] of [
      ['mandat', 'Modèle — Mandat du représentant légal', 'modele-mandat-representant-legal.pdf'],
      [
        'contrat-prestation',
        'Modèle — Contrat de prestation du tiers déclarant',
        'modele-contrat-de-prestation.pdf',
      ],
    ]) {
      const response = await fetch(`${local.cloud.urls.api}/v1/model-documents/${model}`);
      expect(response.status).toBe(200);
      // Binary, so fetched apart from the API client: the contract check is run here.
      (await publishedContract(local.cloud.urls.api))('GET', response.url, 200, response.headers, undefined);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${fileName}"`);
      const pdf = await getDocumentProxy(new Uint8Array(await response.arrayBuffer()));
      const { text } = await extractText(pdf, { mergePages: true });
      expect(text).toContain(title);
      expect((await pdf.getMetadata()).info).toMatchObject({ Title: title });
    }
    expectProblem(await local.api.get('/v1/model-documents/autre'), 422, 'path.model');
  });
});

describe('step 3 — coordonnées bancaires', () => {
  it('invalid IBAN, invalid BIC, BIC of another country; the domiciliation is required and kept as typed', async () => {
    const draft = await createDraft(local.api);
    expectProblem(
      await put(draft, 'bank', { ...bankBody, iban: 'FR7630004000031234567890144' }),
      422,
      'body.iban',
    );
    expectProblem(await put(draft, 'bank', { ...bankBody, bic: 'BNP1' }), 422, 'body.bic');
    expectProblem(await put(draft, 'bank', { ...bankBody, bic: 'DEUTDEFFXXX' }), 422, 'body.bic');
    const { domiciliation: _omitted, ...withoutDomiciliation } = bankBody;
    const missing = await put(draft, 'bank', withoutDomiciliation);
    expectProblem(missing, 422, 'body.domiciliation');
    expect(missing.body.errors[0].message).toBe('Le champ « Domiciliation » est obligatoire.');
    const edited = await put(draft, 'bank', { ...bankBody, domiciliation: ' BNP PARIBAS AGENCE LILLE ' });
    expect(edited.body.bank).toMatchObject({
      iban: 'FR7630004000031234567890143',
      domiciliation: 'BNP PARIBAS AGENCE LILLE',
    });
  });

  it('the form fills the domiciliation from the IBAN as soon as it is typed (GET /v1/banks/{bank})', async () => {
    const iban = 'FR7630006000011234567890189';
    const known = await local.api.get(`/v1/banks/${iban.slice(0, 9)}`);
    expect(known.status).toBe(200);
    expect(known.body).toEqual({ bankCode: '30006', domiciliation: 'CREDIT AGRICOLE SA' });
    expect(known.headers.get('cache-control')).toBe('public, max-age=86400');
    expect((await local.api.get('/v1/banks/30004')).body).toEqual({
      bankCode: '30004',
      domiciliation: 'BNP PARIBAS',
    });
    // The applicant saves what the form filled in.
    const draft = await createDraft(local.api);
    const saved = await put(draft, 'bank', {
      ...bankBody,
      iban,
      bic: 'AGRIFRPP',
      domiciliation: known.body.domiciliation,
    });
    expect(saved.body.bank.domiciliation).toBe('CREDIT AGRICOLE SA');
    // Unknown or foreign bank: the applicant types it.
    for (const bank of ['FR7699999', 'DE8937040']) {
      const unknown = await local.api.get(`/v1/banks/${bank}`);
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({
        code: 'bank_unknown',
        detail: 'Banque inconnue : saisissez la domiciliation indiquée sur votre RIB.',
      });
    }
    // The whole IBAN never travels in a URL (access logs).
    expectProblem(await local.api.get(`/v1/banks/${iban}`), 422, 'path.bank');
  });
});

describe('justificatifs: presigned POST and server verification', () => {
  it('the policy fixes the key under the draft prefix, the exact type, 1..4 MiB, and a short expiry', async () => {
    const draft = await createDraft(local.api);
    const response = await requestUpload(local.api, draft, 'rib');
    expect(response.status).toBe(201);
    const policy = JSON.parse(Buffer.from(response.body.fields.Policy, 'base64').toString('utf8'));
    const key = response.body.fields.key as string;
    expect(key).toMatch(new RegExp(`^enrolments/${draft.id}/rib/[0-9a-f-]{36}\\.pdf$`));
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        { key },
        ['content-length-range', 1, 4194304],
        ['eq', '$Content-Type', 'application/pdf'],
        ['eq', '$tagging', PENDING_UPLOAD_TAGGING],
      ]),
    );
    expect(response.body.fields.tagging).toBe(PENDING_UPLOAD_TAGGING);
    const lifetime = Date.parse(policy.expiration) - Date.now();
    expect(lifetime).toBeGreaterThan(0);
    expect(lifetime).toBeLessThanOrEqual(300_000);
    expect(response.body.fields['Content-Type']).toBe('application/pdf');
  });

  it('a 5 MiB file is refused by storage (as S3 does), an executable renamed .pdf and a PNG declared as PDF by the check', async () => {
    const draft = await createDraft(local.api);
    const tooLarge = await requestUpload(local.api, draft, 'rib');
    const refused = await postForm(
      tooLarge.body,
      Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]),
      'application/pdf',
    );
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('<Code>EntityTooLarge</Code>');
    const cases: [string, Buffer, string][] = [
      ['certificatReferencement', EXE, 'ne correspond pas'],
      ['contratOperateur', PNG, 'ne correspond pas'],
    ];
    for (const [field, bytes] of cases) {
      const presigned = await requestUpload(local.api, draft, field);
      expect(await postToStorage(presigned.body, bytes, 'application/pdf')).toBeLessThan(300);
    }
    const bank = await put(draft, 'bank', bankBody);
    expectProblem(bank, 422, 'documents.rib');
    expect(bank.body.errors[0].message).toContain("n'a pas été reçu");
    const referencing = await put(draft, 'referencing', { number: 'zbuMSS0046' });
    const reasons = Object.fromEntries(referencing.body.errors.map((e: any) => [e.path, e.message]));
    for (const [field, , reason] of cases) expect(reasons[`documents.${field}`]).toContain(reason);
    const after = await local.api.get(`/v1/enrolments/${draft.id}`, draft.headers);
    expect(after.body.bank).toBeUndefined();
    expect(after.body.documents.rib.status).toBe('PENDING');
  });

  it('an empty file is refused by storage (as S3 does), and an empty object on its field as empty', async () => {
    const draft = await createDraft(local.api);
    const presigned = await requestUpload(local.api, draft, 'rib');
    const refused = await postForm(presigned.body, Buffer.alloc(0), 'application/pdf');
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('<Code>EntityTooSmall</Code>');
    // An empty object at the upload key all the same (no form can write one): the check names it.
    await s3().send(
      new PutObjectCommand({ Bucket: process.env.BUCKET_NAME, Key: presigned.body.fields.key, Body: '' }),
    );
    const bank = await put(draft, 'bank', bankBody);
    expectProblem(bank, 422, 'documents.rib');
    expect(bank.body.errors).toEqual([
      {
        path: 'documents.rib',
        message: 'Le fichier « RIB » est vide (0 octet) : déposez le document complet.',
      },
    ]);
  });

  it('a file name that does not match the declared type, and unknown types, are refused', async () => {
    const draft = await createDraft(local.api);
    expectProblem(
      await requestUpload(local.api, draft, 'rib', 'application/pdf', 'setup.exe'),
      422,
      'body.fileName',
    );
    expectProblem(
      await requestUpload(local.api, draft, 'rib', 'application/x-msdownload', 'x.exe'),
      422,
      'body.contentType',
    );
    expectProblem(await requestUpload(local.api, draft, 'photo', 'application/pdf'), 422, 'body.field');
  });

  it('replacing a document deletes the previous object', async () => {
    const draft = await createDraft(local.api);
    const first = await requestUpload(local.api, draft, 'rib');
    await postToStorage(first.body, PDF, 'application/pdf');
    expect(await objectExists(first.body.fields.key)).toBe(true);
    const second = await requestUpload(local.api, draft, 'rib', 'image/png');
    await postToStorage(second.body, PNG, 'image/png');
    expect(await objectExists(first.body.fields.key)).toBe(false);
    const saved = await put(draft, 'bank', bankBody);
    expect(saved.body.documents.rib).toMatchObject({ status: 'VERIFIED', contentType: 'image/png' });
  });

  it("another draft's token cannot read, change or upload to this draft", async () => {
    const mine = await createDraft(local.api);
    const other = await createDraft(local.api);
    const stolen = { ...mine, headers: other.headers };
    expectProblem(
      await local.api.get(`/v1/enrolments/${mine.id}`, other.headers),
      403,
      'headers.x-draft-token',
    );
    expect((await requestUpload(local.api, stolen, 'rib')).status).toBe(403);
    expect((await put(stolen, 'vat', { regime: 'HT' })).status).toBe(403);
    expectProblem(await local.api.get(`/v1/enrolments/${mine.id}`), 401, 'headers.x-draft-token');
    const download = await local.api.get(`/v1/enrolments/${mine.id}/documents/rib`, other.headers);
    expect(download.status).toBe(403);
    // Keys are chosen by the server: each presigned key lies under its own draft's prefix only.
    const otherUpload = await requestUpload(local.api, other, 'rib');
    expect(otherUpload.body.fields.key.startsWith(`enrolments/${other.id}/`)).toBe(true);
    expect(otherUpload.body.fields.key.startsWith(`enrolments/${mine.id}/`)).toBe(false);
    // Forging the key: refused by storage, whose policy fixes the exact key (the local S3 checks
    // it as S3 does); even stored, a draft only verifies the keys the server recorded for it.
    const forgedKey = `enrolments/${mine.id}/rib/forged.pdf`;
    const forged = await postForm(
      { ...otherUpload.body, fields: { ...otherUpload.body.fields, key: forgedKey } },
      PDF,
      'application/pdf',
    );
    expect(forged.status).toBe(403);
    expect(forged.body).toContain('Policy Condition failed: ["eq", "$key"');
    expect(await objectExists(forgedKey)).toBe(false);
    const mineView = await put(mine, 'bank', bankBody);
    expect(mineView.body.documents.rib).toBeUndefined();
    expect(mineView.body.steps.bank.missing.map((m: any) => m.path)).toEqual(['documents.rib']);
  });
});

describe('drafts: expiry and "Quitter sans enregistrer"', () => {
  it('an expired draft can no longer be read or changed', async () => {
    const draft = await createDraft(local.api);
    const created = await local.api.get(`/v1/enrolments/${draft.id}`, draft.headers);
    const days = (Date.parse(created.body.draftExpiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    await expire(keys.enrolment(draft.id));
    const response = await local.api.get(`/v1/enrolments/${draft.id}`, draft.headers);
    expect(response.status).toBe(404);
    expect(response.body.detail).toContain('expiré');
    expect((await put(draft, 'vat', { regime: 'HT' })).status).toBe(404);
  });

  it('deleting a draft removes it and its uploaded files', async () => {
    const draft = await createDraft(local.api);
    const presigned = await requestUpload(local.api, draft, 'rib');
    await postToStorage(presigned.body, PDF, 'application/pdf');
    expect((await local.api.delete(`/v1/enrolments/${draft.id}`, draft.headers)).status).toBe(204);
    expect(await objectExists(presigned.body.fields.key)).toBe(false);
    expect((await local.api.get(`/v1/enrolments/${draft.id}`, draft.headers)).status).toBe(404);
  });
});

describe('step 5 — submission rules', () => {
  it('a missing checkbox, a missing captcha, and a missing conditional document are refused', async () => {
    const draft = await createDraft(local.api);
    await completeDraft(local.api, draft);
    const url = `/v1/enrolments/${draft.id}/submit`;
    expectProblem(
      await local.api.post(
        url,
        { captcha: await solveCaptcha(local.api), ...declarations, acceptCgu: false },
        draft.headers,
      ),
      422,
      'body.acceptCgu',
    );
    expectProblem(
      await local.api.post(
        url,
        { captcha: await solveCaptcha(local.api), acceptCgu: true, certifySincerity: true },
        draft.headers,
      ),
      422,
      'body.acknowledgeArticle4417',
    );
    expectProblem(await local.api.post(url, declarations, draft.headers), 422, 'body.captcha');
    // HT without the attestation de non-assujettissement.
    await put(draft, 'vat', { regime: 'HT' });
    const incomplete = await submit(local.api, draft);
    expectProblem(incomplete, 422, 'documents.attestationNonAssujettissement');
    expect(incomplete.body.code).toBe('enrolment_incomplete');
    const after = await local.api.get(`/v1/enrolments/${draft.id}`, draft.headers);
    expect(after.body.status).toBe('BROUILLON');
    expect(after.body.number).toBeUndefined();
  });

  it('submit twice → same number; the same Idempotency-Key replays; a second active request is refused', async () => {
    const draft = await createDraft(local.api);
    await completeDraft(local.api, draft);
    const url = `/v1/enrolments/${draft.id}/submit`;
    const body = { captcha: await solveCaptcha(local.api), ...declarations };
    const withKey = { ...draft.headers, 'idempotency-key': `submit-${draft.id}` };
    const first = await local.api.post(url, body, withKey);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.number).toMatch(/^ENR\d{4}M\d$/);
    // Same key, same body: the stored answer, although the captcha was spent by the first call.
    const replay = await local.api.post(url, body, withKey);
    expect(replay.status).toBe(200);
    expect(replay.headers.get('idempotency-replayed')).toBe('true');
    expect(replay.body.number).toBe(first.body.number);
    const reusedKey = await local.api.post(url, { ...body, captcha: { id: 'x', answer: 'y' } }, withKey);
    expect(reusedKey.body.code).toBe('idempotency_key_reused');
    const again = await submit(local.api, draft);
    expect(again.status).toBe(200);
    expect(again.body.number).toBe(first.body.number);
    // The request is no longer editable.
    expect((await put(draft, 'vat', { regime: 'HT' })).status).toBe(409);
    expect((await local.api.delete(`/v1/enrolments/${draft.id}`, draft.headers)).status).toBe(409);

    const duplicate = await createDraft(local.api);
    await completeDraft(local.api, duplicate);
    const refused = await submit(local.api, duplicate);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('enrolment_already_active');
  });
});
