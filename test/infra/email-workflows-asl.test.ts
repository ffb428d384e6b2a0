import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '#infra/local/cloud.ts';
import { loadDefinition } from '#infra/local/stepfunctions.ts';
import { workflows, workflowTasks } from '#infra/state-machines.ts';
import { TASK_ERRORS } from '#shared/workflows/errors.ts';
import { taskPlaceholder } from '#shared/workflows/types.ts';

type Validator = (
  definition: unknown,
  options?: { checkArn?: boolean; checkPaths?: boolean },
) => { isValid: boolean; errorsText: (separator?: string) => string };
const validate = createRequire(import.meta.url)('asl-validator') as Validator;

interface State {
  Type: string;
  Resource?: string;
  Retry?: Record<string, unknown>[];
  Catch?: { ErrorEquals: string[]; Next: string }[];
}

const EMAIL_WORKFLOWS = [
  'enrolmentSubmitted',
  'enrolmentValidated',
  'enrolmentChangesRequested',
  'enrolmentRejected',
  'sendEmail',
];
const known = new Set(Object.values(TASK_ERRORS));

describe.each(workflows.filter((workflow) => EMAIL_WORKFLOWS.includes(workflow.id)))(
  'workflow $id ($file)',
  (workflow) => {
    const source = readFileSync(join(REPOSITORY_ROOT, workflow.file), 'utf8');
    const definition = loadDefinition(REPOSITORY_ROOT, workflow, workflowTasks) as unknown as {
      QueryLanguage?: string;
      States: Record<string, State>;
    };
    const tasks = Object.entries(definition.States).filter(([, state]) => state.Type === 'Task');

    it('is valid ASL once its task placeholders are substituted (asl-validator, ARNs checked)', () => {
      const result = validate(definition, { checkArn: true, checkPaths: true });
      expect(result.isValid, result.errorsText()).toBe(true);
    });

    it('uses JSONPath and only placeholders of registered tasks', () => {
      expect(definition.QueryLanguage ?? 'JSONPath').toBe('JSONPath');
      expect(source).not.toContain('JSONata');
      const placeholders = [...source.matchAll(/\$\{(Task_\w+)\}/g)].map((match) => match[1]);
      expect(placeholders.length).toBeGreaterThan(0);
      const registered = new Set(workflowTasks.map((task) => taskPlaceholder(task.id)));
      for (const placeholder of placeholders) expect(registered, placeholder).toContain(placeholder);
    });

    it('retries every task with exponential backoff and full jitter, and catches into a recorded failure', () => {
      for (const [name, state] of tasks) {
        const backoff = state.Retry?.find((retrier) =>
          (retrier.ErrorEquals as string[]).includes('States.ALL'),
        );
        expect(backoff, name).toMatchObject({ JitterStrategy: 'FULL' });
        expect(backoff?.BackoffRate as number, name).toBeGreaterThan(1);
        expect(backoff?.MaxDelaySeconds as number, name).toBeGreaterThan(0);
        for (const retrier of state.Retry ?? [])
          for (const error of retrier.ErrorEquals as string[])
            expect(error === 'States.ALL' || known.has(error as never), `${name}: ${error}`).toBe(true);
        if (name === 'RecordFailure') continue;
        expect(state.Catch?.[0], name).toMatchObject({ ErrorEquals: ['States.ALL'], Next: 'RecordFailure' });
      }
      expect(definition.States.RecordFailure?.Resource).toContain(':function:recordWorkflowFailure');
    });
  },
);

it('registers every email workflow', () => {
  expect(workflows.map((workflow) => workflow.id)).toEqual(expect.arrayContaining(EMAIL_WORKFLOWS));
});
