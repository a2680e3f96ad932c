// Bundles the examples that use npm packages (examples/form/: react-jsonschema-form) with
// esbuild into each example's dist/ (not committed). The gongkai module itself is not bundled:
// the page imports bindings-wasm/web.mjs at run time, which fetches pkg-web/.
//
//   node scripts/build-examples.mjs     (scripts/test-wasm.sh runs it after the WASM build)
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

const started = performance.now();
const result = await build({
  entryPoints: [here('../examples/form/form.mjs')],
  outfile: here('../examples/form/dist/form.js'),
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'linked',
  metafile: true,
  logLevel: 'warning',
});
const out = Object.entries(result.metafile.outputs).find(([f]) => f.endsWith('form.js'));
console.log(`examples/form/dist/form.js: ${out?.[1].bytes} bytes (${Math.round(performance.now() - started)} ms)`);
