import type { Context } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eventHandler } from '#shared/event-handler.ts';
import { logger } from '#shared/logger.ts';

const contextOf = (functionName: string, awsRequestId: string) => ({ functionName, awsRequestId }) as Context;

/** The JSON lines Powertools writes (warnings go to stderr) while `run` runs. */
async function linesOf(run: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  const capture = (chunk: unknown) => {
    lines.push(String(chunk));
    return true;
  };
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation(capture),
    vi.spyOn(process.stderr, 'write').mockImplementation(capture),
  ];
  try {
    await run();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return lines.flatMap((chunk) => chunk.split('\n').filter(Boolean)).map((line) => JSON.parse(line));
}

afterEach(() => vi.restoreAllMocks());

describe('eventHandler (functions outside API Gateway)', () => {
  it('puts the invocation context on every log line and resets what an invocation appended', async () => {
    const handler = eventHandler(async (event: { key?: string }) => {
      if (event.key) logger.appendKeys({ appended: event.key });
      logger.warn('Task step');
      return 'done';
    });
    const first = await linesOf(() => handler({ key: 'x' }, contextOf('recordMalwareScan', 'request-1')));
    const second = await linesOf(() => handler({}, contextOf('sendRecordedEmail', 'request-2')));
    expect(first).toEqual([
      expect.objectContaining({
        message: 'Task step',
        function_name: 'recordMalwareScan',
        function_request_id: 'request-1',
        appended: 'x',
      }),
    ]);
    expect(second).toEqual([
      expect.objectContaining({
        function_name: 'sendRecordedEmail',
        function_request_id: 'request-2',
      }),
    ]);
    expect(second[0]).not.toHaveProperty('appended');
  });

  it('answers a direct call without context (tests, scripts)', async () => {
    expect(await eventHandler(async (event: number) => event + 1)(1)).toBe(2);
  });
});
