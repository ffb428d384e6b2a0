/**
 * The layering `npm run check` keeps (README, "Layering"): use cases know nothing of HTTP, routes,
 * handlers or infrastructure; the store knows no HTTP; the workflow machinery knows no domain; no
 * import cycle. Type-only imports count: a type pulls its module's layer in just the same.
 */
const DOMAINS =
  '^shared/(accounts|captcha|companies|email|enrolment|funding|instruction|malware-scan|pdf|system)/';
const EDGE = '^(shared/(http|routes)/|functions/|infra/)';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: 'domain-not-to-edge',
      comment: 'A use case throws domain errors (shared/errors.ts); the HTTP edge and the tasks map them.',
      severity: 'error',
      from: { path: DOMAINS },
      to: { path: EDGE },
    },
    {
      name: 'storage-not-to-edge',
      comment: 'The store throws domain errors too; it serves use cases, not requests.',
      severity: 'error',
      from: { path: '^shared/storage/' },
      to: { path: EDGE },
    },
    {
      name: 'workflows-not-to-domains',
      comment: 'Domains plug into the workflow machinery (catalogues live at the edge), never the reverse.',
      severity: 'error',
      from: { path: '^shared/workflows/' },
      to: { path: [DOMAINS, EDGE] },
    },
    {
      name: 'neutral-stays-neutral',
      comment:
        'The domain-neutral modules every layer imports (errors, caller, permissions) import no layer.',
      severity: 'error',
      from: { path: '^shared/(errors|auth-context|permissions)[.]ts$' },
      to: { path: '^(shared/[^/]+/|functions/|infra/)' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment:
        'A project import (relative, or `#` subpath) the cruiser cannot resolve would escape every rule above.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true, path: '^[.#]' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
  },
};
