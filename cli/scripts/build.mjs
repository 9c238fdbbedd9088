// Bundles the command line with the shared engine into dist/, so that `kiemtra` starts
// without compiling TypeScript at every run. ExcelJS stays the package it is and sits behind
// dynamic imports: with code splitting, a first check never loads it.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cliRoot = dirname(dirname(fileURLToPath(import.meta.url)));
export const DIST_ENTRY = join(cliRoot, 'dist/run.js');
/** Sources the bundle is made of: a change in any of them makes it stale. */
const SOURCES = [join(cliRoot, 'src'), join(cliRoot, '../shared/src')];

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    const t = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
    if (t > newest) newest = t;
  }
  return newest;
}

/** True when dist/ is missing or older than a source file. */
export function isStale() {
  let built;
  try {
    built = statSync(DIST_ENTRY).mtimeMs;
  } catch {
    return true;
  }
  return SOURCES.some((dir) => newestMtime(dir) > built);
}

export async function buildCli() {
  // Loaded only to build: the bin asks isStale() on every run, and esbuild takes a while to load.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [join(cliRoot, 'src/run.ts')],
    outdir: join(cliRoot, 'dist'),
    write: false,
    bundle: true,
    splitting: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external: ['exceljs', 'exceljs/*'],
    chunkNames: 'chunk-[hash]',
    logLevel: 'warning',
  });
  mkdirSync(join(cliRoot, 'dist'), { recursive: true });
  // Chunks first (named by their content), the entry last and by rename: a command started
  // while another one builds sees the old bundle or the new one, never half of one.
  const files = [...result.outputFiles].sort((a, b) => (a.path === DIST_ENTRY) - (b.path === DIST_ENTRY));
  for (const file of files) {
    const tmp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(tmp, file.contents);
    renameSync(tmp, file.path);
  }
  // Chunks of earlier builds are no longer imported by anything.
  const kept = new Set(files.map((f) => f.path));
  for (const name of readdirSync(join(cliRoot, 'dist'))) {
    const path = join(cliRoot, 'dist', name);
    if (!kept.has(path) && !name.endsWith('.tmp')) rmSync(path, { force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildCli();
