// Node benchmark of the WebAssembly binding against JSON.parse + Ajv, in one run, on two
// generated catalogues of the same size (benches/gen_catalogue.mjs):
//
//   clean       no issue under any rule (what the published schema and the rules both accept)
//   realistic   schema-valid, with thousands of warnings (varied text, as real catalogues have)
//
// For each: gongkai-wasm `validate(text)` (the full report: schema, rules, every message) against
// `JSON.parse(text)` + the published schema compiled by Ajv2020 (ajv-formats); then
// `validateItem(item, { index, header })`, one form row with the catalogue header, and the
// explaining path on broken input (every 10th item broken), for information.
//
// Usage (after scripts/build-wasm.sh and `npm ci` in bindings-wasm):
//   node benches/node_bench.mjs [ITEMS=10000] [RUNS=15] [--baseline DIR]
// `--baseline DIR`: another build's Node glue (a copy of an earlier bindings-wasm/pkg-node/), run
// in the same races, for before/after figures from one run.
//
// Times are wall clock, best of RUNS (the fastest run is the one least disturbed by other
// processes on a shared machine; the median is printed next to it). The runs of gongkai and of
// Ajv alternate, so that a busy period slows both. Throughput ratio = Ajv's best time ÷ gongkai's
// best time (above 1: gongkai is faster). Not a test: it asserts only that every validator gives
// the expected verdict and that the clean catalogue has no issue.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { generateCatalogue } from './gen_catalogue.mjs';

const pkg = new URL('../bindings-wasm/package.json', import.meta.url);
const require = createRequire(pkg);
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;
const gk = await import(new URL('../bindings-wasm/node.mjs', import.meta.url));

const flag = process.argv.indexOf('--baseline');
const baselineDir = flag > 0 ? process.argv[flag + 1] : undefined;
const args = process.argv.slice(2).filter((_, i) => flag < 0 || (i !== flag - 2 && i !== flag - 1));
const n = Number(args[0] ?? 10000);
const runs = Number(args[1] ?? 15);
/** The raw glue of the baseline build (its functions take the same arguments). */
const before = baselineDir === undefined ? undefined : createRequire(import.meta.url)(`${baselineDir.replace(/\/$/, '')}/gongkai_wasm.js`);
const GOAL = 1.2;

const schema = JSON.parse(readFileSync(new URL('../schema/catalogue.schema.json', import.meta.url), 'utf8'));
function ajvValidator(allErrors) {
  const ajv = new Ajv2020({ allErrors, strict: true });
  addFormats(ajv);
  return ajv.compile(schema);
}
const ajvFirst = ajvValidator(false);
const ajvAll = ajvValidator(true);

const stats = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return { best: s[0], median: s[s.length >> 1] };
};

/** Runs each function `runs` times, interleaved, after one warm-up call; wall-clock times. */
function race(fns, count = runs) {
  const times = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (const fn of Object.values(fns)) fn();
  for (let i = 0; i < count; i++) {
    for (const [k, fn] of Object.entries(fns)) {
      const t0 = performance.now();
      fn();
      times[k].push(performance.now() - t0);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, stats(v)]));
}

const ms = (t) => `${t.toFixed(1).padStart(7)} ms`;
const results = [];

for (const [kind, options] of [
  ['clean', { clean: true }],
  ['realistic', {}],
]) {
  const catalogue = generateCatalogue(n, options);
  const text = JSON.stringify(catalogue);
  const report = gk.validate(text);
  if (!report.valid || !ajvFirst(JSON.parse(text)) || !ajvAll(JSON.parse(text))) {
    throw new Error(`a validator says the ${kind} catalogue is invalid`);
  }
  if (kind === 'clean' && report.issues.length > 0) {
    throw new Error(`the clean catalogue has ${report.issues.length} issues, first ${report.issues[0].code}`);
  }
  const t = race({
    'gongkai validate(text)': () => gk.validate(text),
    ...(before && { 'baseline validate(text)': () => before.validate(text, undefined) }),
    'JSON.parse + ajv': () => ajvFirst(JSON.parse(text)),
    'JSON.parse + ajv (allErrors)': () => ajvAll(JSON.parse(text)),
    'JSON.parse alone': () => JSON.parse(text),
  });
  const ratio = t['JSON.parse + ajv'].best / t['gongkai validate(text)'].best;
  results.push({ kind, catalogue, text, report, t, ratio });
}

console.log(`gongkai-wasm ${gk.version}, Node ${process.version}; ${n} items per catalogue; wall clock, best (median) of ${runs} runs`);
for (const { kind, text, report, t, ratio } of results) {
  const mb = Buffer.byteLength(text) / 1e6;
  console.log(`${kind}: ${mb.toFixed(2)} MB of JSON, ${report.counts.error} errors, ${report.counts.warning} warnings, ${report.counts.info} infos`);
  for (const [k, v] of Object.entries(t)) {
    console.log(`  ${k.padEnd(30)} ${ms(v.best)} (${ms(v.median)})  ${(mb / (v.best / 1000)).toFixed(1).padStart(6)} MB/s`);
  }
  console.log(`  throughput of validate(text) ÷ JSON.parse + ajv: ×${ratio.toFixed(2)} (goal ×${GOAL}: ${ratio >= GOAL ? 'met' : 'NOT met'})`);
  if (before) {
    const b = t['baseline validate(text)'].best;
    console.log(`  baseline: ×${(t['JSON.parse + ajv'].best / b).toFixed(2)} of ajv; this build is ×${(b / t['gongkai validate(text)'].best).toFixed(2)} the baseline's throughput`);
  }
}

// Invalid input: every 10th item broken in five ways (the explaining path of the core).
const brokenText = JSON.stringify(generateCatalogue(n, { broken: 10 }));
const brokenIssues = gk.validate(brokenText).issues.length;
const broken = race(
  {
    'gongkai validate(text)': () => gk.validate(brokenText),
    'JSON.parse + ajv (allErrors)': () => ajvAll(JSON.parse(brokenText)),
  },
  Math.min(runs, 5),
);
console.log(`broken: every 10th item broken, ${brokenIssues} issues (best (median) of ${Math.min(runs, 5)}):`);
for (const [k, v] of Object.entries(broken)) console.log(`  ${k.padEnd(30)} ${ms(v.best)} (${ms(v.median)})`);

// One form row: batches of 100 calls; the time per call of the best batch (and the median batch).
const { catalogue } = results[1];
const { items, ...header } = catalogue;
const item = items[3];
const batch = (fn) => () => {
  for (let i = 0; i < 100; i++) fn();
};
const row = race(
  {
    'validateItem(item, {index, header})': batch(() => gk.validateItem(item, { index: 3, header })),
    ...(before && { 'baseline validateItem(item, {index, header})': batch(() => before.validateItem(item, { index: 3, header })) }),
    'validateItem(item, {index})': batch(() => gk.validateItem(item, { index: 3 })),
    'validateItem(JSON text, {index, header: text})': (() => {
      const itemText = JSON.stringify(item);
      const headerText = JSON.stringify(header);
      return batch(() => gk.validateItem(itemText, { index: 3, header: headerText }));
    })(),
  },
  51,
);
console.log('one form row (the realistic catalogue\'s 4th item), per call: best (median) batch of 100 calls, 51 batches:');
for (const [k, v] of Object.entries(row)) {
  const us = (x) => `${((x * 1000) / 100).toFixed(0).padStart(4)} µs`;
  console.log(`  ${k.padEnd(46)} ${us(v.best)} (${us(v.median)})`);
}
const perCall = row['validateItem(item, {index, header})'].best / 100;
console.log(`  validateItem with the header: ${(perCall * 1000).toFixed(0)} µs per call (goal < 100 µs: ${perCall < 0.1 ? 'met' : 'NOT met'})`);
