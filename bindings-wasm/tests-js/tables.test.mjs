// Tables in the browser and Node (gongkai-wasm/tables, Node and web glue): `importTable` and
// `validate(bytes, { fileName })` read CSV, XLSX and HTML through the core's importer, with every
// issue located in the table.
// The real tables of tests/corpus/ give the values of their .expected.json (the expectations
// core/tests/import_corpus.rs checks); an XLSX is written by the test (tests-js/xlsx.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadTableBuilds, pairs, root, thrown } from './helpers.mjs';
import { xlsx } from './xlsx.mjs';

const builds = await loadTableBuilds();
const corpusDir = join(root, 'tests', 'corpus');
const corpus = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.expected.json'))
  .sort()
  .map((f) => ({ stem: f.replace('.expected.json', ''), expected: JSON.parse(readFileSync(join(corpusDir, f), 'utf8')) }));

/** As the corpus README says to compare: whitespace and pinyin glosses (`鄉(xiāng)`) removed. */
/** The cell of a pointer or of its nearest ancestor. */
function lookup(sources, pointer) {
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
    if (p in sources) return sources[p];
    if (p === '') return undefined;
  }
}
const norm = (s) => (s ?? '').replace(/\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)/g, '').replace(/\s/g, '');

// A catalogue in the template's layout: two header rows with merged cells, two items; the
// second has a time limit of 400 working days (over the schema's range).
const HEADER = [
  ['序号', '公开事项', '', '公开内容（要素）', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', '', '公开方式', '', '公开层级', ''],
  ['', '一级事项', '二级事项', '', '', '', '', '', '全社会', '特定群体', '主动', '依申请', '县级', '乡级'],
];
const ROWS = [
  ['1', '城镇燃气管理', '燃气经营许可证核发', '申请条件、申请材料', '《城镇燃气管理条例》', '自信息形成或者变更之日起20个工作日内', '武陟县城市管理局', '■政府网站 □政府公报 ■政务服务中心', '√', '', '√', '', '√', ''],
  ['2', '城镇燃气管理', '燃气经营者改动市政燃气设施审批', '申请材料', '《城镇燃气管理条例》', '自信息形成或者变更之日起400个工作日内', '武陟县城市管理局', '■政府网站 □两微一端', '√', '', '√', '', '√', ''],
];
const MERGES = ['A1:A2', 'B1:C1', 'D1:D2', 'E1:E2', 'F1:F2', 'G1:G2', 'H1:H2', 'I1:J1', 'K1:L1', 'M1:N1'];
const workbook = xlsx('市政服务', [...HEADER, ...ROWS], MERGES);

for (const [build, api] of Object.entries(builds)) {
  const t = (name, fn) => test(`${build}: ${name}`, fn);

  for (const { stem, expected } of corpus) {
    for (const ext of ['csv', 'html']) {
      const fileName = `${stem}.${ext}`;
      t(`corpus ${fileName}: the expected items, issues located in the table`, () => {
        const bytes = readFileSync(join(corpusDir, fileName));
        const imported = api.importTable(bytes, { fileName });
        assert.deepEqual(Object.keys(imported), ['catalogue', 'report', 'sources', 'encoding']);
        assert.equal(imported.encoding, 'UTF-8');
        const items = imported.catalogue.items;
        assert.equal(items.length, expected.rows.length, 'one item per expected row');
        // Each item comes from its row: CSV line = data row + 2 (the corpus README).
        assert.deepEqual(
          items.map((_, i) => imported.sources[`/items/${i}`]?.row - 2),
          expected.rows.map((r) => r.row),
        );
        expected.rows.forEach((want, i) => {
          for (const key of ['category', 'name', 'subject']) {
            if (want[key] != null) assert.equal(norm(items[i][key]), norm(want[key]), `row ${want.row} ${key}`);
          }
          if (want.time_limit && want.time_limit.kind !== 'same_as_above') {
            const got = items[i].time_limit;
            assert.deepEqual([got.kind, got.days ?? null], [want.time_limit.kind, want.time_limit.days ?? null], `row ${want.row} time_limit`);
          }
        });
        // validate with the file name is the same report (the core's validate_bytes).
        assert.deepEqual(api.validate(bytes, { fileName }), imported.report);
        assert.deepEqual(api.validate(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length), { fileName }), imported.report);
        // Issues about an item point at its row (data starts after the two header rows), the
        // cell sources give for the path or its nearest ancestor.
        const itemIssues = imported.report.issues.filter((i) => i.path.startsWith('/items/'));
        assert.ok(itemIssues.length > 0);
        for (const issue of itemIssues) {
          const loc = issue.location;
          assert.ok(loc, `${issue.code} ${issue.path} has a location`);
          assert.deepEqual(loc, lookup(imported.sources, issue.path), issue.path);
          assert.ok(loc.row >= 3, `${issue.path}: row ${loc.row}`);
          if (ext === 'html') assert.equal(loc.sheet, '表1');
          else assert.equal(loc.sheet, undefined);
          if (loc.column !== undefined) assert.match(loc.column, /^[A-Z]+$/);
        }
        // The catalogue is canonical JSON: validating it as JSON gives the same codes and paths,
        // less the importer's own findings and without locations.
        // A catalogue field the table lacks is one finding in the import (import.header_missing,
        // saying how to supply it), the schema's in the JSON.
        const again = api.validate(imported.catalogue);
        const missing = new Set(imported.report.issues.filter((i) => i.code === 'import.header_missing').map((i) => i.path));
        const notImport = (ps) => ps.filter((p) => !p.startsWith('import.'));
        assert.deepEqual(
          notImport(pairs(again.issues.filter((i) => !missing.has(i.path)))),
          notImport(pairs(imported.report.issues)),
        );
      });
    }
  }

  t('frontEnd: "form": a catalogue field the table lacks is to be filled in the form\'s field', () => {
    // No caption and a file name without a 领域: the importer cannot infer the domain.
    const table = xlsx('Sheet1', [...HEADER, ...ROWS], MERGES);
    const missing = (options) =>
      api.importTable(table, { fileName: 'book.xlsx', ...options }).report.issues.filter((i) => i.code === 'import.header_missing' && i.path === '/domain');
    const [form] = missing({ frontEnd: 'form' });
    assert.ok(form, 'the missing 领域 is reported');
    assert.match(form.message, /请在表单的“领域”栏中填写$/);
    assert.equal(missing({ frontEnd: 'form' }).length, 1, 'once');
    // Without it, the message does not speak of a form; validate with fileName takes it too.
    assert.doesNotMatch(missing({})[0].message, /表单/);
    const viaValidate = api.validate(table, { fileName: 'book.xlsx', frontEnd: 'form' }).issues.find((i) => i.code === 'import.header_missing' && i.path === '/domain');
    assert.equal(viaValidate.message, form.message);
    // English too.
    const [en] = missing({ frontEnd: 'form', lang: 'en' });
    assert.match(en.message, /fill in the form's “领域” field$/);
    // Another value is refused, saying what is accepted.
    const e = thrown(() => api.importTable(table, { fileName: 'book.xlsx', frontEnd: 'cli' }));
    assert.equal(e.code, 'invalid_argument');
    assert.match(e.message, /frontEnd/);
    assert.match(e.message, /form/);
  });

  t('XLSX: values from a two-row merged header, an issue at its sheet, row and column', () => {
    const imported = api.importTable(workbook, { fileName: '武陟县市政服务.xlsx' });
    assert.equal(imported.encoding, null);
    const [first, second] = imported.catalogue.items;
    assert.deepEqual(
      [first.id, first.category, first.name, first.content, first.subject],
      ['1', '城镇燃气管理', '燃气经营许可证核发', ['申请条件', '申请材料'], '武陟县城市管理局'],
    );
    assert.deepEqual(first.basis.map((c) => c.title), ['城镇燃气管理条例']);
    // The cell's wording is the canonical one of the parsed limit, so the importer drops `text`.
    assert.deepEqual(first.time_limit, { kind: 'working_days', days: 20, from: 'formed_or_changed' });
    assert.deepEqual(first.channels, ['gov_website', 'service_center']);
    assert.deepEqual([first.audience, first.method, first.levels], [['public'], ['proactive'], ['county']]);
    assert.deepEqual([second.channels, second.method, second.levels, second.time_limit.days], [['gov_website'], ['proactive'], ['county'], 400]);
    const days = imported.report.issues.find((i) => i.path === '/items/1/time_limit/days');
    assert.equal(days?.code, 'schema.out_of_range');
    assert.deepEqual(days.location, { sheet: '市政服务', row: 4, column: 'F', header: '公开时限' });
    assert.deepEqual(imported.sources['/items/1/name'], { sheet: '市政服务', row: 4, column: 'C', header: '二级事项' });
    assert.match(days.message, /400/);
    assert.equal(imported.report.valid, false);
    // The same through validate, also with the sheet named, and in English.
    assert.deepEqual(api.validate(workbook, { fileName: 'a.xlsx' }).issues.find((i) => i.path === days.path).location, days.location);
    assert.deepEqual(api.importTable(workbook, { fileName: '武陟县市政服务.xlsx', sheet: '市政服务' }), imported);
    const en = api.importTable(workbook, { fileName: '武陟县市政服务.xlsx', lang: 'en' }).report;
    assert.deepEqual(pairs(en.issues), pairs(imported.report.issues));
    assert.notEqual(en.issues[0].message, imported.report.issues[0].message);
    // Fixed in the form (here: in the catalogue), the row validates.
    const fixed = structuredClone(imported.catalogue);
    fixed.items[1].time_limit.days = 20;
    assert.deepEqual(api.validate(fixed).issues.filter((i) => i.path.startsWith('/items/1/')), []);
  });

  t('DOCX: every table of a Word document (the shared fixture), values at their cells (表N)', () => {
    const importDir = join(root, 'tests', 'import');
    const bytes = readFileSync(join(importDir, 'word_catalogue.docx'));
    const imported = api.importTable(bytes, { fileName: '目录.docx' });
    const items = imported.catalogue.items;
    assert.deepEqual(items.map((it) => [it.id, it.category, it.name]), [
      ['1', '城镇燃气管理', '燃气经营许可证核发'],
      ['2', '城镇燃气管理', '燃气经营者改动市政燃气设施审批'],
      ['2-2', '市容环境卫生管理', '户外广告设置审批'],
    ]);
    // Tick glyphs of Wingdings / Wingdings 2 and check boxes read as marks.
    assert.deepEqual(items[0].channels, ['gov_website', 'social_media']);
    assert.deepEqual([items[1].audience, items[1].method, items[1].levels], [['public'], ['proactive'], ['county']]);
    assert.deepEqual(imported.sources['/items/0/channels'], { sheet: '表1', row: 3, column: 'H', header: '公开渠道和载体' });
    assert.equal(imported.catalogue.title, '某县城市管理局市政服务领域基层政务公开标准目录');
    assert.equal(imported.encoding, null);
    // validate with the file name is the same report; without a name the content says DOCX.
    assert.deepEqual(api.validate(bytes, { fileName: '目录.docx' }), imported.report);
    assert.deepEqual(api.importTable(bytes).catalogue, imported.catalogue);
    // A legacy Word document is refused with the hint to save it as .docx.
    const doc = thrown(() => api.importTable(readFileSync(join(importDir, 'legacy_word.doc')), { fileName: '目录.doc' }));
    assert.equal(doc.code, 'unsupported_format', doc.message);
    assert.match(doc.message, /\.docx/);
    const pdf = thrown(() => api.validate(readFileSync(join(importDir, 'scanned.pdf')), { fileName: '目录.pdf' }));
    assert.equal(pdf.code, 'unsupported_format', pdf.message);
  });

  t('the format comes from the name, else from the content', () => {
    const csv = readFileSync(join(corpusDir, '01-fsxf-municipal.csv'));
    const named = api.importTable(csv, { fileName: 'x.csv' });
    assert.deepEqual(api.importTable(csv, { fileName: 'x.txt' }).catalogue.items, named.catalogue.items);
    assert.deepEqual(api.importTable(csv).catalogue.items, named.catalogue.items, 'sniffed as CSV');
    assert.deepEqual(api.importTable(workbook).catalogue.items.length, 2, 'sniffed as XLSX (PK)');
    assert.deepEqual(api.importTable(new TextDecoder().decode(csv), { fileName: 'x.csv' }).catalogue.items, named.catalogue.items, 'text');
    // JSON bytes with a JSON name: validate reads them as it does without a name.
    const json = readFileSync(join(root, 'examples', 'wuzhi-municipal.json'));
    assert.deepEqual(api.validate(json, { fileName: 'catalogue.json' }), api.validate(json));
  });

  t('a file that is not a readable table throws a coded error; the module stays usable', () => {
    const reloads = api.__testing.reloads();
    const csv = readFileSync(join(corpusDir, '01-fsxf-municipal.csv'));
    const cases = [
      [() => api.importTable(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), { fileName: '目录.xls' }), 'unsupported_format', /xlsx/],
      [() => api.validate(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]), { fileName: '目录.xls' }), 'unsupported_format', /xlsx/],
      [() => api.importTable(workbook.slice(0, 200), { fileName: 'a.xlsx' }), 'import', /XLSX/],
      [() => api.importTable(workbook, { fileName: 'a.xlsx', sheet: '其他' }), 'import', /市政服务/],
      [() => api.importTable('a,b\n1,2\n', { fileName: 'a.csv' }), 'import', /表头/],
      [() => api.importTable('<table><tr><td>x</td></tr></table>', { fileName: 'a.html' }), 'import', /表头/],
      [() => api.importTable('{"title": "x"}'), 'invalid_argument', /validate/],
      [() => api.importTable({ title: 'x' }, { fileName: 'a.csv' }), 'invalid_argument', /Uint8Array/],
      [() => api.validate({ title: 'x' }, { fileName: 'a.csv' }), 'invalid_argument', /Uint8Array/],
      [() => api.importTable(csv, { fileName: 7 }), 'invalid_argument', /fileName/],
      [() => api.importTable(csv, { filename: 'a.csv' }), 'invalid_argument', /filename/],
      [() => api.validateItem({ id: '1' }, { fileName: 'a.csv' }), 'invalid_argument', /fileName/],
      [() => api.importTable(undefined), 'invalid_argument', /input/],
    ];
    for (const [fn, code, message] of cases) {
      const e = thrown(fn);
      assert.equal(e.code, code, `${fn}: ${e.message}`);
      assert.match(e.message, message);
      assert.match(e.message, /[\u4e00-\u9fff]/, 'in Chinese');
      assert.equal(api.importTable(csv, { fileName: 'x.csv' }).catalogue.items.length, 2, 'the next call works');
    }
    assert.equal(api.__testing.reloads(), reloads, 'no error was a trap');
  });
}
