// TypeScript declarations: types/ is exactly what scripts/gen-types.mjs generates from the
// published schemas (fails when they drift), index.d.ts compiles and describes real use
// (tsc --strict on usage.ts), and the hand-written RuleDef matches what rules() returns.
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

test('index.d.ts type-checks against real use (tsc --strict)', () => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', here('./tsconfig.json')], { encoding: 'utf8', stdio: 'pipe' });
  } catch (e) {
    assert.fail(`tsc failed:\n${e.stdout}${e.stderr}`);
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
