// Node benchmark of the WebAssembly binding, in one run, on the same generated catalogue:
//
//   validate(text)                    gongkai-wasm: the full report (schema + rules), from JSON text
//   JSON.parse(text) + ajv            the published schema compiled by ajv (draft 2020-12)
//   validateItem(item, context)       one form row, with and without the catalogue header
//   the same on invalid input         every 10th item broken (thousands of issues)
//
// Usage (after scripts/build-wasm.sh and `npm ci` in bindings-wasm):
//   node benches/node_bench.mjs [ITEMS=10000] [catalogue.json]
// Without a file, the catalogue comes from benches/gen_catalogue.mjs (valid, ~750 bytes per
// item). Times are medians of several runs, wall clock and CPU (process.cpuUsage: less
// sensitive to other processes on a shared machine). Not a test: it asserts nothing but that
// every validator says "valid".
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { generateCatalogue } from './gen_catalogue.mjs';

const pkg = new URL('../bindings-wasm/package.json', import.meta.url);
const require = createRequire(pkg);
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;
const gk = await import(new URL('../bindings-wasm/node.mjs', import.meta.url));

const n = Number(process.argv[2] ?? 10000);
const text = process.argv[3] ? readFileSync(process.argv[3], 'utf8') : JSON.stringify(generateCatalogue(n));
const catalogue = JSON.parse(text);
const items = catalogue.items.length;
const bytes = Buffer.byteLength(text);

const schema = JSON.parse(readFileSync(new URL('../schema/catalogue.schema.json', import.meta.url), 'utf8'));
function ajvValidator(allErrors) {
  const ajv = new Ajv2020({ allErrors, strictTypes: false, strictRequired: false });
  addFormats(ajv);
  return ajv.compile(schema);
}
const ajvFirst = ajvValidator(false);
const ajvAll = ajvValidator(true);

function measure(fn, runs) {
  fn(); // warm up (and the schema is compiled once per instance)
  const wall = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const d = process.cpuUsage(c0);
    cpu.push((d.user + d.system) / 1000);
  }
  const median = (v) => v.sort((a, b) => a - b)[v.length >> 1];
  return { wall: median(wall), cpu: median(cpu) };
}

const check = (label, ok) => {
  if (!ok) throw new Error(`${label} says the generated catalogue is invalid`);
};
check('gongkai', gk.validate(text).valid);
check('ajv', ajvFirst(JSON.parse(text)) && ajvAll(JSON.parse(text)));

const runs = Math.max(5, Math.min(21, Math.round(2e6 / items)));
const results = {
  'gongkai validate(text)': measure(() => gk.validate(text), runs),
  'gongkai validate(object)': measure(() => gk.validate(catalogue), runs),
  'JSON.parse + ajv (first error)': measure(() => ajvFirst(JSON.parse(text)), runs),
  'JSON.parse + ajv (allErrors)': measure(() => ajvAll(JSON.parse(text)), runs),
  'JSON.parse alone': measure(() => JSON.parse(text), runs),
};

// Invalid input: every 10th item broken in five ways (the explaining path of the core).
const brokenText = JSON.stringify(generateCatalogue(n, { broken: 10 }));
const brokenIssues = gk.validate(brokenText).issues.length;
const invalid = {
  'gongkai validate(text)': measure(() => gk.validate(brokenText), 5),
  'JSON.parse + ajv (allErrors)': measure(() => ajvAll(JSON.parse(brokenText)), 5),
};

const header = { ...catalogue, items: undefined };
const item = catalogue.items[Math.min(3, items - 1)];
const one = {
  'validateItem(item, {index, header})': measure(() => gk.validateItem(item, { index: 3, header }), 201),
  'validateItem(item, {index})': measure(() => gk.validateItem(item, { index: 3 }), 201),
  'validate(one-item catalogue)': measure(() => gk.validate({ ...catalogue, items: [item] }), 201),
};

console.log(`gongkai-wasm ${gk.version}, Node ${process.version}; catalogue: ${items} items, ${(bytes / 1e6).toFixed(2)} MB of JSON (${Math.round(bytes / items)} bytes/item); median of ${runs} runs`);
const base = results['JSON.parse + ajv (first error)'];
for (const [k, v] of Object.entries(results)) {
  console.log(
    `  ${k.padEnd(34)} ${v.wall.toFixed(1).padStart(8)} ms wall ${v.cpu.toFixed(1).padStart(8)} ms cpu  ` +
      `${((bytes / 1e6) / (v.cpu / 1000)).toFixed(1).padStart(6)} MB/s  ${((v.cpu * 1000) / items).toFixed(1).padStart(6)} µs/item  ` +
      `×${(base.cpu / v.cpu).toFixed(2)} of ajv throughput`,
  );
}
console.log(`invalid input: every 10th item broken, ${brokenIssues} issues (median of 5 runs):`);
for (const [k, v] of Object.entries(invalid)) {
  console.log(`  ${k.padEnd(34)} ${v.wall.toFixed(1).padStart(8)} ms wall ${v.cpu.toFixed(1).padStart(8)} ms cpu`);
}
console.log('one form row (median of 201 calls):');
for (const [k, v] of Object.entries(one)) {
  console.log(`  ${k.padEnd(34)} ${(v.wall * 1000).toFixed(0).padStart(8)} µs wall ${(v.cpu * 1000).toFixed(0).padStart(8)} µs cpu`);
}
