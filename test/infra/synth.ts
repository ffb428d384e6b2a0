import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, assertions, NestedStack, type Stack } from 'aws-cdk-lib';
import { afterAll } from 'vitest';
import { authorizerModule, authorizerPermissions, routeTable } from '#functions/route-table.ts';
import { REPOSITORY_ROOT } from '#infra/bundling.ts';
import { readDeployment } from '#infra/config.ts';
import { PortalHosting } from '#infra/portal-hosting.ts';
import { addStacks } from '#infra/stacks.ts';
import { emailEventHandler, workflows, workflowTasks } from '#infra/state-machines.ts';
import type { SystemDefinition } from '#infra/stateless-stack.ts';

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
    api: mergedTemplate(stacks.stateless),
    /** Each deployed template on its own: the API stack and its nested route stacks. */
    apiTemplates: [stacks.stateless, ...nestedStacksOf(stacks.stateless)].map((stack) => ({
      stack,
      template: assertions.Template.fromStack(stack),
    })),
  };
}

export const nestedStacksOf = (stack: Stack) =>
  stack.node.findAll().filter((construct): construct is NestedStack => NestedStack.isNestedStack(construct));

/**
 * The API stack's resources with those of its nested route stacks, in one template for assertions
 * that look for a function, a role or a route wherever it is deployed (logical ids do not collide:
 * they derive from unique route and function ids). The portal's hosting (CDK's own deployment
 * handlers, no route) has its tests in portal-hosting.test.ts.
 */
function mergedTemplate(stack: Stack) {
  const routeStacks = nestedStacksOf(stack).filter((nested) => !(nested instanceof PortalHosting));
  const templates = [stack, ...routeStacks].map((each) => assertions.Template.fromStack(each).toJSON());
  const [parent] = templates;
  return assertions.Template.fromJSON(
    {
      ...parent,
      Resources: Object.assign({}, ...templates.map((template) => template.Resources)),
      Outputs: parent?.Outputs,
    },
    { skipCyclicalDependenciesCheck: true },
  );
}
