// The registry of instruments (依据库) on both builds, from the shared fixtures of tests/laws/
// (see its README): the `laws` option of validate and validateItem, laws(), lookupLaw(), and
// registry files that must be refused with a coded error naming the entry and field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBuilds, root, thrown } from './helpers.mjs';

const builds = await loadBuilds();
const dir = join(root, 'tests', 'laws');
const read = (name) => readFileSync(join(dir, name), 'utf8');
const expected = JSON.parse(read('expected.json'));
const bad = JSON.parse(read('bad.json'));
const catalogue = read('catalogue.json');
const localText = read('local.laws.json');
const local = JSON.parse(localText);

const pairs = (report) => report.issues.map((i) => `${i.code} ${i.path}`).sort();
const want = (key) => expected[key].map((i) => `${i.code} ${i.path}`).sort();

for (const [build, api] of Object.entries(builds)) {
  const t = (name, fn) => test(`${build}: ${name}`, fn);

  t('without laws the local instruments are not reported', () => {
    assert.deepEqual(pairs(api.validate(catalogue)), want('without_laws'));
  });

  t('laws (text or object) adds local instruments', () => {
    for (const laws of [localText, local]) {
      const report = api.validate(catalogue, { laws, lang: 'en' });
      assert.deepEqual(pairs(report), want('with_laws'));
      const repealed = report.issues.find((i) => i.code === 'basis.repealed');
      assert.match(repealed.message, /was repealed on 2023-07-01/);
    }
    // validateItem takes it through its context too.
    const cat = JSON.parse(catalogue);
    const { items, ...header } = cat;
    const row = api.validateItem(items[0], { index: 0, header, laws: local });
    assert.deepEqual(pairs(row), want('with_laws'));
  });

  t('bad registry files throw a coded error naming entry and field', () => {
    for (const c of bad.cases) {
      const text = read(c.file);
      const err = thrown(() => api.validate(catalogue, { laws: text }));
      assert.equal(err.code, c.code, `${c.file}: ${err.message}`);
      for (const w of c.contains) assert.ok(err.message.includes(w), `${c.file}: “${w}” not in ${err.message}`);
      assert.equal(thrown(() => api.laws({ laws: text })).code, c.code);
    }
    assert.equal(thrown(() => api.validate(catalogue, { laws: 42 })).code, 'invalid_argument');
    assert.equal(thrown(() => api.lookupLaw(7)).code, 'invalid_argument');
    assert.equal(thrown(() => api.lookupLaw('条例', { nope: 1 })).code, 'invalid_argument');
    // The instance is still usable.
    assert.deepEqual(pairs(api.validate(catalogue)), want('without_laws'));
  });

  t('laws() lists the registry', () => {
    const embedded = api.laws();
    assert.ok(embedded.length >= 60, String(embedded.length));
    const tiaoli = embedded.find((l) => l.title === '中华人民共和国政府信息公开条例');
    assert.deepEqual(tiaoli.versions.map((v) => v.doc_no), ['国务院令第492号', '国务院令第711号']);
    assert.ok(tiaoli.versions.every((v) => typeof v.source === 'string' && v.source.length > 0));
    const merged = api.laws({ laws: local });
    assert.equal(merged.length, embedded.length + 2);
    assert.equal(merged[0].title, '示例县城镇燃气管理办法');
  });

  t('lookupLaw resolves titles, short names and document numbers', () => {
    for (const c of expected.lookup) {
      const found = api.lookupLaw(c.title, c.doc_no === null ? undefined : { docNo: c.doc_no });
      if (c.law === null) {
        assert.equal(found, null, c.title);
        continue;
      }
      assert.equal(found.law.title, c.law, c.title);
      assert.equal(found.version?.doc_no ?? null, c.version_doc_no, c.title);
    }
    for (const c of expected.lookup_with_laws) {
      const found = api.lookupLaw(c.title, { docNo: c.doc_no, laws: localText });
      assert.equal(found.law.title, c.law);
      assert.equal(found.version.doc_no, c.version_doc_no);
    }
    const byNumber = api.lookupLaw('', { docNo: '国务院令第590号' });
    assert.equal(byNumber.law.title, '国有土地上房屋征收与补偿条例');
    const repealed = api.lookupLaw('城市房屋拆迁管理条例');
    assert.equal(repealed.law.status, 'repealed');
    assert.equal(repealed.law.replaced_by, '国有土地上房屋征收与补偿条例');
  });
}
