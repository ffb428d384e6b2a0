import { globSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { routeTable } from '#functions/route-table.ts';

const REPOSITORY_ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('the route table, an index of the route slices', () => {
  it('lists every slice once, each under the folder whose route.ts declares it', async () => {
    const folders = routeTable.map((route) => dirname(route.handler));
    expect(new Set(folders).size).toBe(routeTable.length);
    expect(globSync('functions/*/*/route.ts', { cwd: REPOSITORY_ROOT }).map(dirname).sort()).toEqual(
      [...folders].sort(),
    );
    for (const route of routeTable) {
      const contract = await import(
        pathToFileURL(`${REPOSITORY_ROOT}/${dirname(route.handler)}/route.ts`).href
      );
      expect(
        Object.values(contract).map((declared) => (declared as { id?: string }).id),
        route.handler,
      ).toEqual([route.id]);
    }
  });
});
