import type * as z from 'zod/mini';
import { eventHandler } from '../event-handler.ts';
import { logger } from '../logger.ts';
import { TASK_ERRORS, TaskError, toTaskError } from './errors.ts';

/**
 * The wrapper of every workflow task Lambda (on eventHandler: its context on every log line): validates the state input (a malformed input is a
 * permanent `Task.InvalidInput`), runs the task, and rethrows any failure as a TaskError whose
 * name the ASL Retry/Catch match and whose message carries no personal data.
 */
export function workflowTask<S extends z.ZodMiniType, R>(
  taskId: string,
  inputSchema: S,
  run: (input: z.infer<S>) => Promise<R>,
) {
  return eventHandler(async (event: unknown): Promise<R> => {
    const parsed = inputSchema.safeParse(event);
    if (!parsed.success) {
      logger.error('Invalid task input', { taskId, paths: parsed.error.issues.map((i) => i.path.join('.')) });
      throw new TaskError(TASK_ERRORS.invalidInput, `Entrée invalide pour l'étape ${taskId}.`);
    }
    try {
      return await run(parsed.data);
    } catch (error) {
      const failure = toTaskError(error);
      logger.warn('Task failed', { taskId, error: failure.name, cause: (error as Error)?.name });
      throw failure;
    }
  });
}
