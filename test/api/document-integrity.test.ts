import {
  DeleteObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { describe, expect, it } from 'vitest';
import type { Enrolment, StoredDocument } from '#shared/enrolment/model.ts';
import { CLEAN, SCAN_STATUS_TAG } from '#shared/malware-scan/verdict.ts';
import { CHECKED_DRAFT_TAG, PENDING_UPLOAD_TAG } from '#shared/storage/upload-lifecycle.ts';
import {
  BUYER_SIRET,
  bankBody,
  completeDraft,
  createDraft,
  type Draft,
  PDF,
  PNG,
  postForm,
  requestUpload,
  submit,
  upload,
} from '../support/enrolment.ts';
import { useLocalCloud } from '../support/harness.ts';
import { instructor } from '../support/operators.ts';

/**
 * Issue 11 items 2 and 3, issue 18 item 3 and the local S3's policy checks: a checked document
 * stays the checked bytes, every file is confirmed before a submission writes anything, ill-formed
 * Unicode never reaches storage or headers, and uploads are refused locally as S3 refuses them.
 */
const local = useLocalCloud();

/** The header of an ELF executable: what an attacker posts through a still-valid form. */
const ELF = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

/** The local GuardDuty stand-in tags every upload it found clean; checked copies carry it over. */
const CLEAN_TAG = { Key: SCAN_STATUS_TAG, Value: CLEAN };

const s3 = () => new S3Client({ forcePathStyle: true });
const bucket = () => process.env.BUCKET_NAME as string;
const tagsOf = async (key: string) =>
  (await s3().send(new GetObjectTaggingCommand({ Bucket: bucket(), Key: key }))).TagSet;
const exists = (key: string) =>
  s3()
    .send(new HeadObjectCommand({ Bucket: bucket(), Key: key }))
    .then(() => true)
    .catch(() => false);

/** Object keys are internal (never in API views): read them from the stored aggregate. */
async function stored(draft: Draft): Promise<Enrolment> {
  const { getEnrolment } = await import('#shared/enrolment/repository.ts');
  const enrolment = await getEnrolment(draft.id);
  if (!enrolment) throw new Error('missing enrolment');
  return enrolment;
}
const storedDocument = async (draft: Draft, field: keyof Enrolment['documents']) =>
  (await stored(draft)).documents[field] as StoredDocument;

const download = async (url: string) => {
  const response = await fetch(url);
  return {
    status: response.status,
    disposition: response.headers.get('content-disposition'),
    bytes: Buffer.from(await response.arrayBuffer()),
  };
};

describe('a checked document stays the checked bytes', () => {
  it('bytes re-posted through the same form after the check never reach the downloads or the submission', async () => {
    const draft = await createDraft(local.api);
    await completeDraft(local.api, draft);
    const form = await requestUpload(local.api, draft, 'rib');
    expect((await postForm(form.body, PDF, 'application/pdf')).status).toBe(204);
    const saved = await local.api.put(`/v1/enrolments/${draft.id}/steps/bank`, bankBody, draft.headers);
    expect(saved.body.documents.rib.status).toBe('VERIFIED');
    const rib = await storedDocument(draft, 'rib');
    expect(rib.checkedKey).toBe(`checked/${rib.key}`);
    expect(await tagsOf(rib.checkedKey as string)).toEqual([
      { Key: CHECKED_DRAFT_TAG.key, Value: CHECKED_DRAFT_TAG.value },
      CLEAN_TAG,
    ]);
    expect(await exists(rib.key)).toBe(false);

    // The form is still valid (5 minutes): S3 (and the local S3) accept the swap at its key.
    expect((await postForm(form.body, ELF, 'application/pdf')).status).toBe(204);
    expect(await exists(rib.key)).toBe(true);

    const submitted = await submit(local.api, draft);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const holderLink = await local.api.get(`/v1/enrolments/${draft.id}/documents/rib`, draft.headers);
    expect((await download(holderLink.body.url)).bytes).toEqual(PDF);
    const file = await local.api.get(`/v1/admin/enrolments/${draft.id}`, (await instructor(local)).headers);
    expect(file.status).toBe(200);
    expect((await download(file.body.documents.rib.download.url)).bytes).toEqual(PDF);
    // Attached: the checked copies lose their draft tag (the bucket keeps them), not their verdict.
    for (const document of Object.values((await stored(draft)).documents))
      expect(await tagsOf(document?.checkedKey as string), document?.field).toEqual([CLEAN_TAG]);
  });

  it('an upload not yet checked is never served, and a refused one leaves no checked copy', async () => {
    const draft = await createDraft(local.api);
    await upload(local.api, draft, 'rib', ELF);
    const link = await local.api.get(`/v1/enrolments/${draft.id}/documents/rib`, draft.headers);
    expect([link.status, link.body.code]).toEqual([409, 'document_not_checked']);
    const refused = await local.api.put(`/v1/enrolments/${draft.id}/steps/bank`, bankBody, draft.headers);
    expect(refused.status).toBe(422);
    const rib = await storedDocument(draft, 'rib');
    expect(rib.checkedKey).toBeUndefined();
    expect(await exists(`checked/${rib.key}`)).toBe(false);
    expect(await tagsOf(rib.key)).toEqual([
      { Key: PENDING_UPLOAD_TAG.key, Value: PENDING_UPLOAD_TAG.value },
      CLEAN_TAG,
    ]);
  });

  it('a save refused for another field keeps every upload, so the next save can check it', async () => {
    const draft = await createDraft(local.api);
    await upload(local.api, draft, 'certificatReferencement');
    await upload(local.api, draft, 'contratOperateur', ELF);
    const step = (body: object) =>
      local.api.put(`/v1/enrolments/${draft.id}/steps/referencing`, body, draft.headers);
    expect((await step({ number: 'zbuMSS0046' })).status).toBe(422);
    await upload(local.api, draft, 'contratOperateur');
    const saved = await step({ number: 'zbuMSS0046' });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.documents.certificatReferencement.status).toBe('VERIFIED');
  });
});

describe('submission: every attached file confirmed before anything is written', () => {
  it('a checked file gone from storage is a 422 naming it, nothing written; uploading it again submits', async () => {
    const draft = await createDraft(local.api, 'abcMSS0112');
    await completeDraft(local.api, draft, { referencingNumber: 'abcMSS0112' });
    await upload(local.api, draft, 'rib');
    await local.api.put(`/v1/enrolments/${draft.id}/steps/bank`, bankBody, draft.headers);
    const before = await stored(draft);
    await s3().send(new DeleteObjectCommand({ Bucket: bucket(), Key: before.documents.rib?.checkedKey }));

    const refused = await submit(local.api, draft);
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.body.code).toBe('document_rejected');
    expect(refused.body.errors).toEqual([
      { path: 'documents.rib', message: expect.stringContaining("n'est plus disponible") },
    ]);
    const after = await stored(draft);
    expect(after).toEqual(before);
    expect(after.number).toBeUndefined();

    await upload(local.api, draft, 'rib', PNG, 'image/png');
    const submitted = await submit(local.api, draft);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body.documents.rib).toMatchObject({ status: 'VERIFIED', contentType: 'image/png' });
  });
});

describe('ill-formed Unicode', () => {
  it('a file name with a lone surrogate is refused on body.fileName, nothing recorded', async () => {
    const draft = await createDraft(local.api);
    const response = await local.api.request('POST', `/v1/enrolments/${draft.id}/documents`, {
      rawBody: '{"field":"rib","fileName":"rib-\\ud800.pdf","contentType":"application/pdf"}',
      headers: { ...draft.headers, 'content-type': 'application/json' },
    });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([
      { path: 'body.fileName', message: expect.stringContaining('Unicode mal formé') },
    ]);
    expect((await stored(draft)).documents).toEqual({});
  });

  it('downloads survive any stored name (RFC 6266 filename*), for the holder and the instructor', async () => {
    const draft = await createDraft(local.api);
    await completeDraft(local.api, draft, { siret: BUYER_SIRET });
    expect((await submit(local.api, draft)).status).toBe(200);
    // A name stored before input was checked: written straight into the aggregate.
    const { saveEnrolment } = await import('#shared/enrolment/repository.ts');
    const enrolment = await stored(draft);
    const rib = enrolment.documents.rib as StoredDocument;
    await saveEnrolment({
      ...enrolment,
      documents: { ...enrolment.documents, rib: { ...rib, fileName: 'rib-\ud800 été "1".pdf' } },
    });
    const holder = await local.api.get(`/v1/enrolments/${draft.id}/documents/rib`, draft.headers);
    expect(holder.status).toBe(200);
    const file = await local.api.get(`/v1/admin/enrolments/${draft.id}`, (await instructor(local)).headers);
    expect(file.status).toBe(200);
    for (const url of [holder.body.url, file.body.documents.rib.download.url]) {
      const served = await download(url);
      expect(served.status).toBe(200);
      expect(served.disposition).toBe(
        `attachment; filename="rib-? ?t? \\"1\\".pdf"; filename*=UTF-8''rib-%EF%BF%BD%20%C3%A9t%C3%A9%20%221%22.pdf`,
      );
    }
  });
});

describe('the local S3 enforces presigned POST policies as S3 does', () => {
  const form = async () => {
    const draft = await createDraft(local.api);
    const presigned = await requestUpload(local.api, draft, 'rib');
    return presigned.body as { url: string; fields: Record<string, string> };
  };
  const expectS3Error = (
    reply: { status: number; body: string },
    status: number,
    code: string,
    message?: string,
  ) => {
    expect(reply.status, reply.body).toBe(status);
    expect(reply.body).toContain(`<Code>${code}</Code>`);
    if (message) expect(reply.body).toContain(message);
  };

  it('accepts the form as issued, and stores the pending tag its policy fixes', async () => {
    const presigned = await form();
    expect((await postForm(presigned, PDF, 'application/pdf')).status).toBe(204);
    expect(await tagsOf(presigned.fields.key as string)).toEqual([
      { Key: PENDING_UPLOAD_TAG.key, Value: PENDING_UPLOAD_TAG.value },
      CLEAN_TAG,
    ]);
  });

  it('refuses oversized and empty files, another Content-Type, another key, an extra field', async () => {
    const presigned = await form();
    expectS3Error(
      await postForm(presigned, Buffer.alloc(4 * 1024 * 1024 + 1, 0x25), 'application/pdf'),
      400,
      'EntityTooLarge',
      '<MaxSizeAllowed>4194304</MaxSizeAllowed>',
    );
    expectS3Error(await postForm(presigned, Buffer.alloc(0), 'application/pdf'), 400, 'EntityTooSmall');
    expectS3Error(
      await postForm(
        { ...presigned, fields: { ...presigned.fields, 'Content-Type': 'text/html' } },
        PDF,
        'text/html',
      ),
      403,
      'AccessDenied',
      'Policy Condition failed: ["eq", "$Content-Type", "application/pdf"]',
    );
    expectS3Error(
      await postForm(
        { ...presigned, fields: { ...presigned.fields, key: 'checked/x.pdf' } },
        PDF,
        'application/pdf',
      ),
      403,
      'AccessDenied',
      'Policy Condition failed: ["eq", "$key"',
    );
    expectS3Error(
      await postForm(
        { ...presigned, fields: { ...presigned.fields, acl: 'public-read' } },
        PDF,
        'application/pdf',
      ),
      403,
      'AccessDenied',
      'Extra input fields: acl',
    );
    expect(await exists(presigned.fields.key as string)).toBe(false);
    expect(await exists('checked/x.pdf')).toBe(false);
  });

  it('refuses a missing or altered signature and an expired policy', async () => {
    const presigned = await form();
    const { 'X-Amz-Signature': _signature, ...unsigned } = presigned.fields;
    expectS3Error(
      await postForm({ ...presigned, fields: unsigned }, PDF, 'application/pdf'),
      400,
      'InvalidArgument',
    );
    const { Policy: _policy, ...noPolicy } = presigned.fields;
    expectS3Error(
      await postForm({ ...presigned, fields: noPolicy }, PDF, 'application/pdf'),
      403,
      'AccessDenied',
    );
    const forged = JSON.parse(Buffer.from(presigned.fields.Policy as string, 'base64').toString('utf8'));
    forged.conditions = forged.conditions.map((condition: unknown) =>
      Array.isArray(condition) && condition[0] === 'content-length-range'
        ? ['content-length-range', 1, 1e9]
        : condition,
    );
    const Policy = Buffer.from(JSON.stringify(forged)).toString('base64');
    expectS3Error(
      await postForm({ ...presigned, fields: { ...presigned.fields, Policy } }, PDF, 'application/pdf'),
      403,
      'SignatureDoesNotMatch',
    );

    const shortLived = await createPresignedPost(s3(), {
      Bucket: bucket(),
      Key: 'enrolments/expiry-test/rib/x.pdf',
      Conditions: [['content-length-range', 1, 10]],
      Expires: 1,
    });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expectS3Error(await postForm(shortLived, PDF, 'application/pdf'), 403, 'AccessDenied', 'Policy expired.');
  });
});
