import { join } from 'node:path';
import { REPOSITORY_ROOT } from '#infra/bundling.ts';
import { BUNDLE_BAR, measureBundles } from './bundles.ts';
import { printTable } from './table.ts';

/**
 * `npm run bench:sizes`: the bundle-size half of `npm run bench`, without cold init or the local
 * cloud (about a minute instead of eight), for checking the size bar while changing code.
 * Bundles land under bench/results/sizes (inside the repository, so node_modules resolves).
 */
const bundles = await measureBundles(join(REPOSITORY_ROOT, 'bench/results/sizes'), 0);
const ratios = bundles.filter((b) => b.clients.length > 0).map((b) => b.sizeRatio);
printTable(
  bundles.map((b) => ({
    function: b.id,
    size: `${(b.bytes / 1024).toFixed(1)} KiB`,
    'size ×': b.clients.length === 0 ? 'n/a' : b.sizeRatio.toFixed(3),
    bar: b.clients.length === 0 ? 'n/a' : b.sizeRatio <= BUNDLE_BAR ? 'ok' : 'ABOVE',
  })),
);
const sorted = [...ratios].sort((a, b) => a - b);
console.log(
  `median size × ${sorted[Math.floor(sorted.length / 2)]?.toFixed(3)} over ${sorted.length} functions with AWS clients`,
);
