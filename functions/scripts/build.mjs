// Bundles the functions with the shared engine into lib/index.js, so that the deployed package
// depends only on published packages (firebase-functions, firebase-admin).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

await build({
  entryPoints: [join(root, 'src/index.ts')],
  outfile: join(root, 'lib/index.js'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  external: ['firebase-functions', 'firebase-functions/*', 'firebase-admin', 'firebase-admin/*'],
  // Bundled CommonJS code may still call require(); give the ES module one.
  banner: { js: "import { createRequire as __kiemtraRequire } from 'node:module'; const require = __kiemtraRequire(import.meta.url);" },
  logLevel: 'warning',
});
