import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, assertions } from 'aws-cdk-lib';
import { afterAll } from 'vitest';
import { REPOSITORY_ROOT } from '../../infra/bundling.ts';
import { readDeployment } from '../../infra/config.ts';
import { addStacks } from '../../infra/stacks.ts';
import type { SystemDefinition } from '../../infra/stateless-stack.ts';
import { authorizerModule, authorizerPermissions, routeTable } from '../../shared/routes/index.ts';
import { emailEventHandler, workflows, workflowTasks } from '../../shared/workflows/index.ts';

/** The system the deployed stacks are generated from (what infra/app.ts passes). */
export const realSystem: SystemDefinition = {
  routes: routeTable,
  authorizer: { handler: authorizerModule, permissions: authorizerPermissions },
  workflows,
  workflowTasks,
  emailEvents: emailEventHandler,
};

export const cdkContext = JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'cdk.json'), 'utf8')).context;

/** A bundled assembly weighs tens of megabytes: each test file removes its own at the end. */
const assemblies: string[] = [];
afterAll(() => {
  for (const outdir of assemblies.splice(0)) rmSync(outdir, { recursive: true, force: true });
});

/**
 * Builds both stacks in a throw-away assembly. `bundle: false` skips esbuild (CDK's own switch,
 * `aws:cdk:bundling-stacks`) for tests that only read the templates.
 */
export function synthesize(
  system: SystemDefinition,
  options: {
    context?: object;
    bundle: boolean;
    beforeSynth?: (stacks: ReturnType<typeof addStacks>) => void;
  },
) {
  const context = {
    ...cdkContext,
    ...options.context,
    ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
  };
  const outdir = mkdtempSync(join(tmpdir(), 'segur-cdk-'));
  assemblies.push(outdir);
  const app = new App({ context, outdir });
  const deployment = readDeployment((key) => app.node.tryGetContext(key));
  const stacks = addStacks(app, deployment, system);
  options.beforeSynth?.(stacks);
  const assembly = app.synth();
  return {
    app,
    assembly,
    deployment,
    ...stacks,
    data: assertions.Template.fromStack(stacks.stateful),
    api: assertions.Template.fromStack(stacks.stateless),
  };
}
