// The published schemas: what the module returns is what schema/ holds, and an independent
// validator (ajv, draft 2020-12, `date` format checked) agrees with the fixtures on which
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
  catalogue: JSON.parse(readFileSync(join(root, 'schema', 'catalogue.schema.json'), 'utf8')),
  report: JSON.parse(readFileSync(join(root, 'schema', 'report.schema.json'), 'utf8')),
};
const builds = await loadBuilds();
const fixtures = loadFixtures();

function compile(schema) {
  // ajv's default strictness (unknown keywords and formats are errors). Not strictTypes and
  // strictRequired: the schema's conditions (`anyOf`/`if`/`then` naming `minItems` or
  // `required` without repeating the type and properties) are valid JSON Schema.
  const ajv = new Ajv2020({ allErrors: true, strictSchema: true, strictTypes: false, strictRequired: false });
  addFormats(ajv);
  return ajv.compile(schema);
}
const catalogueValid = compile(published.catalogue);
const reportValid = compile(published.report);

for (const [build, api] of Object.entries(builds)) {
  test(`${build}: schema() and reportSchema() are the published schemas`, () => {
    assert.deepEqual(api.schema(), published.catalogue);
    assert.deepEqual(api.reportSchema(), published.report);
  });
}

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
