import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Rolldown } from 'vite';
import { WEB_DIRECTORY } from '#infra/local/portal-build.ts';

/** The entry chunk's bar: what the browser must load before the first page shows (routes are lazy). */
export const ENTRY_CHUNK_BAR_BYTES = 200 * 1024;

export interface EntryChunkFigures {
  fileName: string;
  bytes: number;
  gzipBytes: number;
  /** Its largest modules (rendered size), named when the chunk is over the bar. */
  largestModules: { id: string; bytes: number }[];
}

/** Builds the portal for production in memory and measures its entry chunk (JavaScript, gzip). */
export async function measureEntryChunk(): Promise<EntryChunkFigures> {
  const { build } = await import('vite');
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    const output = await build({
      configFile: join(WEB_DIRECTORY, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'silent',
      build: { write: false },
    });
    const outputs = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
    const entry = outputs
      .flatMap((result) => result.output)
      .find((item): item is Rolldown.OutputChunk => item.type === 'chunk' && item.isEntry);
    if (!entry) throw new Error('The portal build has no entry chunk');
    const largestModules = Object.entries(entry.modules)
      .map(([id, module]) => ({ id: id.replace(/^.*node_modules\//, ''), bytes: module.renderedLength }))
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 8);
    return {
      fileName: entry.fileName,
      bytes: Buffer.byteLength(entry.code),
      gzipBytes: gzipSync(entry.code).length,
      largestModules,
    };
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}
