import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORY_ROOT } from './cloud.ts';

export const WEB_DIRECTORY = join(REPOSITORY_ROOT, 'web');
export const PORTAL_DIST = join(WEB_DIRECTORY, 'dist');

/** Newest modification time of the portal's sources (web/src, index.html, vite config) and the lockfile. */
function newestSourceTime(): number {
  let newest = 0;
  const visit = (path: string) => {
    const stats = statSync(path);
    if (stats.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else newest = Math.max(newest, stats.mtimeMs);
  };
  for (const path of ['src', 'index.html', 'vite.config.ts']) visit(join(WEB_DIRECTORY, path));
  visit(join(REPOSITORY_ROOT, 'package-lock.json'));
  return newest;
}

export function portalBuildIsCurrent(): boolean {
  const index = join(PORTAL_DIST, 'index.html');
  return existsSync(index) && statSync(index).mtimeMs >= newestSourceTime();
}

/** Builds web/dist with Vite unless it is newer than every source; returns whether it built. */
export async function ensurePortalBuilt(): Promise<boolean> {
  if (portalBuildIsCurrent()) return false;
  const { build } = await import('vite');
  // Under vitest NODE_ENV is `test`, which would bundle React's development build.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(WEB_DIRECTORY, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
  return true;
}
