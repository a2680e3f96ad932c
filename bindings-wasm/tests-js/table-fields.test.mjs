// Catalogue fields a table lacks (gongkai-wasm/tables, Node and web glue): the finding
// `import.header_missing` names the option (`{ domain }`), or the form's field with
// `frontEnd: 'form'`; the options `title`, `domain`, `publisher`, `level`, `issued` (and `sheet`)
// supply them in `importTable` and in `validate(bytes, { fileName })`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTableBuilds, root, thrown } from './helpers.mjs';

const builds = await loadTableBuilds();
// A real published table under a name that says nothing: its 领域, 编制单位 and 编制日期 cannot
// be inferred.
const bytes = readFileSync(join(root, 'tests', 'corpus', '26-youyang-municipal-2024.csv'));
const fileName = '目录.csv';

/** The header findings of a report, by path. */
const header = (report) =>
  Object.fromEntries(
    report.issues
      .filter((i) => i.code === 'import.header_missing' || i.code === 'import.header_default')
      .map((i) => [i.path, i.message]),
  );

for (const [name, api] of Object.entries(builds)) {
  const t = (title, fn) => test(`${name}: ${title}`, fn);

  t('the finding names the option, never the command line or the Rust API', () => {
    for (const found of [header(api.importTable(bytes, { fileName }).report), header(api.validate(bytes, { fileName }))]) {
      for (const key of ['domain', 'publisher', 'issued']) {
        assert.ok(found[`/${key}`], `/${key} in ${JSON.stringify(found)}`);
        assert.ok(found[`/${key}`].includes(`用选项 { ${key} } 填写`), found[`/${key}`]);
        assert.ok(!found[`/${key}`].includes(`--${key}`), found[`/${key}`]);
        assert.ok(!found[`/${key}`].includes('ImportOptions'), found[`/${key}`]);
      }
    }
    const en = header(api.importTable(bytes, { fileName, lang: 'en' }).report);
    assert.ok(en['/domain'].includes('set it with the option { domain }'), en['/domain']);
  });

  t("frontEnd: 'form' names the form's field", () => {
    const found = header(api.importTable(bytes, { fileName, frontEnd: 'form' }).report);
    assert.ok(found['/domain'].includes('在表单的“领域”栏中填写'), found['/domain']);
    assert.ok(found['/issued'].includes('在表单的“编制日期”栏中填写'), found['/issued']);
    assert.ok(!found['/domain'].includes('{ domain }'), found['/domain']);
    const viaValidate = header(api.validate(bytes, { fileName, frontEnd: 'form' }));
    assert.ok(viaValidate['/domain'].includes('“领域”栏'), viaValidate['/domain']);
    assert.equal(thrown(() => api.importTable(bytes, { fileName, frontEnd: 'cli' })).code, 'invalid_argument');
  });

  t('the options supply the fields', () => {
    const options = { fileName, domain: '市政服务', publisher: '酉阳县城市管理局', issued: '2024-03-01', title: '酉阳县市政服务目录', level: '县级' };
    const imported = api.importTable(bytes, options);
    assert.deepEqual(header(imported.report), {});
    assert.equal(imported.catalogue.domain, 'municipal_services');
    assert.equal(imported.catalogue.publisher, '酉阳县城市管理局');
    assert.equal(imported.catalogue.issued, '2024-03-01');
    assert.equal(imported.catalogue.level, 'county');
    assert.equal(imported.catalogue.title, '酉阳县市政服务目录');
    const report = api.validate(bytes, { fileName, domain: 'municipal_services' });
    assert.ok(!('/domain' in header(report)));
    assert.ok('/issued' in header(report));
    // Bad values are argument errors naming the option.
    for (const bad of [{ level: 'planet' }, { issued: '2024-02-30' }]) {
      const e = thrown(() => api.importTable(bytes, { fileName, ...bad }));
      assert.equal(e.code, 'invalid_argument', e.message);
      assert.ok(e.message.includes(Object.keys(bad)[0]), e.message);
    }
  });
}
