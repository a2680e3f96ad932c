// Working days, deadlines, the timeliness audit and the diff against the standard, on both
// builds: known dates, coded errors, and the shared fixtures tests/audit/ and tests/diff/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBuilds, root } from './helpers.mjs';

const builds = await loadBuilds();
const read = (...p) => readFileSync(join(root, ...p), 'utf8');
const auditDir = ['tests', 'audit'];
const auditExpected = JSON.parse(read(...auditDir, 'expected.json'));
const auditCatalogue = read(...auditDir, auditExpected.catalogue);

/** Calls `fn` and returns the `code` of what it threw (fails when it does not throw). */
function thrownCode(fn) {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof Error, 'an Error is thrown');
    return e.code;
  }
  assert.fail('expected a throw');
}

/** The (code, severity, row, column[, line]) multiset of audit issues. */
function issueKeys(issues, withLine) {
  return issues
    .map((i) => JSON.stringify([i.code, i.severity, i.row, i.column, withLine ? (i.csv_line ?? i.line) : null]))
    .sort();
}

for (const [build, api] of Object.entries(builds)) {
  const t = (name, fn) => test(`${build}: ${name}`, fn);

  t('working days: known dates of the holiday schedule', () => {
    assert.equal(api.isWorkingDay('2024-02-04'), true, 'Sunday 2024-02-04 was a working day (春节调休)');
    assert.equal(api.isWorkingDay('2024-10-01'), false, 'National Day');
    assert.equal(api.isWorkingDay('2024-10-08'), true);
    assert.equal(api.addWorkingDays('2024-09-25', 20), '2024-10-28');
    assert.equal(api.addWorkingDays('2024-09-25', 0), '2024-09-25');
    assert.equal(api.workingDaysBetween('2024-09-25', '2024-10-28'), 20);
    assert.equal(api.workingDaysBetween('2024-10-28', '2024-09-25'), -20);
  });

  t('working days: bad arguments throw invalid_argument, an uncovered year calendar', () => {
    for (const bad of ['2024-02-30', '2024/02/04', '', 'tomorrow', 20240204, undefined, null]) {
      assert.equal(thrownCode(() => api.isWorkingDay(bad)), 'invalid_argument', String(bad));
    }
    for (const n of [-1, 1.5, NaN, '20', undefined]) {
      assert.equal(thrownCode(() => api.addWorkingDays('2024-09-25', n)), 'invalid_argument', String(n));
    }
    assert.equal(thrownCode(() => api.workingDaysBetween('2024-09-25', 'x')), 'invalid_argument');
    for (const fn of [
      () => api.isWorkingDay('2027-03-01'),
      () => api.addWorkingDays('2027-03-01', 1),
      () => api.workingDaysBetween('2026-06-01', '2027-03-01'),
      () => api.deadline({ kind: 'working_days', days: 20, from: 'formed_or_changed' }, '2027-03-01'),
    ]) {
      try {
        fn();
        assert.fail('expected a calendar error');
      } catch (e) {
        assert.equal(e.code, 'calendar');
        assert.match(e.message, /2027/, 'the error names the year');
      }
    }
    // The module is still usable after the errors.
    assert.equal(api.isWorkingDay('2024-02-04'), true);
  });

  t('deadline: objects, text, extension and no-deadline reasons', () => {
    const limit = { kind: 'working_days', days: 20, from: 'formed_or_changed' };
    const d = api.deadline(limit, '2024-09-25');
    assert.equal(Object.getPrototypeOf(d), Object.prototype);
    assert.equal(d.kind, 'working_days');
    assert.equal(d.start, '2024-09-25');
    assert.equal(d.date, '2024-10-28');
    assert.equal(d.working_days, 20);
    assert.equal(d.extension_days, 0);
    assert.equal(d.reason, null);
    const request = { kind: 'working_days', days: 20, from: 'request_received' };
    const ext = api.deadline(request, '2024-09-25', { extension: 20 });
    assert.equal(ext.date, '2024-11-25');
    assert.equal(ext.extension_days, 20);
    assert.equal(thrownCode(() => api.deadline(request, '2024-09-25', { extension: 21 })), 'invalid_argument');
    assert.equal(thrownCode(() => api.deadline(limit, '2024-09-25', { extended: true })), 'invalid_argument');
    const promptly = api.deadline({ kind: 'promptly' }, '2024-09-25');
    assert.equal(promptly.date, null);
    assert.equal(promptly.reason.code, 'no_deadline.promptly');
    assert.match(promptly.reason.message_zh, /[\u4e00-\u9fff]/);
    // Text goes through the core's parser of 公开时限 cells; whatever it makes of it, the
    // answer equals the one for the parsed object with the same text.
    const text = api.deadline('信息形成或者变更之日起20个工作日内', '2024-09-25');
    assert.equal(text.start, '2024-09-25');
    assert.equal(typeof text.kind, 'string');
    if (text.date === null) assert.equal(typeof text.reason.code, 'string');
    assert.equal(thrownCode(() => api.deadline(42, '2024-09-25')), 'invalid_argument');
    assert.equal(thrownCode(() => api.deadline({ kind: 'fortnightly' }, '2024-09-25')), 'invalid_argument');
    assert.equal(thrownCode(() => api.deadline(limit, '2024-13-01')), 'invalid_argument');
  });

  for (const c of auditExpected.cases) {
    for (const file of c.records) {
      const text = read(...auditDir, file);
      const isCsv = file.endsWith('.csv');
      const inputs = isCsv ? { text } : { text, objects: JSON.parse(text) };
      for (const [how, records] of Object.entries(inputs)) {
        t(`audit fixture ${file} (${how})`, () => {
          const r = api.audit(auditCatalogue, records, { today: auditExpected.today });
          assert.equal(r.today, auditExpected.today);
          assert.equal(r.rows.length, c.rows.length);
          for (const want of c.rows) {
            const got = r.rows.find((row) => row.row === want.row);
            assert.ok(got, `row ${want.row}`);
            for (const [k, v] of Object.entries(want)) {
              if (k === 'csv_line') assert.equal(got.line, isCsv ? v : null, `row ${want.row} line`);
              else assert.deepEqual(got[k], v, `row ${want.row} ${k}`);
            }
          }
          assert.deepEqual(issueKeys(r.issues, isCsv), issueKeys(c.issues, isCsv));
          for (const i of r.issues) assert.match(i.message, /[\u4e00-\u9fff]/, 'Chinese by default');
          for (const [k, v] of Object.entries(c.summary.overall)) {
            assert.deepEqual(r.summary.overall[k], v, `overall ${k}`);
          }
          for (const want of c.summary.by_category ?? []) {
            const got = r.summary.by_category.find((x) => x.category === want.category);
            assert.ok(got, want.category);
            for (const [k, v] of Object.entries(want)) assert.deepEqual(got[k], v, `${want.category} ${k}`);
          }
          for (const [id, n] of Object.entries(c.summary.by_item_records ?? {})) {
            assert.equal(r.summary.by_item.find((x) => x.item_id === id)?.records, n, `item ${id}`);
          }
          if (c.without_today) {
            const none = api.audit(JSON.parse(auditCatalogue), records);
            assert.equal(none.today, null);
            for (const row of none.rows) {
              const changed = c.without_today.status_by_row[String(row.row)];
              const before = r.rows.find((x) => x.row === row.row).status;
              assert.equal(row.status, changed ?? before, `row ${row.row} without today`);
            }
          }
        });
      }
    }
  }

  t('audit: lang en, bad options, unreadable input', () => {
    const records = read(...auditDir, 'records-missing-column.csv');
    const en = api.audit(auditCatalogue, records, { lang: 'en' });
    assert.ok(en.issues.length > 0);
    for (const i of en.issues) assert.match(i.message, /[a-z]{3,} [a-z]{2,}/, i.message);
    assert.equal(thrownCode(() => api.audit(auditCatalogue, records, { today: '2024-02-30' })), 'invalid_argument');
    assert.equal(thrownCode(() => api.audit(auditCatalogue, records, { when: 'now' })), 'invalid_argument');
    assert.equal(thrownCode(() => api.audit('{"items": ', records)), 'json');
    assert.equal(thrownCode(() => api.audit(auditCatalogue, '[{"item_id": ')), 'json');
    assert.equal(thrownCode(() => api.audit(auditCatalogue, undefined)), 'invalid_argument');
  });

  t('diff: the example catalogue keeps all 8 items of municipal_services', () => {
    const local = read('examples', 'wuzhi-municipal.json');
    for (const input of [local, JSON.parse(local)]) {
      const r = api.diff('municipal_services', input);
      assert.equal(r.mode, 'diff');
      assert.equal(r.valid, true);
      assert.equal(r.coverage.reference_items, 8);
      assert.equal(r.coverage.matched, 8);
      assert.equal(r.matches.length, 8);
      assert.equal(Object.getPrototypeOf(r.coverage), Object.prototype);
    }
  });

  const diffCase = JSON.parse(read('tests', 'diff', 'missing.expected.json'));
  t(`diff fixture missing (${diffCase.reference} vs ${diffCase.local})`, () => {
    const local = read('tests', 'diff', diffCase.local);
    const keys = (fs) => fs.map((f) => `${f.code} ${f.reference_path} ${f.local_path}`).sort();
    const r = api.diff(diffCase.reference, local, diffCase.options);
    assert.equal(r.valid, diffCase.expected.valid);
    for (const [k, v] of Object.entries(diffCase.expected.coverage)) assert.equal(r.coverage[k], v, `coverage ${k}`);
    assert.deepEqual(keys(r.findings), keys(diffCase.expected.findings));
    for (const f of r.findings) assert.match(f.message, /[\u4e00-\u9fff]/);
    // The same with the reference given as a catalogue, and in English.
    const en = api.diff(read('core', 'reference', 'municipal_services.json'), local, { lang: 'en' });
    assert.deepEqual(keys(en.findings), keys(r.findings));
    assert.notEqual(en.findings[0].message, r.findings[0].message);
  });

  t('diff: consistency mode, bad references and options', () => {
    const county = read('tests', 'diff', 'consistency-county.json');
    const village = read('tests', 'diff', 'consistency-village.json');
    const want = JSON.parse(read('tests', 'diff', 'consistency-village.expected.json'));
    const r = api.diff(county, village, { consistency: true });
    assert.equal(r.mode, 'consistency');
    assert.equal(r.valid, want.expected.valid);
    assert.equal(thrownCode(() => api.diff('national_everything', village)), 'invalid_argument');
    assert.equal(thrownCode(() => api.diff('municipal_services', village, { consistency: 'yes' })), 'invalid_argument');
    assert.equal(thrownCode(() => api.diff('municipal_services', '{')), 'json');
  });
}
