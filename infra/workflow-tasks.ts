import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkflowDefinition } from '#shared/workflows/types.ts';
import { REPOSITORY_ROOT } from './bundling.ts';

const PLACEHOLDER = /\$\{Task_([\w.-]+)\}/g;

/** Task ids an ASL file references through `${Task_<id>}` placeholders, in order of appearance. */
export function referencedTaskIds(workflow: WorkflowDefinition): string[] {
  const text = readFileSync(join(REPOSITORY_ROOT, workflow.file), 'utf8');
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1] as string))];
}
