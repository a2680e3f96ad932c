// The timeliness audit (按时公开审计, issue 6) on the tables build (gongkai-wasm/tables, Node and
// web glue; the default build leaves it out for its size), on the shared fixture tests/audit/
// (also read by core/tests/audit.rs and the CLI tests): the same outcome per record, the same
// issues, the same tallies and 按时公开率, whatever form the records take.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBuilds, loadTableBuilds, readRepo, resultSchema, thrown } from './helpers.mjs';

const builds = await loadTableBuilds();
const conforms = await resultSchema('audit-report.schema.json');
const dir = ['tests', 'audit'];
const expected = JSON.parse(readRepo(...dir, 'expected.json'));
const catalogueText = readRepo(...dir, expected.catalogue);
const STATUSES = ['on_time', 'late', 'overdue', 'pending', 'unpublished', 'not_applicable', 'invalid'];

/** The (code, severity, row, column[, CSV line]) multiset of audit issues. */
function issueKeys(issues, withLine) {
  return issues.map((i) => JSON.stringify([i.code, i.severity, i.row, i.column, withLine ? (i.csv_line ?? i.line) : null])).sort();
}

/** The records of a fixture file in each form the API takes. */
function recordForms(file) {
  const text = readRepo(...dir, file);
  const forms = { text, bytes: new TextEncoder().encode(text) };
  if (file.endsWith('.json')) {
    forms.objects = JSON.parse(text);
    forms.wrapped = { records: JSON.parse(text) };
  }
  return forms;
}

for (const [build, api] of Object.entries(await loadBuilds())) {
  test(`${build}: the default build leaves audit to gongkai-wasm/tables`, () => {
    assert.equal('audit' in api, false);
  });
}

for (const [build, api] of Object.entries(builds)) {
  const t = (name, fn) => test(`${build}: ${name}`, fn);
  const audit = (...args) => {
    const r = api.audit(...args);
    conforms(r, 'audit report');
    return r;
  };

  for (const c of expected.cases) {
    for (const file of c.records) {
      const isCsv = file.endsWith('.csv');
      const caseCatalogue = c.catalogue ? readRepo(...dir, c.catalogue) : catalogueText;
      for (const [how, records] of Object.entries(recordForms(file))) {
        t(`audit fixture ${file} (${how}): outcome per record, issues, tallies`, () => {
          const r = audit(caseCatalogue, records, { today: expected.today });
          assert.equal(Object.getPrototypeOf(r), Object.prototype);
          assert.equal(r.today, expected.today);
          assert.deepEqual(
            r.rows.map((row) => row.row),
            c.rows.map((row) => row.row),
          );
          for (const want of c.rows) {
            const got = r.rows.find((row) => row.row === want.row);
            for (const [k, v] of Object.entries(want)) {
              if (k === 'csv_line') assert.equal(got.line, isCsv ? v : null, `row ${want.row} line`);
              else assert.deepEqual(got[k], v, `row ${want.row} ${k}`);
            }
          }
          assert.deepEqual(issueKeys(r.issues, isCsv), issueKeys(c.issues, isCsv));
          for (const i of r.issues) assert.match(i.message, /[\u4e00-\u9fff]/, 'Chinese by default');
          assert.deepEqual(r.summary.overall, c.summary.overall);
          for (const want of c.summary.by_category ?? []) {
            const got = r.summary.by_category.find((x) => x.category === want.category);
            assert.ok(got, want.category);
            for (const [k, v] of Object.entries(want)) assert.deepEqual(got[k], v, `${want.category} ${k}`);
          }
          for (const [id, n] of Object.entries(c.summary.by_item_records ?? {})) {
            assert.equal(r.summary.by_item.find((x) => x.item_id === id)?.records, n, `item ${id}`);
          }
          if (c.without_today) {
            const none = audit(JSON.parse(caseCatalogue), records);
            assert.equal(none.today, null);
            for (const row of none.rows) {
              const before = r.rows.find((x) => x.row === row.row).status;
              assert.equal(row.status, c.without_today.status_by_row[String(row.row)] ?? before, `row ${row.row} without today`);
            }
          }
        });
      }
    }
  }

  t('按时公开率: on time / (on time + late + overdue), overall, per 一级事项 and per item', () => {
    const r = audit(catalogueText, readRepo(...dir, 'records.csv'), { today: expected.today });
    const tally = (rows) => {
      const n = Object.fromEntries(STATUSES.map((s) => [s, rows.filter((row) => row.status === s).length]));
      const assessed = n.on_time + n.late + n.overdue;
      return { records: rows.length, ...n, assessed, on_time_rate: assessed ? n.on_time / assessed : null };
    };
    // Counted here from the rows, independently of the core's summary.
    assert.deepEqual(r.summary.overall, tally(r.rows));
    assert.equal(r.summary.overall.on_time_rate, 6 / 11);
    const categories = JSON.parse(catalogueText).items;
    for (const cat of r.summary.by_category) {
      const ids = new Set(categories.filter((it) => it.category === cat.category).map((it) => it.id));
      const { category, ...counts } = cat;
      assert.deepEqual(counts, tally(r.rows.filter((row) => ids.has(row.item_id))), category);
    }
    assert.deepEqual(
      r.summary.by_item.map((i) => i.item_id),
      categories.map((it) => it.id),
      'every catalogue item, in order',
    );
    for (const item of r.summary.by_item) {
      const { item_id, name, category, ...counts } = item;
      assert.deepEqual(counts, tally(r.rows.filter((row) => row.item_id === item_id)), item_id);
    }
  });

  t('rows are flat plain objects with ISO dates (ready for a table)', () => {
    const r = audit(catalogueText, readRepo(...dir, 'records.json'), { today: expected.today });
    for (const row of r.rows) {
      assert.equal(Object.getPrototypeOf(row), Object.prototype);
      for (const [k, v] of Object.entries(row)) {
        assert.ok(v === null || ['string', 'number', 'boolean'].includes(typeof v), `row ${row.row} ${k} is flat`);
      }
      for (const k of ['formed_on', 'published_on', 'request_received', 'deadline']) {
        if (row[k] !== null) assert.match(row[k], /^\d{4}-\d{2}-\d{2}$/, `${k} ${row[k]}`);
      }
    }
    const late = r.rows.find((row) => row.status === 'late' && row.item_id === '1');
    assert.deepEqual([late.deadline, late.published_on, late.late_by_days, late.late_by_working_days], ['2024-10-28', '2024-10-30', 2, 2]);
  });

  t('lang en; options and inputs that cannot give a report throw, and the module stays usable', () => {
    const records = readRepo(...dir, 'records-missing-column.csv');
    const en = audit(catalogueText, records, { lang: 'en' });
    assert.ok(en.issues.length > 0);
    for (const i of en.issues) assert.match(i.message, /[a-z]{3,} [a-z]{2,}/, i.message);
    const reloads = api.__testing.reloads();
    const good = () => audit(catalogueText, readRepo(...dir, 'records.csv'), { today: expected.today }).summary.overall.on_time;
    const cases = [
      [() => api.audit(catalogueText, records, { today: '2024-02-30' }), 'invalid_argument'],
      [() => api.audit(catalogueText, records, { when: 'now' }), 'invalid_argument'],
      [() => api.audit(catalogueText, records, { minSeverity: 'error' }), 'invalid_argument'],
      [() => api.audit(catalogueText, records, { lang: 'fr' }), 'invalid_argument'],
      [() => api.audit('{"items": ', records), 'json'],
      [() => api.audit('[]', records), 'not_a_catalogue'],
      [() => api.audit(catalogueText, '[{"item_id": '), 'json'],
      [() => api.audit(catalogueText, undefined), 'invalid_argument'],
      [() => api.audit(undefined, records), 'invalid_argument'],
    ];
    for (const [fn, code] of cases) {
      const e = thrown(fn);
      assert.equal(e.code, code, `${fn}: ${e.message}`);
      assert.equal(good(), 6, 'the next call works');
    }
    assert.equal(api.__testing.reloads(), reloads, 'no error was a trap');
  });

  t('bad records are issues with the record’s row, never exceptions', () => {
    const r = audit(catalogueText, [
      { item_id: '99', formed_on: '2024-03-01', published_on: '2024-03-02' },
      { item_id: '1', formed_on: '2024-03-05', published_on: '2024-03-01' },
      { item_id: '1', formed_on: '2024-02-30', published_on: '' },
      { item_id: '1', formed_on: '2024-09-25', published_on: '2024-10-28' },
    ]);
    assert.deepEqual(
      r.issues.map((i) => [i.code, i.row]),
      [
        ['record.unknown_item', 1],
        ['record.date_order', 2],
        ['record.bad_date', 3],
      ],
    );
    assert.deepEqual(
      r.rows.map((row) => row.status),
      ['invalid', 'invalid', 'invalid', 'on_time'],
    );
  });
  t('a deadline in a year without a notice is provisional, marked and warned; strict refuses it', () => {
    const records = 'item_id,formed_on,published_on\n1,2026-12-07,2027-01-06\n';
    const r = audit(catalogueText, records);
    assert.equal(r.provisional, true);
    assert.deepEqual(r.provisional_years, [2027]);
    assert.equal(r.rows[0].deadline, '2027-01-05');
    assert.equal(r.rows[0].provisional, true);
    assert.ok(r.issues.some((i) => i.code === 'calendar.provisional' && i.severity === 'warning'));
    const loaded = audit(catalogueText, records, { calendar: 'date,kind,name\n2027-01-01,off,元旦\n2027-01-04,off,元旦\n' });
    assert.equal(loaded.provisional, false);
    assert.equal(loaded.rows[0].deadline, '2027-01-06');
    assert.equal(loaded.rows[0].status, 'on_time');
    const strict = audit(catalogueText, records, { strictCalendar: true, lang: 'en' });
    assert.equal(strict.rows[0].status, 'not_applicable');
    assert.match(strict.rows[0].message, /2027.*--calendar/s);
    assert.doesNotMatch(strict.rows[0].message, /[\u4e00-\u9fff]/);
  });
}
