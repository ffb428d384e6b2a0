import { executionName } from './start.ts';

const RETRY_SUFFIX = /-retry(\d*)$/;

/** `<name>-retry`, then `<name>-retry2`, `-retry3`… for a re-run of a re-run. */
export function retryExecutionName(failedExecution: string): string {
  const match = RETRY_SUFFIX.exec(failedExecution);
  const next = match ? Number(match[1] || 1) + 1 : 1;
  return executionName(failedExecution.replace(RETRY_SUFFIX, ''), next === 1 ? 'retry' : `retry${next}`);
}
