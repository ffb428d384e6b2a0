import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { GetSendQuotaCommand } from '@aws-sdk/client-ses';
import { ListStateMachinesCommand } from '@aws-sdk/client-sfn';
import { bucketName, s3Client } from '../../shared/aws/s3.ts';
import { sesClient } from '../../shared/aws/ses.ts';
import { sfnClient } from '../../shared/aws/sfn.ts';
import { httpHandler } from '../../shared/http/handler.ts';
import { healthRoute } from '../../shared/routes/system.ts';
import { keys } from '../../shared/storage/keys.ts';
import { getItem } from '../../shared/storage/store.ts';

const PROBE_TIMEOUT_MS = 2000;

async function probe(check: () => Promise<unknown>) {
  const started = performance.now();
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS).unref()),
    ]);
    return { status: 'ok' as const, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      status: 'down' as const,
      latencyMs: Math.round(performance.now() - started),
      detail: (error as Error).name,
    };
  }
}

export const handler = httpHandler(healthRoute, async () => {
  const [dynamodb, s3, ses, stepfunctions] = await Promise.all([
    probe(() => getItem(keys.healthProbe(), { consistent: false })),
    probe(() => s3Client.send(new HeadBucketCommand({ Bucket: bucketName }))),
    probe(() => sesClient.send(new GetSendQuotaCommand({}))),
    probe(() => sfnClient.send(new ListStateMachinesCommand({ maxResults: 1 }))),
  ]);
  const services = { dynamodb, s3, ses, stepfunctions };
  const healthy = Object.values(services).every((service) => service.status === 'ok');
  return { status: healthy ? 200 : 503, body: { status: healthy ? 'ok' : 'degraded', services } };
});
