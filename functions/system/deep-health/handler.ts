import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { GetSendQuotaCommand } from '@aws-sdk/client-ses';
import { ListStateMachinesCommand } from '@aws-sdk/client-sfn';
import { bucketName, s3Client } from '#shared/aws/s3.ts';
import { sesClient } from '#shared/aws/ses.ts';
import { sfnClient } from '#shared/aws/sfn.ts';
import { httpHandler } from '#shared/http/handler.ts';
import { healthResponse, probe, probeTable } from '#shared/system/probe.ts';
import { deepHealthRoute } from './route.ts';

/** Every dependency probed at once, for instructors only (SES's GetSendQuota is limited to 1 call/s). */
export const handler = httpHandler(deepHealthRoute, async () => {
  const [dynamodb, s3, ses, stepfunctions] = await Promise.all([
    probeTable(),
    probe(() => s3Client.send(new HeadBucketCommand({ Bucket: bucketName }))),
    probe(() => sesClient.send(new GetSendQuotaCommand({}))),
    probe(() => sfnClient.send(new ListStateMachinesCommand({ maxResults: 1 }))),
  ]);
  return healthResponse({ dynamodb, s3, ses, stepfunctions });
});
