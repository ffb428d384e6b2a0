import { readHealthProbe } from './probe-repository.ts';

/** A dependency check with its own deadline: a slow service reads as down instead of holding the route. */
const PROBE_TIMEOUT_MS = 2000;

export type ProbeResult = { status: 'ok' | 'down'; latencyMs: number; detail?: string };

export async function probe(check: () => Promise<unknown>): Promise<ProbeResult> {
  const started = performance.now();
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), PROBE_TIMEOUT_MS).unref()),
    ]);
    return { status: 'ok', latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      status: 'down',
      latencyMs: Math.round(performance.now() - started),
      detail: (error as Error).name,
    };
  }
}

/** 200 when every probed service answered, 503 (`degraded`) otherwise. */
export function healthResponse<S extends Record<string, ProbeResult>>(services: S) {
  const healthy = Object.values(services).every((service) => service.status === 'ok');
  return {
    status: healthy ? (200 as const) : (503 as const),
    body: { status: healthy ? 'ok' : 'degraded', services },
  };
}

/** The table, by one eventually consistent read of a fixed key (absent or not, it answers). */
export const probeTable = () => probe(readHealthProbe);
