// Catalogue versions through the JavaScript API, on the shared fixtures of tests/versions/ (also
// read by core/tests/changes.rs, cli/tests/versions.rs and the Python tests): `changes()` (in
// the tables build only) gives the same counts, items and codes on Node and the web; 1.1 catalogues validate, 1.1 fields in a 1.0
// file are a warning, and a table with the 1.1 columns imports to 1.1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadBuilds, loadTableBuilds, root, thrown } from './helpers.mjs';

const builds = { ...(await loadBuilds()), ...(await loadTableBuilds()) };
const dir = join(root, 'tests', 'versions');
const read = (name) => JSON.parse(readFileSync(join(dir, name), 'utf8'));
const side = (v) => (typeof v === 'string' ? read(v) : v);
const fixtures = readdirSync(dir).filter((n) => n.endsWith('.expected.json')).sort();

const shape = (report) =>
  report.items.map((i) => ({
    status: i.status,
    class: i.class,
    old_id: i.old_id,
    new_id: i.new_id,
    matched_by: i.matched_by ?? null,
    changes: i.changes.map((c) => ({ code: c.code, class: c.class, field: c.field, path: c.path })),
  }));

test('there are version pairs to run', () => {
  assert.ok(fixtures.length >= 2);
});

for (const [build, api] of Object.entries(builds)) {
  const t = (name, fn) => test(`${build}: ${name}`, fn);

  if (!api.importTable) {
    t('the default build leaves changes() to gongkai-wasm/tables', () => {
      assert.equal('changes' in api, false);
    });
  }

  for (const name of api.importTable ? fixtures : []) {
    t(`changes() on ${name}`, () => {
      const f = read(name);
      const report = api.changes(side(f.old), side(f.new));
      assert.equal(report.weakened, f.expected.weakened);
      assert.deepEqual(report.counts, f.expected.counts);
      assert.deepEqual(shape(report), f.expected.items);
      assert.deepEqual(report.issues.map((i) => ({ code: i.code, path: i.path })), f.expected.issues);
    });
  }

  if (api.importTable) t('changes() takes JSON text, writes the 修订说明 and refuses bad input', () => {
    const oldText = readFileSync(join(dir, 'old.json'), 'utf8');
    const newText = readFileSync(join(dir, 'new.json'), 'utf8');
    assert.deepEqual(api.changes(oldText, newText), api.changes(JSON.parse(oldText), JSON.parse(newText)));
    const md = api.changes(oldText, newText, { format: 'md' });
    assert.ok(md.startsWith('# ') && md.includes('修订说明') && md.includes('## 三、修改事项'));
    const html = api.changes(oldText, newText, { format: 'html' });
    assert.ok(html.startsWith('<!DOCTYPE html>'));
    const en = api.changes(oldText, newText, { lang: 'en' });
    assert.ok(en.items.some((i) => i.changes.some((c) => c.message.includes('was removed'))));
    assert.equal(thrown(() => api.changes('[1, 2]', newText)).code, 'not_a_catalogue');
    assert.equal(thrown(() => api.changes(oldText, '{')).code, 'json');
    assert.equal(thrown(() => api.changes(oldText, newText, { format: 'pdf' })).code, 'invalid_argument');
    assert.equal(thrown(() => api.changes(oldText, newText, { colour: true })).code, 'invalid_argument');
  });

  t('schema 1.1: a 1.1 file validates, 1.1 fields in a 1.0 file are warnings, unknown versions name the supported ones', () => {
    const report = api.validate(read('new.json'));
    assert.equal(report.valid, true);
    assert.ok(!report.issues.some((i) => i.code === 'model.newer_version_field'));
    const old = read('catalogue-1.0.json');
    old.items[0].retention = 'long_term';
    const warned = api.validate(old);
    assert.deepEqual(
      warned.issues.filter((i) => i.code === 'model.newer_version_field').map((i) => i.path),
      ['/items/0/retention'],
    );
    const bad = api.validate({ ...read('new.json'), schema_version: '2.0' });
    const v = bad.issues.find((i) => i.path === '/schema_version');
    assert.equal(v.code, 'schema.schema_version');
    assert.ok(v.message.includes('1.1'));
    assert.equal(api.schema().$id, 'urn:gongkai:schema:catalogue:1.1');
  });

  if (api.importTable) {
    t('a table with the 1.1 columns imports to a 1.1 catalogue', () => {
      const bytes = readFileSync(join(root, 'tests', 'import', 'columns-1-1.csv'));
      const { catalogue } = api.importTable(bytes, { fileName: 'columns-1-1.csv' });
      assert.equal(catalogue.schema_version, '1.1');
      assert.equal(catalogue.items[0].responsible_office, '市政公用科');
      assert.equal(catalogue.items[0].retention, 'long_term');
      assert.equal(catalogue.items[0].scope_note, '本辖区');
      assert.equal(catalogue.items[0].time_limit.from, 'formed_or_obtained');
    });
  }
}
