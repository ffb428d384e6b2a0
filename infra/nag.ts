import { createRequire } from 'node:module';
import { Aspects, type IAspect, aws_iam as iam, Stack, Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { RESOURCELESS_ACTIONS, type WildcardReason } from './permissions.ts';

// cdk-nag's own flattening, so acknowledged finding ids match the ones its IAM5 rule reports.
const { flattenCfnReference } = createRequire(import.meta.url)(
  'cdk-nag/lib/utils/flatten-cfn-reference.js',
) as { flattenCfnReference: (reference: unknown) => string };

/** Acknowledges one cdk-nag finding on a construct (and its children) with a written reason. */
export function acknowledge(scope: IConstruct, id: string, reason: string) {
  Validations.of(scope).acknowledge({ id, reason });
}

interface ResolvedStatement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

const asArray = <T>(value: T | T[]) => (Array.isArray(value) ? value : [value]);

/**
 * Registers a role for wildcard acknowledgement at synth time (an aspect), so that statements added
 * after construction are seen too: a later unexplained `Resource: *` keeps the finding reported.
 */
export function acknowledgeWildcardsAtSynth(
  role: iam.Role,
  owner: string,
  declared: readonly WildcardReason[],
) {
  const aspect: IAspect = {
    visit(node) {
      if (node === role) acknowledgeWildcards(role, owner, declared);
    },
  };
  Aspects.of(role).add(aspect);
}

/**
 * Acknowledges the IAM5 (wildcard) findings of a role, one by one, only where a reason exists:
 * `Resource: *` when every action of the statement has no resource-level permission in AWS, and
 * each declared wildcard (object prefix, executions of a state machine) with its own reason.
 * Anything else stays reported, so an unexpected wildcard fails the cdk-nag test.
 */
export function acknowledgeWildcards(role: iam.Role, owner: string, declared: readonly WildcardReason[]) {
  const stack = Stack.of(role);
  const flatten = (resource: unknown) => flattenCfnReference(stack.resolve(resource));
  const declaredReasons = new Map(declared.map((w) => [flatten(w.resource), w.reason]));
  const policies = role.node.children.filter((child): child is iam.Policy => child instanceof iam.Policy);
  const resourceless = new Set<string>();
  let unexplainedStar = false;
  for (const policy of policies) {
    const document = stack.resolve(policy.document.toJSON()) as { Statement: ResolvedStatement[] };
    for (const statement of document.Statement) {
      if (statement.Effect !== 'Allow') continue;
      for (const resource of asArray(statement.Resource).map(flattenCfnReference)) {
        if (!resource.includes('*')) continue;
        const actions = asArray(statement.Action);
        if (resource === '*') {
          for (const action of actions)
            if (action in RESOURCELESS_ACTIONS) resourceless.add(action);
            else unexplainedStar = true;
          continue;
        }
        const reason = declaredReasons.get(resource);
        if (reason) acknowledge(role, `AwsSolutions-IAM5[Resource::${resource}]`, reason);
      }
    }
  }
  if (resourceless.size > 0 && !unexplainedStar) {
    const why = [...resourceless].map((action) => `${action} (${RESOURCELESS_ACTIONS[action]})`);
    acknowledge(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      `${owner}: AWS grants these actions only on "*" (no resource-level permissions): ${why.join('; ')}.`,
    );
  }
}
