import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { localStateMachineArn } from '#infra/local/stepfunctions.ts';
import { CLEAN, SCAN_STATUS_TAG } from '#shared/malware-scan/verdict.ts';
import { indexKeys } from '#shared/storage/keys.ts';
import {
  applicantBody,
  completeDraft,
  createDraft,
  type Draft,
  lookupCompany,
  submit,
} from '../support/enrolment.ts';
import { useLocalCloud } from '../support/harness.ts';

const local = useLocalCloud();
const DEVELOPER_SIRET = '39177919600040';

async function executionsOf(enrolmentId: string) {
  await local.cloud.settleWorkflows();
  const sfn = new SFNClient({ endpoint: local.cloud.urls.sfn });
  const { executions = [] } = await sfn.send(
    new ListExecutionsCommand({ stateMachineArn: localStateMachineArn('enrolmentSubmitted') }),
  );
  return executions.filter((execution) => execution.name?.startsWith(enrolmentId));
}

async function listIndex(index: 'GSI1' | 'GSI2', partition: { name: string; value: string }) {
  const { queryPage } = await import('#shared/storage/store.ts');
  return (await queryPage<{ id: string; status: string }>({ index, partition, limit: 100 })).items;
}

async function importReferencingsCsv(csv: string) {
  const file = join(mkdtempSync(join(tmpdir(), 'referencings-')), 'referencements.csv');
  writeFileSync(file, csv);
  return promisify(execFile)(process.execPath, ['scripts/import-referencings.ts', file], {
    env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'WARN' },
  });
}

describe('submission: workflow, audit trail, indexes', () => {
  it('starts enrolmentSubmitted once, records one audit event, lists the request by status and SIRET', async () => {
    const draft = await createDraft(local.api);
    await completeDraft(local.api, draft);
    const siretList = await listIndex('GSI2', {
      name: 'GSI2PK',
      value: indexKeys.enrolmentsBySiret(DEVELOPER_SIRET).GSI2PK,
    });
    expect(siretList.find((item) => item.id === draft.id)?.status).toBe('BROUILLON');

    const first = await submit(local.api, draft);
    const second = await submit(local.api, draft);
    expect(second.body.number).toBe(first.body.number);
    const executions = await executionsOf(draft.id);
    expect(executions.map((e) => [e.name, e.status])).toEqual([
      [expect.stringMatching(/-submitted-\d+$/), 'SUCCEEDED'],
    ]);

    const { readAuditTrail } = await import('#shared/enrolment/audit-repository.ts');
    const trail = await readAuditTrail(draft.id);
    expect(trail.items).toEqual([
      expect.objectContaining({
        who: 'applicant',
        action: 'submit',
        fromStatus: 'BROUILLON',
        toStatus: 'DEPOSEE',
      }),
    ]);
    const deposited = await listIndex('GSI1', {
      name: 'GSI1PK',
      value: indexKeys.enrolmentsByStatus('DEPOSEE').GSI1PK,
    });
    expect(deposited.map((item) => item.id)).toContain(draft.id);
  });

  it('uploads are tagged pending by their form; the submission attaches checked copies, untagged', async () => {
    const { GetObjectTaggingCommand, HeadObjectCommand, S3Client } = await import('@aws-sdk/client-s3');
    const s3 = new S3Client({ forcePathStyle: true });
    const Bucket = process.env.BUCKET_NAME;
    const tagsOf = async (key: string) =>
      (await s3.send(new GetObjectTaggingCommand({ Bucket, Key: key }))).TagSet;
    const exists = (key: string) =>
      s3.send(new HeadObjectCommand({ Bucket, Key: key })).then(
        () => true,
        () => false,
      );
    const draft = await createDraft(local.api);
    await completeDraft(local.api, draft, { siret: '47992882200069' });
    // Object keys are internal (never in API views): read them from the stored aggregate.
    const { getEnrolment } = await import('#shared/enrolment/repository.ts');
    const documents = async () => Object.values((await getEnrolment(draft.id))?.documents ?? {});
    const uploads = await documents();
    expect(uploads.length).toBeGreaterThan(0);
    // The POST's `tagging` field, fixed by its policy, applied by S3 (and by the local S3's front).
    for (const document of uploads)
      expect(await tagsOf(document?.key as string)).toEqual([
        { Key: 'upload', Value: 'pending' },
        { Key: SCAN_STATUS_TAG, Value: CLEAN },
      ]);
    expect((await submit(local.api, draft)).status).toBe(200);
    for (const document of await documents()) {
      expect(document?.checkedKey, document?.field).toBe(`checked/${document?.key}`);
      expect(await tagsOf(document?.checkedKey as string)).toEqual([{ Key: SCAN_STATUS_TAG, Value: CLEAN }]);
      expect(await exists(document?.key as string)).toBe(false);
    }
  });

  it('after "à modifier", the same draft token edits and re-submits under the same number', async () => {
    const draft = await createDraft(local.api, 'abcMSS0112');
    await completeDraft(local.api, draft, { referencingNumber: 'abcMSS0112' });
    const first = await submit(local.api, draft);
    // The instructor's decision (issue 6) as it will be written: through the repository.
    const { getEnrolment, saveEnrolment } = await import('#shared/enrolment/repository.ts');
    const stored = await getEnrolment(draft.id);
    if (!stored) throw new Error('missing enrolment');
    await saveEnrolment({
      ...stored,
      status: 'A_MODIFIER',
      lastDecision: {
        action: 'requestChanges',
        comment: 'RIB illisible',
        instructorId: 'i1',
        at: new Date().toISOString(),
      },
    });
    const toChange = await listIndex('GSI1', {
      name: 'GSI1PK',
      value: indexKeys.enrolmentsByStatus('A_MODIFIER').GSI1PK,
    });
    expect(toChange.map((item) => item.id)).toEqual([draft.id]);

    const view = await local.api.get(`/v1/enrolments/${draft.id}`, draft.headers);
    expect(view.body).toMatchObject({ status: 'A_MODIFIER', lastDecisionComment: 'RIB illisible' });
    // The applicant corrects its SIRET: it is now the developer operator itself.
    const company = await lookupCompany(local.api, draft, '47992882200069');
    const edited = await local.api.put(
      `/v1/enrolments/${draft.id}/steps/applicant`,
      applicantBody(company.body),
      draft.headers,
    );
    expect(edited.status).toBe(200);
    expect(edited.body.applicant.isBuyerOperator).toBe(false);
    expect(edited.body.draftExpiresAt).toBeUndefined();
    const again = await submit(local.api, draft);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toMatchObject({
      status: 'DEPOSEE',
      number: first.body.number,
      submittedAt: first.body.submittedAt,
    });
    const stillToChange = await listIndex('GSI1', {
      name: 'GSI1PK',
      value: indexKeys.enrolmentsByStatus('A_MODIFIER').GSI1PK,
    });
    expect(stillToChange).toEqual([]);
    const { readAuditTrail } = await import('#shared/enrolment/audit-repository.ts');
    expect((await readAuditTrail(draft.id)).items.map((e) => e.fromStatus)).toEqual([
      'BROUILLON',
      'A_MODIFIER',
    ]);
    expect(await executionsOf(draft.id)).toHaveLength(2);
    // The pair it held before (abcMSS0112, 39177919600040) is free again.
    const other = await createDraft(local.api, 'abcMSS0112');
    await completeDraft(local.api, other, { referencingNumber: 'abcMSS0112' });
    expect((await submit(local.api, other)).status).toBe(200);
  });
});

describe('referencing import and concurrent submissions', () => {
  it('the admin command imports the ANS CSV fixture and reports refused lines', async () => {
    const { readFileSync } = await import('node:fs');
    const run = importReferencingsCsv(readFileSync('test/fixtures/referencements-ans.csv', 'utf8'));
    const error = await run.then(
      () => undefined,
      (e: { code: number; stdout: string }) => e,
    );
    expect(error?.code).toBe(1);
    expect(error?.stdout).toContain('3 référencement(s) importé(s), 2 ligne(s) refusée(s)');
    const imported = await local.api.get('/v1/referencings/tstMSS0202');
    expect(imported.body).toMatchObject({ developerSiret: '47992882200069', solutionName: 'MédiMail Cloud' });
    expect((await local.api.get('/v1/referencings/tstLGC0003')).body.code).toBe('referencing_not_mss');
  });

  it('50 concurrent submissions of different drafts get 50 distinct numbers', async () => {
    const count = 50;
    const numbers = Array.from({ length: count }, (_, i) => `conMSS${String(i).padStart(4, '0')}`);
    const csv = [
      "N° de référencement;Nom de la solution;Couloir;DSR;Type de logiciel;Vague;SIRET de l'opérateur développeur;Raison sociale de l'opérateur développeur",
      ...numbers.map(
        (n) =>
          `${n};Solution ${n};MSS;MSS Opérateurs;Opérateur MSS;Vague 3;${DEVELOPER_SIRET};PROCIVIS IMMOBILIER`,
      ),
    ].join('\n');
    await importReferencingsCsv(csv);
    const drafts: Draft[] = [];
    for (let start = 0; start < count; start += 10) {
      drafts.push(
        ...(await Promise.all(
          numbers.slice(start, start + 10).map(async (number) => {
            const draft = await createDraft(local.api, number);
            await completeDraft(local.api, draft, { referencingNumber: number });
            return draft;
          }),
        )),
      );
    }
    const results = await Promise.all(drafts.map((draft) => submit(local.api, draft)));
    expect(results.map((r) => r.status)).toEqual(Array(count).fill(200));
    const allocated = results.map((r) => r.body.number as string);
    expect(new Set(allocated).size).toBe(count);
    for (const number of allocated) expect(number).toMatch(/^ENR\d{4}M\d$/);
  }, 120_000);
});
