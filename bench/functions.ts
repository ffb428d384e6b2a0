import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { authorizerModule, routeTable } from '#functions/route-table.ts';
import { REPOSITORY_ROOT } from '#infra/bundling.ts';
import { emailEventHandler, workflowTasks } from '#infra/state-machines.ts';
import { UNMATCHED_ROUTE_HANDLER } from '#infra/stateless-stack.ts';
import { scanResultFunction } from '#shared/malware-scan/definition.ts';

/** Every Lambda the stack deploys: one per route, per workflow task, the authorizer, the SES events recorder, `$default` and the scan result handler. */
export function deployedFunctions() {
  return [
    ...routeTable.map((route) => ({ id: route.id, handler: route.handler })),
    ...workflowTasks.map((task) => ({ id: `task:${task.id}`, handler: task.handler })),
    ...(existsSync(join(REPOSITORY_ROOT, authorizerModule))
      ? [{ id: 'authorizer', handler: authorizerModule }]
      : []),
    { id: 'recordEmailEvent', handler: emailEventHandler.handler },
    { id: 'routeNotFound', handler: UNMATCHED_ROUTE_HANDLER },
    { id: 'recordMalwareScan', handler: scanResultFunction.handler },
  ];
}
