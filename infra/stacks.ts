import { type App, Tags } from 'aws-cdk-lib';
import type { Deployment } from './config.ts';
import { PortalHosting } from './portal-hosting.ts';
import { StatefulStack } from './stateful-stack.ts';
import { StatelessStack, type SystemDefinition } from './stateless-stack.ts';

/**
 * Both stacks of one stage, the portal's hosting nested in the API stack. The stateless one only
 * names the stateful resources (no exports).
 */
export function addStacks(app: App, deployment: Deployment, system: SystemDefinition) {
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  const prefix = `SegurMss-${deployment.stage}`;
  const stateful = new StatefulStack(app, `${prefix}-Data`, {
    env,
    deployment,
    description: 'Portail Ségur MSS: table, documents bucket, SES identity',
    terminationProtection: deployment.stage === 'prod',
  });
  const stateless = new StatelessStack(app, `${prefix}-Api`, {
    env,
    deployment,
    system,
    description: 'Portail Ségur MSS: HTTP API, functions, workflows, alarms',
  });
  stateless.addStackDependency(stateful, 'the functions use the table, bucket and sender identity');
  const portal = new PortalHosting(stateless, 'Portal', { deployment, api: stateless.api });
  for (const stack of [stateful, stateless]) {
    Tags.of(stack).add('application', 'segur-mss');
    Tags.of(stack).add('stage', deployment.stage);
  }
  return { stateful, stateless, portal };
}
