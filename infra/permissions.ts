import { aws_iam as iam } from 'aws-cdk-lib';
import type { Permissions } from '#shared/routes/types.ts';

/** The resources a function's declared permissions may name. */
export interface GrantableResources {
  tableArn: string;
  indexNames: readonly string[];
  bucketArn: string;
  ses: {
    /** The sender's domain identity and the configuration set every email names. */
    resources: string[];
    /** Every identity of the account, granted only in the SES sandbox (recipients are checked too). */
    sandboxRecipients?: string;
    fromAddress: string;
  };
  /** A workflow's state machine ARN and the ARN pattern of its executions (`…:execution:<name>:*`). */
  stateMachine: (workflowId: string) => { arn: string; executionsArn: string };
}

/** A wildcard resource a statement needs, with the reason written in its cdk-nag acknowledgement. */
export interface WildcardReason {
  resource: string;
  reason: string;
}

export interface DerivedGrants {
  statements: iam.PolicyStatement[];
  wildcards: WildcardReason[];
}

/** Everything the handlers call on the table; Scan is deliberately absent (no Scan on a request path). */
export const TABLE_ACTIONS = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'],
  write: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
} as const;

/**
 * Object actions per access level. Writers also tag objects (see shared/storage/upload-lifecycle.ts):
 * presigned POST uploads carry the pending tag, checked copies (CopyObject: GetObject on the source,
 * PutObject + PutObjectTagging on the copy) the checked tag, which attaching a document removes.
 */
export const BUCKET_ACTIONS = {
  read: ['s3:GetObject'],
  write: ['s3:PutObject', 's3:PutObjectTagging', 's3:DeleteObject'],
  /** A call naming a VersionId needs these instead (the bucket is versioned on AWS). */
  versionRead: ['s3:GetObjectVersion'],
  versionWrite: ['s3:DeleteObjectVersion'],
} as const;

export const SES_SEND_ACTIONS = ['ses:SendEmail', 'ses:SendRawEmail'] as const;

const LOG_DELIVERY = 'Step Functions log delivery to CloudWatch Logs (vended logs API)';

/** Actions that AWS only authorises on `Resource: *` (no resource-level permissions exist), and why we use them. */
export const RESOURCELESS_ACTIONS: Record<string, string> = {
  'ses:GetSendQuota': 'granted with `ses`: reads the account-level sending quota (the health probe)',
  'states:ListStateMachines': 'the health probe lists state machines, an account-level action',
  'xray:PutTraceSegments': 'active X-Ray tracing uploads segments',
  'xray:PutTelemetryRecords': 'active X-Ray tracing uploads telemetry',
  'xray:GetSamplingRules': 'X-Ray tracing of state machines reads sampling rules',
  'xray:GetSamplingTargets': 'X-Ray tracing of state machines reads sampling targets',
  'logs:CreateLogDelivery': LOG_DELIVERY,
  'logs:GetLogDelivery': LOG_DELIVERY,
  'logs:UpdateLogDelivery': LOG_DELIVERY,
  'logs:DeleteLogDelivery': LOG_DELIVERY,
  'logs:ListLogDeliveries': LOG_DELIVERY,
  'logs:PutResourcePolicy': LOG_DELIVERY,
  'logs:DescribeResourcePolicies': LOG_DELIVERY,
  'logs:DescribeLogGroups': LOG_DELIVERY,
};

/**
 * Least-privilege IAM statements derived from what a route (or workflow task) declares it touches.
 * Resource-level wildcards are limited to object keys under a declared prefix and to executions of
 * a declared state machine; each comes with the reason recorded in its cdk-nag suppression.
 */
export function grantsFor(
  owner: string,
  permissions: Permissions,
  resources: GrantableResources,
): DerivedGrants {
  const statements: iam.PolicyStatement[] = [];
  const wildcards: WildcardReason[] = [];

  if (permissions.table) {
    const actions = [
      ...TABLE_ACTIONS.read,
      ...(permissions.table === 'readwrite' ? TABLE_ACTIONS.write : []),
    ];
    // Each index by name: Query on a GSI needs its ARN, and naming them avoids `index/*`.
    const indexArns = resources.indexNames.map((name) => `${resources.tableArn}/index/${name}`);
    statements.push(new iam.PolicyStatement({ actions, resources: [resources.tableArn, ...indexArns] }));
  }

  if (permissions.bucket) {
    const { prefixes, access, versions } = permissions.bucket;
    // ListBucket lets HeadObject answer 404 for a missing upload instead of 403 (the upload check
    // tells "not uploaded yet" from "denied"), and HeadBucket serve the health probe.
    statements.push(
      new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [resources.bucketArn] }),
    );
    if (prefixes.length > 0) {
      const writes = access === 'readwrite';
      const actions = [
        ...BUCKET_ACTIONS.read,
        ...(writes ? BUCKET_ACTIONS.write : []),
        ...(versions ? BUCKET_ACTIONS.versionRead : []),
        ...(versions && writes ? BUCKET_ACTIONS.versionWrite : []),
      ];
      statements.push(
        new iam.PolicyStatement({
          actions,
          resources: prefixes.map((prefix) => `${resources.bucketArn}/${prefix}*`),
        }),
      );
      for (const prefix of prefixes)
        wildcards.push({
          resource: `${resources.bucketArn}/${prefix}*`,
          reason: `${owner} reads${access === 'readwrite' ? ' and writes' : ''} objects whose keys are generated at run time under its declared prefix "${prefix}" only.`,
        });
    }
  }

  if (permissions.ses) {
    const { ses } = resources;
    statements.push(
      new iam.PolicyStatement({
        actions: [...SES_SEND_ACTIONS],
        resources: [...ses.resources, ...(ses.sandboxRecipients ? [ses.sandboxRecipients] : [])],
        // Whatever identity SES checks, the message can only come from the portal's sender address.
        conditions: { StringEquals: { 'ses:FromAddress': ses.fromAddress } },
      }),
      new iam.PolicyStatement({ actions: ['ses:GetSendQuota'], resources: ['*'] }),
    );
    if (ses.sandboxRecipients)
      wildcards.push({
        resource: ses.sandboxRecipients,
        reason: `${owner} sends from the portal's address only (ses:FromAddress condition); in the SES sandbox SES also authorises each recipient's verified identity, named at run time.`,
      });
  }

  for (const workflowId of permissions.workflows ?? []) {
    if (workflowId === '*') {
      statements.push(new iam.PolicyStatement({ actions: ['states:ListStateMachines'], resources: ['*'] }));
      continue;
    }
    const machine = resources.stateMachine(workflowId);
    statements.push(
      new iam.PolicyStatement({ actions: ['states:StartExecution'], resources: [machine.arn] }),
      new iam.PolicyStatement({ actions: ['states:DescribeExecution'], resources: [machine.executionsArn] }),
    );
    wildcards.push({
      resource: machine.executionsArn,
      reason: `${owner} describes executions of the "${workflowId}" state machine only; execution names are chosen at run time (deterministic per command, so a retry finds the first run).`,
    });
  }

  return { statements, wildcards };
}
