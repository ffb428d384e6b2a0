import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { StateMachine } from 'aws-local-stepfunctions';
import type { WorkflowDefinition, WorkflowTaskDefinition } from '#shared/workflows/types.ts';
import { taskPlaceholder } from '#shared/workflows/types.ts';
import { closeServer, listen } from './ports.ts';

export const LOCAL_ACCOUNT = '000000000000';
export const LOCAL_REGION = 'eu-west-3';

export const localStateMachineArn = (workflowId: string) =>
  `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${workflowId}`;

type EventLogs = ReturnType<StateMachine['run']>['eventLogs'];
type EventLogEntry = EventLogs extends AsyncGenerator<infer T> ? T : never;
type TaskHandler = (event: unknown, context: unknown) => Promise<unknown>;
type AslState = {
  Type: string;
  Resource?: string;
  Retry?: unknown[];
  Branches?: { States: Record<string, AslState> }[];
  Iterator?: { States: Record<string, AslState> };
  ItemProcessor?: { States: Record<string, AslState> };
};
type AslDefinition = { States: Record<string, AslState> };

/** A history event in the shape GetExecutionHistory returns on AWS (the fields tests and tools read). */
interface HistoryEvent {
  id: number;
  timestamp: number;
  type: string;
  stateEnteredEventDetails?: { name: string };
  stateExitedEventDetails?: { name: string };
  lambdaFunctionFailedEventDetails?: { error: string; cause: string };
  executionFailedEventDetails?: { error: string; cause: string };
}

interface Execution {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  startDate: number;
  stopDate?: number;
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  events: HistoryEvent[];
  done: Promise<void>;
}

class ServiceError extends Error {
  readonly status: number;
  constructor(name: string, message: string, status = 400) {
    super(message);
    this.name = name;
    this.status = status;
  }
}

/** Every Task state, including those nested in Parallel branches and Map iterators. */
function taskStates(states: Record<string, AslState>): [string, AslState][] {
  return Object.entries(states).flatMap(([name, state]) => [
    ...(state.Type === 'Task' ? [[name, state] as [string, AslState]] : []),
    ...(state.Branches ?? []).flatMap((branch) => taskStates(branch.States)),
    ...[state.Iterator, state.ItemProcessor].flatMap((inner) => (inner ? taskStates(inner.States) : [])),
  ]);
}

function retriableStates(states: Record<string, AslState>): string[] {
  return Object.entries(states).flatMap(([name, state]) => [
    ...(state.Retry ? [name] : []),
    ...(state.Branches ?? []).flatMap((branch) => retriableStates(branch.States)),
    ...[state.Iterator, state.ItemProcessor].flatMap((inner) => (inner ? retriableStates(inner.States) : [])),
  ]);
}

const lambdaArn = (taskId: string) => `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${taskId}`;

/** The ASL file with `${Task_<id>}` placeholders replaced, as CDK's definitionSubstitutions do. */
export function loadDefinition(
  root: string,
  workflow: WorkflowDefinition,
  tasks: readonly WorkflowTaskDefinition[],
) {
  let text = readFileSync(join(root, workflow.file), 'utf8');
  for (const task of tasks) text = text.replaceAll(`\${${taskPlaceholder(task.id)}}`, lambdaArn(task.id));
  return JSON.parse(text) as AslDefinition;
}

/**
 * A Step Functions endpoint for the real @aws-sdk/client-sfn (AWS JSON 1.0 protocol):
 * StartExecution, DescribeExecution, GetExecutionHistory, ListExecutions, ListStateMachines.
 * Executions run in this process with aws-local-stepfunctions; Task states call the same
 * handler modules the CDK stack deploys. Retry waits are shortened (`retryIntervalMs`).
 */
export async function startStepFunctions(options: {
  port: number;
  root: string;
  workflows: readonly WorkflowDefinition[];
  tasks: readonly WorkflowTaskDefinition[];
  loadHandler: (modulePath: string) => Promise<TaskHandler>;
  retryIntervalMs: number;
}) {
  const executions = new Map<string, Execution>();
  const machines = new Map(
    options.workflows.map((workflow) => {
      const definition = loadDefinition(options.root, workflow, options.tasks);
      return [
        localStateMachineArn(workflow.id),
        {
          workflow,
          definition,
          machine: new StateMachine(definition as never, { validationOptions: { checkArn: false } }),
        },
      ];
    }),
  );
  const tasksByArn = new Map(options.tasks.map((task) => [lambdaArn(task.id), task]));

  function taskOverrides(definition: AslDefinition, executionArn: string) {
    const handlers: Record<string, (input: unknown) => Promise<never>> = {};
    for (const [stateName, state] of taskStates(definition.States)) {
      const task = state.Resource ? tasksByArn.get(state.Resource) : undefined;
      if (!task) continue;
      handlers[stateName] = async (input) => {
        const handler = await options.loadHandler(task.handler);
        return (await handler(input, {
          awsRequestId: `${executionArn}:${stateName}`,
          functionName: task.id,
        })) as never;
      };
    }
    return handlers;
  }

  /**
   * Maps aws-local-stepfunctions' event log to AWS history event types: a Task attempt is
   * LambdaFunctionScheduled then LambdaFunctionFailed (or the state exits), so retries show as
   * repeated scheduled/failed pairs, as on AWS.
   */
  function historyEvents(log: EventLogEntry): Omit<HistoryEvent, 'id' | 'timestamp'>[] {
    const errorOf = (entry: object) => ({
      error: 'Error' in entry ? String(entry.Error) : 'States.TaskFailed',
      cause: 'Cause' in entry ? String(entry.Cause) : '',
    });
    switch (log.type) {
      case 'ExecutionStarted':
      case 'ExecutionSucceeded':
      case 'ExecutionAborted':
      case 'ExecutionTimeout':
        return [{ type: log.type === 'ExecutionTimeout' ? 'ExecutionTimedOut' : log.type }];
      case 'ExecutionFailed':
        return [{ type: log.type, executionFailedEventDetails: errorOf(log) }];
      case 'StateEntered':
        return [
          { type: `${log.state.type}StateEntered`, stateEnteredEventDetails: { name: log.state.name } },
          ...(log.state.type === 'Task' ? [{ type: 'LambdaFunctionScheduled' }] : []),
        ];
      case 'StateExited':
        return [{ type: `${log.state.type}StateExited`, stateExitedEventDetails: { name: log.state.name } }];
      case 'StateFailed':
        return log.state.type === 'Task'
          ? [{ type: 'LambdaFunctionFailed', lambdaFunctionFailedEventDetails: errorOf(log) }]
          : [];
      case 'StateRetried':
        return [{ type: 'LambdaFunctionScheduled' }];
      default:
        return [];
    }
  }

  async function record(execution: Execution, logs: EventLogs) {
    for await (const log of logs) {
      for (const event of historyEvents(log)) {
        execution.events.push({ id: execution.events.length + 1, timestamp: log.timestamp / 1000, ...event });
      }
    }
  }

  function start(body: { stateMachineArn?: string; name?: string; input?: string }) {
    const entry = body.stateMachineArn ? machines.get(body.stateMachineArn) : undefined;
    if (!entry)
      throw new ServiceError(
        'StateMachineDoesNotExist',
        `State machine does not exist: ${body.stateMachineArn}`,
      );
    const name = body.name ?? crypto.randomUUID();
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(name))
      throw new ServiceError('InvalidName', `Invalid execution name: ${name}`);
    const executionArn = `${body.stateMachineArn?.replace(':stateMachine:', ':execution:')}:${name}`;
    const input = body.input ?? '{}';
    const existing = executions.get(executionArn);
    if (existing) {
      if (existing.status === 'RUNNING' && existing.input === input) return existing;
      throw new ServiceError('ExecutionAlreadyExists', `Execution already exists: '${executionArn}'`);
    }
    const parsedInput = JSON.parse(input) as never;
    const run = entry.machine.run(parsedInput, {
      overrides: {
        taskResourceLocalHandlers: taskOverrides(entry.definition, executionArn),
        retryIntervalOverrides: Object.fromEntries(
          retriableStates(entry.definition.States).map((state) => [state, options.retryIntervalMs]),
        ),
      },
      context: {
        Execution: { Id: executionArn, Name: name, Input: parsedInput, StartTime: new Date().toISOString() },
        StateMachine: { Id: body.stateMachineArn, Name: entry.workflow.id },
      } as never,
    });
    const execution: Execution = {
      executionArn,
      stateMachineArn: body.stateMachineArn as string,
      name,
      status: 'RUNNING',
      startDate: Date.now() / 1000,
      input,
      events: [],
      done: Promise.resolve(),
    };
    const recording = record(execution, run.eventLogs);
    execution.done = run.result
      .then(
        (output) => {
          execution.status = 'SUCCEEDED';
          execution.output = JSON.stringify(output);
        },
        (error: Error & { cause?: unknown }) => {
          execution.status = 'FAILED';
          execution.error = error.name;
          execution.cause = error.message;
        },
      )
      .then(async () => {
        execution.stopDate = Date.now() / 1000;
        await recording.catch(() => undefined);
      });
    executions.set(executionArn, execution);
    return execution;
  }

  const describe = (execution: Execution) => {
    const { events: _events, done: _done, ...visible } = execution;
    return visible;
  };

  function find(executionArn: string | undefined) {
    const execution = executionArn ? executions.get(executionArn) : undefined;
    if (!execution)
      throw new ServiceError('ExecutionDoesNotExist', `Execution does not exist: ${executionArn}`);
    return execution;
  }

  const operations: Record<string, (body: Record<string, string | undefined>) => unknown> = {
    StartExecution: (body) => {
      const execution = start(body);
      return { executionArn: execution.executionArn, startDate: execution.startDate };
    },
    DescribeExecution: (body) => describe(find(body.executionArn)),
    GetExecutionHistory: (body) => ({ events: find(body.executionArn).events }),
    ListExecutions: (body) => ({
      executions: [...executions.values()]
        .filter((execution) => !body.stateMachineArn || execution.stateMachineArn === body.stateMachineArn)
        .map(({ executionArn, stateMachineArn, name, status, startDate, stopDate }) => ({
          executionArn,
          stateMachineArn,
          name,
          status,
          startDate,
          stopDate,
        })),
    }),
    ListStateMachines: () => ({
      stateMachines: [...machines.keys()].map((arn) => ({
        stateMachineArn: arn,
        name: arn.split(':').pop(),
        type: 'STANDARD',
        creationDate: 0,
      })),
    }),
  };

  const reply = (res: ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' }).end(JSON.stringify(body));

  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '').replace('AWSStepFunctions.', '');
      const operation = operations[target];
      if (!operation)
        return reply(res, 400, {
          __type: 'UnknownOperationException',
          message: `Unsupported operation ${target}`,
        });
      try {
        reply(res, 200, operation(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')));
      } catch (error) {
        const status = error instanceof ServiceError ? error.status : 500;
        reply(res, status, { __type: (error as Error).name, message: (error as Error).message });
      }
    });
  });

  const port = await listen(server, options.port, 'Step Functions', 'LOCAL_SFN_PORT');
  return {
    endpoint: `http://127.0.0.1:${port}`,
    /** Resolves when every execution started so far has ended (tests, clean shutdown). */
    settle: async () => {
      await Promise.all([...executions.values()].map((execution) => execution.done));
    },
    stop: () => closeServer(server),
  };
}
