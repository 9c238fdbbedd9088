// Bundles the functions with the shared engine into lib/index.js, so that the deployed package
// depends only on published packages (firebase-functions, firebase-admin).
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

const out = join(root, 'lib/index.js');
const result = await build({
  entryPoints: [join(root, 'src/index.ts')],
  outfile: out,
  write: false,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external: ['firebase-functions', 'firebase-functions/*', 'firebase-admin', 'firebase-admin/*'],
  // Bundled CommonJS code may still call require(); give the ES module one.
  banner: {
    js: "import { createRequire as __kiemtraRequire } from 'node:module'; const require = __kiemtraRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

// Written then renamed, so that an emulator loading lib/ never sees a half-written bundle.
mkdirSync(join(root, 'lib'), { recursive: true });
for (const file of result.outputFiles) {
  const tmp = `${file.path}.${process.pid}.tmp`;
  writeFileSync(tmp, file.contents);
  renameSync(tmp, file.path);
}
