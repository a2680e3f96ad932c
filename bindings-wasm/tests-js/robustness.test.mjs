// The module never panics: thousands of broken inputs (truncated and corrupted text, random
// bytes, values of the wrong type at every place, deep nesting) give a report or an Error with a
// known code, and no instance is ever replaced.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadBuilds } from './helpers.mjs';

const builds = await loadBuilds();
const good = JSON.parse(readFileSync(new URL('../../tests/cases/wasm/form_row_valid.json', import.meta.url), 'utf8')).catalogue;
const goodText = JSON.stringify(good);
const KNOWN = new Set(['json', 'not_a_catalogue', 'too_large', 'invalid_argument']);

function rng(seed) {
  let s = seed;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}
const r = rng(20240301);
const int = (n) => Math.floor(r() * n);
const nested = (depth, leaf) => (depth === 0 ? leaf : r() < 0.5 ? [nested(depth - 1, leaf)] : { k: nested(depth - 1, leaf) });
const ODD = [null, true, 0, -1, 1.5, 1e308, -0, '', ' ', '\u0000', '\uFEFF', 'x'.repeat(5000), '公开'.repeat(300), [], [null], {}, { '': 1 }, { '/~': [] }, 2 ** 53, '2024-02-30', ['gov_website', 'gov_website'], nested(40, 1), nested(300, 'deep')];

/** Every JSON Pointer of a document. */
function pointers(v, p = '', out = []) {
  out.push(p);
  if (v && typeof v === 'object') for (const k of Object.keys(v)) pointers(v[k], `${p}/${k}`, out);
  return out;
}
function replaced(doc, pointer, value) {
  const copy = structuredClone(doc);
  if (pointer === '') return value;
  const keys = pointer.split('/').slice(1);
  let t = copy;
  for (const k of keys.slice(0, -1)) t = t[k];
  // An own property even for `__proto__` (what JSON.parse would make of it).
  Object.defineProperty(t, keys[keys.length - 1], { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function inputs() {
  const out = [];
  for (let cut = 0; cut < goodText.length; cut += 7) out.push(goodText.slice(0, cut));
  const bytes = new TextEncoder().encode(goodText);
  for (let n = 0; n < 300; n++) {
    const b = bytes.slice();
    for (let k = 0; k < 1 + int(4); k++) b[int(b.length)] = int(256);
    out.push(b);
  }
  for (let n = 0; n < 100; n++) out.push(Uint8Array.from({ length: int(64) }, () => int(256)));
  const ps = pointers(good);
  for (const p of ps) out.push(replaced(good, p, ODD[int(ODD.length)]));
  for (let n = 0; n < 300; n++) out.push(replaced(good, ps[int(ps.length)], ODD[int(ODD.length)]));
  for (let n = 0; n < 100; n++) {
    const p = ps[1 + int(ps.length - 1)];
    const keys = p.split('/');
    keys[keys.length - 1] = ['chanels', 'items', '', '~1', '0', 'kind', '__proto__'][int(7)];
    out.push(replaced(good, keys.join('/'), ODD[int(ODD.length)]));
  }
  out.push(JSON.stringify(nested(200, 1)), '['.repeat(100000), '{"a":'.repeat(50000), '"\\ud800"', '{"title": "\\udc00"}');
  return out;
}

const ALL = inputs();

for (const [build, api] of Object.entries(builds)) {
  test(`${build}: broken input gives a report or a known error, never a panic`, () => {
    const reloads = api.__testing.reloads();
    let reports = 0;
    let errors = 0;
    for (const input of ALL) {
      const calls = [() => api.validate(input)];
      if (input && typeof input === 'object' && !(input instanceof Uint8Array) && Array.isArray(input.items)) {
        input.items.slice(0, 2).forEach((item, index) => {
          calls.push(() => api.validateItem(item, { index, header: input }));
          calls.push(() => api.validateItem(item, { index }));
        });
      }
      if (typeof input === 'string') calls.push(() => api.validateItem(input, { index: 1 }));
      for (const call of calls) {
        try {
          const report = call();
          assert.equal(typeof report.valid, 'boolean');
          assert.equal(report.valid, report.counts.error === 0);
          reports += 1;
        } catch (e) {
          assert.ok(e instanceof Error && KNOWN.has(e.code), `unexpected ${e?.code}: ${e?.message}`);
          errors += 1;
        }
      }
    }
    assert.equal(api.__testing.reloads(), reloads, 'no trap');
    assert.ok(reports > 500 && errors > 100, `${ALL.length} inputs: ${reports} reports, ${errors} errors`);
  });
}
