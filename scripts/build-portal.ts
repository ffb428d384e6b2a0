import { ensurePortalBuilt } from '#infra/local/portal-build.ts';

/** `npm run build`: the portal's production build in web/dist (skipped when already current, unless --force). */
const started = performance.now();
if (process.argv.includes('--force')) {
  const { rmSync } = await import('node:fs');
  const { PORTAL_DIST } = await import('#infra/local/portal-build.ts');
  rmSync(PORTAL_DIST, { recursive: true, force: true });
}
const built = await ensurePortalBuilt();
console.log(
  built
    ? `Portail construit dans web/dist en ${((performance.now() - started) / 1000).toFixed(1)} s.`
    : 'Portail déjà à jour (web/dist).',
);
