import type { assertions, aws_lambda as lambda, Stack } from 'aws-cdk-lib';
import { expect } from 'vitest';
import { BUCKET_ACTIONS, RESOURCELESS_ACTIONS, SES_SEND_ACTIONS, TABLE_ACTIONS } from '#infra/permissions.ts';
import type { Permissions } from '#shared/routes/types.ts';

export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

const asArray = <T>(value: T | T[]) => (Array.isArray(value) ? value : [value]);

/** The statements of a function's role, as deployed. */
export function statementsOf(template: assertions.Template, stack: Stack, fn: lambda.Function): Statement[] {
  const roleId = stack.getLogicalId(fn.role?.node.defaultChild as never);
  const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((policy) =>
    (policy.Properties.Roles as { Ref: string }[]).some((role) => role.Ref === roleId),
  );
  const role = template.findResources('AWS::IAM::Role')[roleId];
  expect(role?.Properties.ManagedPolicyArns ?? []).toEqual([]);
  return policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
}

/** Resource rendered as text, e.g. `arn:<AWS::Partition>:s3:::bucket/enrolments/*`. */
export const flat = (resource: unknown): string =>
  typeof resource === 'string'
    ? resource
    : 'Fn::Join' in (resource as object)
      ? (resource as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1].map(flat).join('')
      : 'Ref' in (resource as object)
        ? `<${(resource as { Ref: string }).Ref}>`
        : 'Fn::GetAtt' in (resource as object)
          ? `<${(resource as { 'Fn::GetAtt': string[] })['Fn::GetAtt'].join('.')}>`
          : JSON.stringify(resource);

export const actionsOf = (statements: Statement[]) => new Set(statements.flatMap((s) => asArray(s.Action)));

export const resourcesFor = (statements: Statement[], action: string) =>
  statements.filter((s) => asArray(s.Action).includes(action)).flatMap((s) => asArray(s.Resource).map(flat));

/**
 * Checks that a function may do what its route declares and nothing more: writes only with
 * `readwrite`, objects only under declared prefixes, SES only when declared, Step Functions only on
 * declared state machines, and `Resource: *` only for actions AWS cannot scope.
 */
export function expectGrantsWithin(
  statements: Statement[],
  permissions: Permissions,
  context: { bucket: string; readsCaptchaSecret?: boolean },
) {
  const actions = actionsOf(statements);
  for (const statement of statements) {
    expect(statement.Effect).toBe('Allow');
    for (const action of asArray(statement.Action)) expect(action).not.toContain('*');
    if (asArray(statement.Resource).includes('*'))
      for (const action of asArray(statement.Action))
        expect(Object.keys(RESOURCELESS_ACTIONS)).toContain(action);
  }
  const has = (action: string) => actions.has(action);

  expect(TABLE_ACTIONS.read.every(has)).toBe(Boolean(permissions.table));
  expect(TABLE_ACTIONS.write.some(has)).toBe(permissions.table === 'readwrite');
  expect(has('dynamodb:Scan')).toBe(false);

  const bucket = permissions.bucket;
  const objectActions = Object.values(BUCKET_ACTIONS).flat().filter(has);
  const writes = bucket?.access === 'readwrite';
  const expectedObjectActions =
    bucket && bucket.prefixes.length > 0
      ? [
          ...BUCKET_ACTIONS.read,
          ...(writes ? BUCKET_ACTIONS.write : []),
          ...(bucket.versions ? BUCKET_ACTIONS.versionRead : []),
          ...(bucket.versions && writes ? BUCKET_ACTIONS.versionWrite : []),
        ]
      : [];
  expect(objectActions.sort()).toEqual([...expectedObjectActions].sort());
  for (const action of objectActions)
    expect(resourcesFor(statements, action).sort()).toEqual(
      (bucket?.prefixes ?? []).map((prefix) => `${context.bucket}/${prefix}*`).sort(),
    );
  expect(has('s3:ListBucket')).toBe(Boolean(bucket));

  expect(SES_SEND_ACTIONS.every(has)).toBe(Boolean(permissions.ses));
  const named = (permissions.workflows ?? []).filter((id) => id !== '*');
  expect(has('states:StartExecution')).toBe(named.length > 0);
  expect(resourcesFor(statements, 'states:StartExecution')).toHaveLength(named.length);
  // Only the captcha's adapter reads a secret (the CaptchEtat credentials), and only that one.
  expect([...actions].filter((action) => action.startsWith('secretsmanager:'))).toEqual(
    context.readsCaptchaSecret ? ['secretsmanager:GetSecretValue'] : [],
  );
  if (context.readsCaptchaSecret)
    expect(resourcesFor(statements, 'secretsmanager:GetSecretValue')).toEqual([
      expect.stringMatching(/:secret:segur-mss\/\w+\/captcha-\?{6}$/),
    ]);
}
