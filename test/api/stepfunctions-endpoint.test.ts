import { pathToFileURL } from 'node:url';
import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPOSITORY_ROOT } from '#infra/local/cloud.ts';
import { localStateMachineArn, startStepFunctions } from '#infra/local/stepfunctions.ts';

let endpoint: Awaited<ReturnType<typeof startStepFunctions>>;
let client: SFNClient;
const arn = localStateMachineArn('flaky');

beforeAll(async () => {
  endpoint = await startStepFunctions({
    port: 0,
    root: REPOSITORY_ROOT,
    workflows: [{ id: 'flaky', file: 'test/fixtures/flaky-workflow.asl.json', description: 'fixture' }],
    tasks: [{ id: 'flaky', handler: 'test/fixtures/flaky-task.ts', permissions: {} }],
    loadHandler: async (path) => (await import(pathToFileURL(`${REPOSITORY_ROOT}/${path}`).href)).handler,
    retryIntervalMs: 5,
  });
  client = new SFNClient({
    endpoint: endpoint.endpoint,
    region: 'eu-west-3',
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
});
afterAll(async () => {
  client.destroy();
  await endpoint.stop();
});

async function run(name: string, input: object) {
  const { executionArn } = await client.send(
    new StartExecutionCommand({ stateMachineArn: arn, name, input: JSON.stringify(input) }),
  );
  await endpoint.settle();
  return client.send(new DescribeExecutionCommand({ executionArn }));
}

describe('local Step Functions endpoint, driven by the real SFN client', () => {
  it('runs an ASL file whose Task calls a repository handler, retrying named errors', async () => {
    const execution = await run('retry-then-succeed', { key: 'a', failuresBeforeSuccess: 2 });
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output as string)).toMatchObject({ key: 'a', attempt: 3 });
    const { events = [] } = await client.send(
      new GetExecutionHistoryCommand({ executionArn: execution.executionArn }),
    );
    expect(events.filter((e) => e.type === 'LambdaFunctionFailed')).toHaveLength(2);
    expect(events.filter((e) => e.type === 'LambdaFunctionScheduled')).toHaveLength(3);
    expect(
      events.find((e) => e.type === 'LambdaFunctionFailed')?.lambdaFunctionFailedEventDetails?.error,
    ).toBe('Transient');
    expect(events.at(-1)?.type).toBe('ExecutionSucceeded');
  });

  it('catches exhausted retries into the Catch branch', async () => {
    const execution = await run('always-failing', { key: 'b', failuresBeforeSuccess: 10 });
    expect(execution.status).toBe('SUCCEEDED');
    expect(JSON.parse(execution.output as string)).toMatchObject({
      outcome: 'recorded',
      failure: { Error: 'Transient' },
    });
  });

  it('is idempotent by execution name: same input while running → same execution; otherwise ExecutionAlreadyExists', async () => {
    const input = JSON.stringify({ key: 'c', failuresBeforeSuccess: 0, delayMs: 200 });
    const first = await client.send(
      new StartExecutionCommand({ stateMachineArn: arn, name: 'named-once', input }),
    );
    const again = await client.send(
      new StartExecutionCommand({ stateMachineArn: arn, name: 'named-once', input }),
    );
    expect(again.executionArn).toBe(first.executionArn);
    await expect(
      client.send(
        new StartExecutionCommand({
          stateMachineArn: arn,
          name: 'named-once',
          input: '{"key":"d","failuresBeforeSuccess":0}',
        }),
      ),
    ).rejects.toBeInstanceOf(ExecutionAlreadyExists);
    await endpoint.settle();
    // A closed execution's name cannot be reused either, as on AWS.
    await expect(
      client.send(new StartExecutionCommand({ stateMachineArn: arn, name: 'named-once', input })),
    ).rejects.toBeInstanceOf(ExecutionAlreadyExists);
    const { executions = [] } = await client.send(new ListExecutionsCommand({ stateMachineArn: arn }));
    expect(executions.filter((e) => e.name === 'named-once')).toHaveLength(1);
  });

  it('answers unknown state machines with the AWS error', async () => {
    await expect(
      client.send(
        new StartExecutionCommand({ stateMachineArn: localStateMachineArn('missing'), input: '{}' }),
      ),
    ).rejects.toMatchObject({ name: 'StateMachineDoesNotExist' });
  });
});
