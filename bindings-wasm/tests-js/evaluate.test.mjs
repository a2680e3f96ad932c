// evaluate(units, options) and evaluationHtml(report) (issue 19, the 监督评价): the example
// units of examples/evaluation/ given in memory (bytes of JSON, CSV, XLSX and HTML files, with
// their records and parents) give what tests/evaluate/example.expected.json says (the same
// projection core/tests/evaluate.rs and the Python tests compare); catalogues as objects; units
// that cannot be read are listed; bad arguments throw. Both functions are in the tables build
// (gongkai-wasm/tables) only: the default entries lack them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBuilds, loadTableBuilds, readRepo, root, thrown } from './helpers.mjs';

const builds = await loadBuilds();
const tableBuilds = await loadTableBuilds();
const example = join(root, 'examples', 'evaluation');
const shared = JSON.parse(readRepo('tests', 'evaluate', 'example.expected.json'));

/** The projection every language compares (see core/tests/evaluate.rs `projection`). */
function projection(report) {
  return {
    units: report.units.map((u) => ({
      unit: u.unit,
      rank: u.rank,
      score: u.score,
      items: u.items,
      parent: u.parent,
      deductions: u.deductions.map((d) => ({ class: d.class, count: d.count, points: d.points })),
      codes: u.problems.map((p) => p.code).sort(),
    })),
    summary: {
      units: report.summary.units,
      evaluated: report.summary.evaluated,
      mean_score: report.summary.mean_score,
      overdue_now: report.summary.overdue_now,
    },
  };
}

/** The example's manifest (a plain CSV: no quotes) as units with the files' bytes. */
function exampleUnits() {
  const [header, ...rows] = readFileSync(join(example, 'units.csv'), 'utf8').trim().split(/\r?\n/);
  assert.deepEqual(header.split(','), ['unit', 'catalogue', 'records', 'parent']);
  return rows.map((line) => {
    const [unit, catalogue, records, parent] = line.split(',');
    const u = { unit, catalogue: new Uint8Array(readFileSync(join(example, catalogue))), fileName: catalogue };
    if (records) {
      u.records = new Uint8Array(readFileSync(join(example, records)));
      u.recordsFileName = records;
    }
    if (parent) u.parent = parent;
    return u;
  });
}

for (const [name, api] of Object.entries(tableBuilds)) {
  test(`${name}: the example in memory gives the shared expectation`, () => {
    const report = api.evaluate(exampleUnits(), { today: shared.run.today });
    assert.deepEqual(projection(report), shared.expected);
    // Cells of tables survive the trip through memory.
    const centre = report.units.find((u) => u.unit === '市政公用事业服务中心');
    const weakened = centre.problems.find((p) => p.code === 'diff.weakened_time_limit');
    assert.equal(weakened.cell, '标准目录!F4');
    assert.equal(centre.file, '03-武陟县市政公用事业服务中心.xlsx');
    // Every deduction names the findings behind it.
    for (const u of report.units) {
      for (const d of u.deductions) assert.equal(d.evidence.length, d.count, `${u.unit} ${d.class}`);
    }
  });

  test(`${name}: the 通报 of the report`, () => {
    const report = api.evaluate(exampleUnits(), { today: shared.run.today, title: '测试通报' });
    const html = api.evaluationHtml(report);
    assert.match(html, /^<!DOCTYPE html>/);
    assert.ok(html.includes('测试通报'));
    assert.ok(!html.includes('<script'), 'no script');
    assert.ok((html.match(/<svg/g) ?? []).length >= 4, 'the four charts');
    for (const u of report.units) assert.ok(html.includes(u.unit), u.unit);
    // The JSON text of the report gives the same page.
    assert.equal(api.evaluationHtml(JSON.stringify(report)), html);
    assert.equal(thrown(() => api.evaluationHtml({ units: 1 })).code, 'invalid_argument');
  });
}

const wuzhi = JSON.parse(readRepo('examples', 'wuzhi-municipal.json'));
const bureauRecords = readRepo('examples', 'evaluation', 'records', '01-武陟县城市管理局.csv');

for (const [name, api] of Object.entries(builds)) {
  test(`${name}: the default build leaves evaluate and evaluationHtml to gongkai-wasm/tables`, () => {
    assert.equal('evaluate' in api, false);
    assert.equal('evaluationHtml' in api, false);
  });
}

for (const [name, api] of Object.entries(tableBuilds)) {
  test(`${name}: catalogues as objects, records as text or objects, parents`, () => {
    const report = api.evaluate(
      [
        { unit: '局', catalogue: wuzhi, records: bureauRecords },
        { unit: '队', catalogue: JSON.stringify(wuzhi), parent: '局' },
        { unit: '坏', catalogue: '{', fileName: 'c.json' },
        { unit: '局', catalogue: wuzhi },
      ],
      { today: '2026-04-10' },
    );
    assert.equal(report.units.length, 4);
    assert.deepEqual(report.issues.map((i) => i.code), ['evaluate.duplicate_unit']);
    const bureau = report.units.find((u) => u.unit === '局');
    assert.equal(bureau.rank, 1);
    assert.equal(bureau.file, '局.json');
    assert.ok(bureau.publication.on_time_rate > 0);
    assert.equal(report.units.find((u) => u.unit === '队').consistency.parent, '局');
    const bad = report.units.find((u) => u.unit === '坏');
    assert.equal(bad.error.code, 'json');
    assert.equal(bad.rank, null);
    assert.equal(bad.file, 'c.json');
    assert.equal(report.summary.unreadable, 1);
    // The same records as objects (the JSON form `audit` takes) give the same figures as their
    // CSV text (the records with a formed_on: an empty cell is not a missing key).
    const [head, ...lines] = bureauRecords.trim().split(/\r?\n/);
    const keys = head.split(',');
    const kept = lines.filter((l) => l.split(',')[1] !== '');
    assert.ok(kept.length > 10 && kept.length < lines.length);
    const objects = kept.map((l) => Object.fromEntries(l.split(',').map((v, i) => [keys[i], v]).filter(([, v]) => v !== '')));
    const asText = api.evaluate([{ unit: '局', catalogue: wuzhi, records: [head, ...kept].join('\n') }], { today: '2026-04-10' });
    const asObjects = api.evaluate([{ unit: '局', catalogue: wuzhi, records: objects }], { today: '2026-04-10' });
    assert.equal(asText.units[0].publication.records, kept.length);
    assert.deepEqual(asObjects.units[0].publication, asText.units[0].publication);
    assert.equal(asObjects.units[0].records_file, '局.json');
    assert.equal(asText.units[0].records_file, '局.csv');
  });

  test(`${name}: a scoring table and the language`, () => {
    const units = () => [{ unit: '局', catalogue: wuzhi, records: bureauRecords }];
    const free = api.evaluate(units(), { scoring: { classes: { unpublished_items: { points: 0 } } } });
    const base = api.evaluate(units());
    assert.ok(free.units[0].score >= base.units[0].score);
    const en = api.evaluate([{ unit: 'x', catalogue: '{' }], { lang: 'en' });
    assert.equal(en.title, 'Disclosure evaluation report');
    assert.match(en.units[0].error.message, /[A-Za-z]/);
  });

  test(`${name}: bad arguments throw invalid_argument`, () => {
    const one = [{ unit: '局', catalogue: wuzhi }];
    const cases = [
      () => api.evaluate([]),
      () => api.evaluate('not units'),
      () => api.evaluate([{ catalogue: wuzhi }]),
      () => api.evaluate([{ unit: '局' }]),
      () => api.evaluate([{ unit: '局', catalogue: wuzhi, colour: 'red' }]),
      () => api.evaluate([42]),
      () => api.evaluate(one, { today: '2026-13-01' }),
      () => api.evaluate(one, { colour: 'red' }),
      () => api.evaluate(one, { reference: 'no_such_standard' }),
      () => api.evaluate(one, { scoring: { classes: { missing_items: { points: -1 } } } }),
      () => api.evaluate(one, { scoring: { classes: { typo: { points: 1 } } } }),
      () => api.evaluate([{ unit: '局', catalogue: wuzhi, recordsFileName: 'r.csv' }]),
    ];
    for (const [i, f] of cases.entries()) {
      const e = thrown(f);
      assert.equal(e.code, 'invalid_argument', `case ${i}: ${e.message}`);
      assert.ok(/[\u4e00-\u9fff]/.test(e.message), `case ${i}: a Chinese message: ${e.message}`);
    }
    assert.match(thrown(cases[9]).message, /不能为负数/);
    assert.match(thrown(cases[10]).message, /typo/);
  });
}
