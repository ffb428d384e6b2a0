import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync } from 'node:zlib';
import { AssetHashType, DockerImage, aws_lambda as lambda } from 'aws-cdk-lib';
import { type BuildOptions, buildSync, type Metafile } from 'esbuild';
import { openApiDocument } from '#shared/openapi-document.ts';

export const REPOSITORY_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** File name of the bundle inside each function's asset; the Lambda handler is `index.handler`. */
export const BUNDLE_FILE = 'index.mjs';

/** The module id the OpenAPI function imports its document from (package.json `imports`). */
export const OPENAPI_DOCUMENT_MODULE = '#openapi-document';

/** The module id the model documents' function imports their PDF bytes from (package.json `imports`). */
export const MODEL_DOCUMENTS_MODULE = '#model-documents';

/**
 * Adapters of the local stage only (package.json `imports`), loaded by a dynamic import behind
 * their stage check: left out of every bundle, so no deployed function carries them (the local
 * captcha, its SVG and its voice: 3 to 25 KiB per captcha-checking function).
 */
export const LOCAL_ONLY_MODULES = ['#local-captcha'];

let generatedDocumentModule: string | undefined;

/**
 * The OpenAPI document generated from the route table now, written as a module that inflates it:
 * brotli keeps the 240 KB of JSON (every route repeats its problem responses) to 10 KB of bundle,
 * for about 3 ms at cold start. Bundles alias `#openapi-document` to it: one source of truth, and
 * neither the route table's schemas nor their conversion in the Lambda.
 */
export function openApiDocumentModule(): string {
  if (generatedDocumentModule) return generatedDocumentModule;
  const json = JSON.stringify(openApiDocument);
  const hash = createHash('sha256').update(json).digest('hex').slice(0, 16);
  const file = join(tmpdir(), `segur-openapi-document-${hash}.mjs`);
  const compressed = brotliCompressSync(json).toString('base64');
  // Written aside then renamed: parallel synths (test workers) never read a half-written file.
  const partial = `${file}.${process.pid}`;
  writeFileSync(
    partial,
    `import { brotliDecompressSync } from 'node:zlib';\nexport const openApiDocument = JSON.parse(brotliDecompressSync(Buffer.from('${compressed}', 'base64')).toString());\n`,
  );
  renameSync(partial, file);
  generatedDocumentModule = file;
  return file;
}

let generatedModelDocumentsModule: string | undefined;

/**
 * The model documents (mandat, contrat de prestation) rendered with pdf-lib now, written as a
 * module that holds their bytes: the Lambda serves them without carrying pdf-lib (~400 KB). The
 * rendering is asynchronous, and bundling synchronous, hence a child Node process.
 */
export function modelDocumentsModule(): string {
  if (generatedModelDocumentsModule) return generatedModelDocumentsModule;
  const renderer = join(REPOSITORY_ROOT, 'shared/enrolment/model-document-pdf.ts');
  const script = `const { modelDocumentFiles } = await import(${JSON.stringify(pathToFileURL(renderer).href)});
process.stdout.write(JSON.stringify(Object.fromEntries(Object.entries(modelDocumentFiles).map(([name, bytes]) => [name, Buffer.from(bytes).toString('base64')]))));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`Rendering the model documents failed: ${run.stderr.slice(-600)}`);
  const files = JSON.parse(run.stdout) as Record<string, string>;
  const hash = createHash('sha256').update(run.stdout).digest('hex').slice(0, 16);
  const file = join(tmpdir(), `segur-model-documents-${hash}.mjs`);
  const entries = Object.entries(files).map(
    ([name, base64]) => `${JSON.stringify(name)}: Buffer.from('${base64}', 'base64')`,
  );
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, `export const modelDocumentFiles = {\n  ${entries.join(',\n  ')},\n};\n`);
  renameSync(partial, file);
  generatedModelDocumentsModule = file;
  return file;
}

/**
 * The esbuild options of every Lambda bundle, shared by the CDK stack and `npm run bench` so that
 * the benchmark measures exactly what is deployed: ESM, minified, tree-shaken, AWS SDK bundled (the
 * runtime's copy is not pinned to our version), external source map without sources (the map is
 * only read when a stack trace is printed).
 */
export function bundleOptions(entry: string, outdir: string): BuildOptions & { metafile: true } {
  return {
    absWorkingDir: REPOSITORY_ROOT,
    entryPoints: { index: join(REPOSITORY_ROOT, entry) },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'esm',
    mainFields: ['module', 'main'],
    minify: true,
    treeShaking: true,
    sourcemap: 'external',
    sourcesContent: false,
    legalComments: 'none',
    // French text as UTF-8 (2 bytes per accent) rather than ASCII escapes (6 bytes): smaller bundles.
    charset: 'utf8',
    metafile: true,
    alias: {
      [OPENAPI_DOCUMENT_MODULE]: openApiDocumentModule(),
      [MODEL_DOCUMENTS_MODULE]: modelDocumentsModule(),
    },
    external: LOCAL_ONLY_MODULES,
    logLevel: 'warning',
    // CommonJS dependencies bundled into an ES module still call require() for Node built-ins.
    banner: {
      js: "import{createRequire as __createRequire}from'node:module';const require=__createRequire(import.meta.url);",
    },
  };
}

/**
 * Lambda code bundled in-process with the local esbuild at synth time: no Docker, no network.
 * (NodejsFunction would also bundle locally when esbuild is installed, but it spawns one `npx
 * esbuild` per function.) All the stack's entries are built by ONE esbuild run, on the first asset
 * CDK stages: the modules they share (the AWS SDK above all) are parsed once, which halves synth
 * time; each entry still gets its own tree-shaken bundle (no code splitting). The Docker image is
 * never pulled: CDK only falls back to it when `tryBundle` returns false, which it never does.
 */
export class LambdaBundles {
  private readonly entries: readonly string[];
  private outdir: string | undefined;
  private metafile: Metafile | undefined;
  private readonly copied = new Set<string>();

  constructor(entries: Iterable<string>) {
    this.entries = [...new Set(entries)];
  }

  private build(): string {
    if (this.outdir) return this.outdir;
    const outdir = mkdtempSync(join(tmpdir(), 'segur-bundles-'));
    const options = bundleOptions(this.entries[0] as string, outdir);
    const result = buildSync({
      ...options,
      entryPoints: Object.fromEntries(
        this.entries.map((entry, index) => [`${index}/index`, join(REPOSITORY_ROOT, entry)]),
      ),
    });
    if (result.errors.length > 0) throw new Error('esbuild failed');
    this.outdir = outdir;
    this.metafile = result.metafile;
    return outdir;
  }

  /** The modules (relative to the repository root) with code in an entry's bundle, once built. */
  bundledModules(entry: string): string[] {
    const output = Object.values(this.metafile?.outputs ?? {}).find(
      (candidate) => candidate.entryPoint === entry,
    );
    if (!output) throw new Error(`${entry} has not been bundled`);
    return Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path);
  }

  private removeBuild() {
    if (this.outdir) rmSync(this.outdir, { recursive: true, force: true });
  }

  code(entry: string): lambda.Code {
    const index = this.entries.indexOf(entry);
    if (index < 0) throw new Error(`${entry} is not one of the bundled entries`);
    return lambda.Code.fromAsset(REPOSITORY_ROOT, {
      assetHashType: AssetHashType.OUTPUT,
      bundling: {
        image: DockerImage.fromRegistry('local-esbuild-only'),
        command: ['false'],
        // Part of CDK's asset cache key: without it every function would share the first bundle.
        environment: { LAMBDA_ENTRY: entry },
        local: {
          tryBundle: (outputDir) => {
            cpSync(join(this.build(), String(index)), outputDir, { recursive: true });
            this.copied.add(entry);
            // Every entry is staged once; after the last copy the shared build is not needed.
            if (this.copied.size === this.entries.length) this.removeBuild();
            return true;
          },
        },
      },
    });
  }
}
