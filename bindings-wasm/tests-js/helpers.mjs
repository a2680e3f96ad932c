// Shared by the node:test files: the entry points (Node and web glue of the default build and
// of the tables build, the web ones instantiated from their bytes since Node cannot fetch file:
// URLs) and the shared fixture suite.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const casesDir = join(root, 'tests', 'cases');

/** The default build (no table import) behind the same API: `{ node, web }`. */
export async function loadBuilds() {
  const node = await import('../node.mjs');
  const web = await import('../web.mjs');
  await web.default(readFileSync(new URL('../pkg-web/gongkai_wasm_bg.wasm', import.meta.url)));
  return { node, web };
}

/** The build with table import (gongkai-wasm/tables): `{ 'tables/node', 'tables/web' }`. */
export async function loadTableBuilds() {
  const node = await import('../tables/node.mjs');
  const web = await import('../tables/web.mjs');
  await web.default(readFileSync(new URL('../pkg-tables-web/gongkai_wasm_bg.wasm', import.meta.url)));
  return { 'tables/node': node, 'tables/web': web };
}

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (name.endsWith('.json')) out.push(p);
  }
  return out;
}

/** Every fixture under tests/cases: `{ name, fixture }`. */
export function loadFixtures() {
  return walk(casesDir).map((p) => ({
    name: relative(casesDir, p),
    fixture: JSON.parse(readFileSync(p, 'utf8')),
  }));
}

/** The fixture's options, as the JavaScript API spells them. */
export function apiOptions(options = {}) {
  const names = { min_severity: 'minSeverity', minSeverity: 'minSeverity', lang: 'lang', today: 'today', max_issues: 'maxIssues' };
  const out = {};
  for (const [k, v] of Object.entries(options)) {
    if (!(k in names)) throw new Error(`fixture option ${k} is not known to the JavaScript tests`);
    out[names[k]] = v;
  }
  return out;
}

/** (code, path) pairs, sorted: the multiset the fixtures compare. */
export function pairs(issues) {
  return issues.map((i) => `${i.code} ${i.path}`).sort();
}

/** Whether JSON text has a key twice in one object (JSON.parse would keep the last silently). */
export function hasDuplicateKeys(text) {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  };
  const str = () => {
    const start = i;
    i++;
    while (text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i));
  };
  const value = () => {
    ws();
    if (text[i] === '{') {
      i++;
      const keys = new Set();
      let dup = false;
      ws();
      if (text[i] === '}') return i++, false;
      for (;;) {
        ws();
        const k = str();
        if (keys.has(k)) dup = true;
        keys.add(k);
        ws();
        i++; // :
        if (value()) dup = true;
        ws();
        if (text[i++] === '}') return dup;
      }
    }
    if (text[i] === '[') {
      i++;
      let dup = false;
      ws();
      if (text[i] === ']') return i++, false;
      for (;;) {
        if (value()) dup = true;
        ws();
        if (text[i++] === ']') return dup;
      }
    }
    if (text[i] === '"') return str(), false;
    while (i < text.length && !',]} \t\r\n'.includes(text[i])) i++;
    return false;
  };
  return value();
}

/** Reads a file of the repository (path segments from its root) as text. */
export function readRepo(...path) {
  return readFileSync(join(root, ...path), 'utf8');
}

/**
 * Calls `fn`, which must throw an `Error` with a string `code` (a core error, not a trap);
 * returns the error.
 */
export function thrown(fn) {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof Error)) throw new Error(`not an Error: ${String(e)}`);
    if (typeof e.code !== 'string') throw new Error(`an Error without a code: ${e.message}`);
    return e;
  }
  throw new Error('expected a throw, got a result');
}

/**
 * ajv (draft 2020-12, `date` format checked) compiling one of bindings-wasm/schema/ (the
 * schemas of the results, generated from the Rust types): returns a function asserting that a
 * value conforms.
 */
export async function resultSchema(file) {
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  const Ajv2020 = require('ajv/dist/2020').default;
  const addFormats = require('ajv-formats').default;
  const ajv = new Ajv2020({ allErrors: true, strictSchema: true, strictTypes: false, strictRequired: false });
  addFormats(ajv);
  const check = ajv.compile(JSON.parse(readRepo('bindings-wasm', 'schema', file)));
  return (value, what = file) => {
    if (!check(value)) throw new Error(`${what} does not conform to ${file}: ${JSON.stringify(check.errors.slice(0, 3))}`);
  };
}
