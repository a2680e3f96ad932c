// TypeScript declarations: types/ is exactly what scripts/gen-types.mjs generates from the
// published schemas (fails when they drift), index.d.ts and tables/index.d.ts compile and describe
// real use of each entry (tsc --strict on usage.ts), the glue wasm-bindgen writes for each build
// compiles against them and declares importTable only in the tables build, and the
// hand-written RuleDef matches what rules() returns.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { OUTPUTS, generate } from '../scripts/gen-types.mjs';
import { loadBuilds } from './helpers.mjs';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));

test('types/ is up to date with the published schemas', async () => {
  const generated = await generate();
  assert.equal(Object.keys(generated).length, OUTPUTS.length);
  for (const [out, text] of Object.entries(generated)) {
    const committed = readFileSync(new URL(out, new URL('../scripts/', import.meta.url)), 'utf8');
    assert.equal(committed, text, `${out} drifted from the schema: run node scripts/gen-types.mjs`);
  }
});

function tsc(project) {
  const bin = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [bin, '-p', here(project)], { encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    assert.fail(`tsc -p ${project} failed:\n${e.stdout}${e.stderr}`);
  }
}

// One tsc run: usage.ts and the wasm-bindgen glue declarations of both builds.
test('index.d.ts and tables/index.d.ts type-check against real use, the glue against them (tsc --strict)', () => {
  tsc('./tsconfig.json');
});

test('only the glue of the tables build declares importTable, evaluate, evaluationHtml and changes', () => {
  for (const [dir, tables] of [['pkg-web', false], ['pkg-node', false], ['pkg-tables-web', true], ['pkg-tables-node', true]]) {
    const dts = readFileSync(here(`../${dir}/gongkai_wasm.d.ts`), 'utf8');
    for (const name of ['importTable', 'evaluate', 'evaluationHtml', 'changes']) {
      assert.equal(new RegExp(`^export function ${name}\\(`, 'm').test(dts), tables, `${dir} ${name}`);
    }
    assert.match(dts, /^export function validate\(/m, dir);
  }
});

test('RuleDef in index.d.ts has exactly the keys rules() returns', async () => {
  const dts = readFileSync(here('../index.d.ts'), 'utf8');
  const body = /export interface RuleDef \{([\s\S]*?)\n\}/.exec(dts)?.[1];
  assert.ok(body, 'RuleDef is declared');
  const declared = [...body.matchAll(/^ {2}(\w+)\??:/gm)].map((m) => m[1]).sort();
  const { node } = await loadBuilds();
  for (const rule of node.rules()) assert.deepEqual(Object.keys(rule).sort(), declared, rule.code);
});
