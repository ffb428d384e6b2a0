import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '#infra/bundling.ts';
import { workflows, workflowTasks } from '#infra/state-machines.ts';
import { referencedTaskIds } from '#infra/workflow-tasks.ts';
import type { WorkflowDefinition } from '#shared/workflows/types.ts';
import { fixtureSystem } from './fixtures/system.ts';

type Validator = (definition: unknown) => { isValid: boolean; errorsText: (separator?: string) => string };
const validate = createRequire(import.meta.url)('asl-validator') as Validator;

interface State {
  Type: string;
  Retry?: { BackoffRate?: number; JitterStrategy?: string; MaxAttempts?: number }[];
  Catch?: { Next: string }[];
  Branches?: { States: Record<string, State> }[];
  Iterator?: { States: Record<string, State> };
  ItemProcessor?: { States: Record<string, State> };
}

const taskStates = (states: Record<string, State>): [string, State][] =>
  Object.entries(states).flatMap(([name, state]) => [
    ...(state.Type === 'Task' ? [[name, state] as [string, State]] : []),
    ...(state.Branches ?? []).flatMap((branch) => taskStates(branch.States)),
    ...[state.Iterator, state.ItemProcessor].flatMap((inner) => (inner ? taskStates(inner.States) : [])),
  ]);

/** The definition as CDK deploys it: every placeholder replaced by a Lambda ARN. */
const substituted = (workflow: WorkflowDefinition) =>
  JSON.parse(
    readFileSync(join(REPOSITORY_ROOT, workflow.file), 'utf8').replace(
      /\$\{Task_([\w.-]+)\}/g,
      'arn:aws:lambda:eu-west-3:123456789012:function:$1',
    ),
  );

const cases = [
  ...workflows.map((workflow) => ({ workflow, tasks: workflowTasks, origin: 'shared/workflows' })),
  ...fixtureSystem.workflows.map((workflow) => ({
    workflow,
    tasks: fixtureSystem.workflowTasks,
    origin: 'test fixture',
  })),
];

describe.each(cases)('workflow $workflow.id ($origin)', ({ workflow, tasks }) => {
  it('is valid Amazon States Language (JSONPath) once its task ARNs are substituted', () => {
    const definition = substituted(workflow);
    const result = validate(definition);
    expect(result.isValid, result.errorsText('\n')).toBe(true);
    expect(definition.QueryLanguage ?? 'JSONPath').toBe('JSONPath');
  });

  it('references only tasks that exist in the task list', () => {
    const referenced = referencedTaskIds(workflow);
    for (const taskId of referenced) expect(tasks.map((task) => task.id)).toContain(taskId);
  });

  it('retries every task with exponential backoff and full jitter, and catches into a recorded failure', () => {
    const tasks = taskStates(substituted(workflow).States);
    // A failure recorder (the target of a Catch) may fail the execution itself: the state
    // machine's ExecutionsFailed alarm reports it, and there is nothing left to record into.
    const recorders = new Set(tasks.flatMap(([, state]) => (state.Catch ?? []).map((c) => c.Next)));
    for (const [name, state] of tasks) {
      // A retrier with MaxAttempts 0 declares errors not worth retrying; the others back off.
      const retriers = (state.Retry ?? []).filter((retry) => retry.MaxAttempts !== 0);
      expect(retriers.length, name).toBeGreaterThan(0);
      for (const retry of retriers) {
        expect(retry.BackoffRate ?? 2, name).toBeGreaterThan(1);
        expect(retry.JitterStrategy, name).toBe('FULL');
      }
      if (!recorders.has(name)) expect(state.Catch?.length ?? 0, name).toBeGreaterThan(0);
    }
  });
});

it('runs every declared workflow task in some workflow', () => {
  const used = new Set(workflows.flatMap(referencedTaskIds));
  for (const task of workflowTasks) expect(used, task.id).toContain(task.id);
});
