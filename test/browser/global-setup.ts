import { ensurePortalBuilt } from '#infra/local/portal-build.ts';

/** Vitest global setup: the browser tests run against the production build, made once per run if stale. */
export default async function buildPortal() {
  await ensurePortalBuilt();
}
