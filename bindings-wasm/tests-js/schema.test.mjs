// The published schemas: what the module returns is what schema/ holds (same key order), they
// compile under strict Ajv 2020, and that independent validator (`date` format asserted) agrees
// with the fixtures and with the core on every mutant of tests/schema/mutants.json on which
// documents are structurally valid. Reports conform to the report schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { apiOptions, hasDuplicateKeys, loadBuilds, loadFixtures, root } from './helpers.mjs';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

const published = {
  catalogue: JSON.parse(readFileSync(join(root, 'schema', 'catalogue-1.1.schema.json'), 'utf8')),
  report: JSON.parse(readFileSync(join(root, 'schema', 'report.schema.json'), 'utf8')),
};
const builds = await loadBuilds();
const fixtures = loadFixtures();

/** Ajv 2020 in strict mode (every strict check on, warnings collected), formats asserted. */
function compile(schema, warnings = []) {
  const logger = { log() {}, warn: (...a) => warnings.push(a.join(' ')), error: (...a) => warnings.push(a.join(' ')) };
  const ajv = new Ajv2020({ strict: true, allErrors: true, logger });
  addFormats(ajv);
  return ajv.compile(schema);
}
const catalogueValid = compile(published.catalogue);
const reportValid = compile(published.report);

test('both schemas compile under strict Ajv 2020 with ajv-formats, without a warning', () => {
  for (const schema of Object.values(published)) {
    const warnings = [];
    compile(schema, warnings);
    assert.deepEqual(warnings, []);
  }
});

/** Every key path of a JSON value, in order (to compare key order, which deepEqual ignores). */
function keyPaths(v, prefix = '', out = []) {
  if (v && typeof v === 'object') {
    for (const [k, c] of Object.entries(v)) {
      out.push(`${prefix}/${k}`);
      keyPaths(c, `${prefix}/${k}`, out);
    }
  }
  return out;
}

for (const [build, api] of Object.entries(builds)) {
  test(`${build}: schema() and reportSchema() are the published schemas, keys in the same order`, () => {
    assert.deepEqual(api.schema(), published.catalogue);
    assert.deepEqual(api.reportSchema(), published.report);
    assert.deepEqual(keyPaths(api.schema()), keyPaths(published.catalogue));
    assert.deepEqual(
      Object.keys(api.schema().$defs.Item.properties).slice(0, 8),
      ['id', 'category', 'name', 'subitem', 'content', 'basis', 'time_limit', 'subject'],
    );
  });
}

/** One JSON Patch operation (replace, remove, add) of tests/schema/mutants.json, on a copy. */
function apply(doc, m) {
  if (!m.op) return doc;
  if (m.path === '') return structuredClone(m.value);
  const out = structuredClone(doc);
  const parts = m.path.split('/').slice(1).map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
  const last = parts.pop();
  const node = parts.reduce((n, p) => n[Array.isArray(n) ? Number(p) : p], out);
  if (Array.isArray(node)) {
    if (m.op === 'replace') node[Number(last)] = m.value;
    else if (m.op === 'add') node.splice(Number(last), 0, m.value);
    else node.splice(Number(last), 1);
  } else if (m.op === 'remove') delete node[last];
  else node[last] = m.value;
  return out;
}

test('strict ajv agrees with the core on every mutant of tests/schema/mutants.json', () => {
  const { documents, mutants } = JSON.parse(readFileSync(join(root, 'tests', 'schema', 'mutants.json'), 'utf8'));
  assert.ok(mutants.length > 2000);
  const disagreements = [];
  for (const m of mutants) {
    const ok = catalogueValid(apply(documents[m.doc], m));
    if (ok !== m.valid) disagreements.push(`${m.op} ${m.path} ${JSON.stringify(m.value)}: core ${m.valid}, ajv ${ok}`);
  }
  assert.deepEqual(disagreements, []);
});

test('the report schema covers the CLI lines of several files and of an unreadable file', () => {
  const report = builds.node.validate(readFileSync(join(root, 'examples', 'wuzhi-municipal.json'), 'utf8'));
  assert.ok(reportValid(report));
  assert.ok(reportValid({ ...report, file: '目录.json' }));
  assert.ok(reportValid({ file: '目录.json', error: { code: 'json', message: '不是有效的 JSON' } }));
  assert.ok(!reportValid({ file: '目录.json', error: { code: 'json' } }));
  assert.ok(!reportValid({ file: '目录.json' }));
});

test('ajv agrees with expected.structurally_valid on every fixture that is JSON without duplicate keys', () => {
  let checked = 0;
  for (const { name, fixture } of fixtures) {
    if (typeof fixture.expected.structurally_valid !== 'boolean') continue;
    let doc;
    if (typeof fixture.catalogue_text === 'string') {
      const text = fixture.catalogue_text.replace(/^\uFEFF/, '');
      try {
        doc = JSON.parse(text);
      } catch {
        continue; // not JSON: no verdict to compare
      }
      if (hasDuplicateKeys(text)) continue;
    } else {
      doc = fixture.catalogue;
    }
    const ok = catalogueValid(doc);
    assert.equal(
      ok,
      fixture.expected.structurally_valid,
      `${name}: ajv says ${ok ? 'valid' : `invalid (${JSON.stringify(catalogueValid.errors?.slice(0, 3))})`}`,
    );
    checked += 1;
  }
  assert.ok(checked > 0, 'no fixture was checked');
});

test('every report of the fixture suite conforms to the report schema', () => {
  const api = builds.node;
  for (const { name, fixture } of fixtures) {
    if (fixture.expected.error) continue;
    const input = fixture.catalogue_text ?? fixture.catalogue;
    for (const lang of ['zh', 'en']) {
      const report = api.validate(input, { ...apiOptions(fixture.options), lang });
      assert.ok(reportValid(report), `${name}: ${JSON.stringify(reportValid.errors)}`);
    }
  }
});

test('the duplicate-key detector used above sees duplicates at any depth', () => {
  assert.equal(hasDuplicateKeys('{"a": 1, "b": {"c": [1, {"d": 1, "d": 2}]}}'), true);
  assert.equal(hasDuplicateKeys('{"a": 1, "b": {"a": "\\"a\\""}, "c": []}'), false);
  assert.equal(hasDuplicateKeys('{"a": 1, "a": 1}'), true);
});
