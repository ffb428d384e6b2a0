import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { REPOSITORY_ROOT } from './bundling.ts';

const RELATIVE_IMPORT = /(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+\.ts)['"]/g;
const cache = new Map<string, readonly string[]>();

/**
 * The repository modules a handler reaches through relative imports (every source file imports
 * with an explicit `.ts` path), relative to the repository root. Cheap: no bundling needed.
 */
export function reachableModules(entry: string): Set<string> {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const module = pending.pop() as string;
    if (seen.has(module)) continue;
    seen.add(module);
    pending.push(...importsOf(module));
  }
  return seen;
}

function importsOf(module: string): readonly string[] {
  let imports = cache.get(module);
  if (!imports) {
    const source = readFileSync(join(REPOSITORY_ROOT, module), 'utf8');
    imports = [...source.matchAll(RELATIVE_IMPORT)].map((match) =>
      relative(REPOSITORY_ROOT, join(dirname(join(REPOSITORY_ROOT, module)), match[1] as string)),
    );
    cache.set(module, imports);
  }
  return imports;
}
