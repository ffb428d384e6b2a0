import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import nag from 'cdk-nag';
import { authorizerModule, authorizerPermissions, routeTable } from '#functions/route-table.ts';
import { REPOSITORY_ROOT } from './bundling.ts';
import { readDeployment } from './config.ts';
import { addStacks } from './stacks.ts';
import { emailEventHandler, workflows, workflowTasks } from './state-machines.ts';

/**
 * CDK entry point (`npm run synth`, `npm run deploy`): both stacks generated from the route table,
 * the authorizer, the workflows and their tasks, checked by cdk-nag (AwsSolutions and Serverless).
 */
const cdkJson = JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'cdk.json'), 'utf8'));
// Run by the CDK CLI, context and outdir come from it (the CLI's values win); run directly with
// `node infra/app.ts`, cdk.json's context and output folder apply.
const app = new App({
  context: cdkJson.context,
  outdir: process.env.CDK_OUTDIR ?? join(REPOSITORY_ROOT, cdkJson.output),
});
const deployment = readDeployment((key) => app.node.tryGetContext(key));
addStacks(app, deployment, {
  routes: routeTable,
  authorizer: { handler: authorizerModule, permissions: authorizerPermissions },
  workflows,
  workflowTasks,
  emailEvents: emailEventHandler,
});
Validations.of(app).addPlugins(new nag.AwsSolutionsChecks(app), new nag.ServerlessChecks(app));
app.synth();
