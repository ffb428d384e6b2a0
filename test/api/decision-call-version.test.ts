import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { useLocalCloud } from '../support/harness.ts';
import { instructor, operatorWith } from '../support/operators.ts';
import { readPdf } from '../support/pdf.ts';

// Cheap password hashing (local stage only); the call is read afresh (no 60 s cache) so the
// correction below applies at once everywhere, as it eventually does on AWS.
const local = useLocalCloud({ environment: { PASSWORD_HASH_LOG_N: '10', FUNDING_CALL_CACHE_SECONDS: '0' } });

const tens = { applicatives: 10, organisationnelles: 10, personnelles: 10 };
const CALL = '/v1/admin/funding-calls/MSS-OPERATEURS-2023';

async function decisionPdfText(number: string, headers: Record<string, string>) {
  const dossier = await local.api.get(`/v1/funding/dossiers/${number}`, headers);
  const [pdf] = dossier.body.documents;
  const download = await fetch(pdf.download.url);
  return (await readPdf(new Uint8Array(await download.arrayBuffer()))).text;
}

describe('the decision PDF and the funding call version', () => {
  it('renders with the call version recorded with the decision, even after a correction', async () => {
    const operator = await operatorWith(local);
    const asp = await instructor(local);
    const submitted = await local.api.post(
      '/v1/funding/advance',
      { current: tens, estimatedAtClosing: tens },
      operator.headers,
    );
    expect(submitted.status).toBe(201);
    const number: string = submitted.body.number;
    await local.cloud.settleWorkflows();
    const decidedLabel: string = (await local.api.get(CALL, asp.headers)).body.label;
    expect(await decisionPdfText(number, operator.headers)).toContain(decidedLabel);

    // The ASP corrects the call; then the PDF task runs again for this decision (a re-run after
    // a failure of its storage, say): it must still print what was decided.
    const { callId: _callId, version, ...fields } = (await local.api.get(CALL, asp.headers)).body;
    const corrected = await local.api.put(
      CALL,
      { ...fields, expectedVersion: version, label: 'Appel corrigé après la décision' },
      asp.headers,
    );
    expect(corrected.status).toBe(200);
    const { documentClient, tableName } = await import('#shared/storage/client.ts');
    const keys = await import('#shared/storage/keys.ts');
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.dossier(number),
        UpdateExpression: 'REMOVE documents.DECISION_ATTRIBUTION',
      }),
    );
    const { issueDecisionDocument } = await import('#shared/funding/decision-task.ts');
    expect(await issueDecisionDocument(number, 'advance')).toMatchObject({ created: true });
    const text = await decisionPdfText(number, operator.headers);
    expect(text).toContain(decidedLabel);
    expect(text).not.toContain('Appel corrigé après la décision');
  });
});
