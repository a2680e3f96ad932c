// The module never panics: thousands of broken inputs (truncated and corrupted text, random
// bytes, values of the wrong type at every place, deep nesting) give a report or an Error with a
// known code, and no instance is ever replaced. Table import runs against gongkai-wasm/tables,
// the rest against the default build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadBuilds, loadTableBuilds } from './helpers.mjs';

const builds = await loadBuilds();
const tableBuilds = await loadTableBuilds();
const good = JSON.parse(readFileSync(new URL('../../tests/cases/wasm/form_row_valid.json', import.meta.url), 'utf8')).catalogue;
const goodText = JSON.stringify(good);
const KNOWN = new Set(['json', 'not_a_catalogue', 'too_large', 'invalid_argument']);

function rng(seed) {
  let s = seed;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}
const r = rng(20240301);
const int = (n) => Math.floor(r() * n);
const nested = (depth, leaf) => (depth === 0 ? leaf : r() < 0.5 ? [nested(depth - 1, leaf)] : { k: nested(depth - 1, leaf) });
const ODD = [null, true, 0, -1, 1.5, 1e308, -0, '', ' ', '\u0000', '\uFEFF', 'x'.repeat(5000), '公开'.repeat(300), [], [null], {}, { '': 1 }, { '/~': [] }, 2 ** 53, '2024-02-30', ['gov_website', 'gov_website'], nested(40, 1), nested(300, 'deep')];

/** Every JSON Pointer of a document. */
function pointers(v, p = '', out = []) {
  out.push(p);
  if (v && typeof v === 'object') for (const k of Object.keys(v)) pointers(v[k], `${p}/${k}`, out);
  return out;
}
function replaced(doc, pointer, value) {
  const copy = structuredClone(doc);
  if (pointer === '') return value;
  const keys = pointer.split('/').slice(1);
  let t = copy;
  for (const k of keys.slice(0, -1)) t = t[k];
  // An own property even for `__proto__` (what JSON.parse would make of it).
  Object.defineProperty(t, keys[keys.length - 1], { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function inputs() {
  const out = [];
  for (let cut = 0; cut < goodText.length; cut += 7) out.push(goodText.slice(0, cut));
  const bytes = new TextEncoder().encode(goodText);
  for (let n = 0; n < 300; n++) {
    const b = bytes.slice();
    for (let k = 0; k < 1 + int(4); k++) b[int(b.length)] = int(256);
    out.push(b);
  }
  for (let n = 0; n < 100; n++) out.push(Uint8Array.from({ length: int(64) }, () => int(256)));
  const ps = pointers(good);
  for (const p of ps) out.push(replaced(good, p, ODD[int(ODD.length)]));
  for (let n = 0; n < 300; n++) out.push(replaced(good, ps[int(ps.length)], ODD[int(ODD.length)]));
  for (let n = 0; n < 100; n++) {
    const p = ps[1 + int(ps.length - 1)];
    const keys = p.split('/');
    keys[keys.length - 1] = ['chanels', 'items', '', '~1', '0', 'kind', '__proto__'][int(7)];
    out.push(replaced(good, keys.join('/'), ODD[int(ODD.length)]));
  }
  out.push(JSON.stringify(nested(200, 1)), '['.repeat(100000), '{"a":'.repeat(50000), '"\\ud800"', '{"title": "\\udc00"}');
  return out;
}

const ALL = inputs();

for (const [build, api] of Object.entries(builds)) {
  test(`${build}: broken input gives a report or a known error, never a panic`, () => {
    const reloads = api.__testing.reloads();
    let reports = 0;
    let errors = 0;
    for (const input of ALL) {
      const calls = [() => api.validate(input)];
      if (input && typeof input === 'object' && !(input instanceof Uint8Array) && Array.isArray(input.items)) {
        input.items.slice(0, 2).forEach((item, index) => {
          calls.push(() => api.validateItem(item, { index, header: input }));
          calls.push(() => api.validateItem(item, { index }));
        });
      }
      if (typeof input === 'string') calls.push(() => api.validateItem(input, { index: 1 }));
      for (const call of calls) {
        try {
          const report = call();
          assert.equal(typeof report.valid, 'boolean');
          assert.equal(report.valid, report.counts.error === 0);
          reports += 1;
        } catch (e) {
          assert.ok(e instanceof Error && KNOWN.has(e.code), `unexpected ${e?.code}: ${e?.message}`);
          errors += 1;
        }
      }
    }
    assert.equal(api.__testing.reloads(), reloads, 'no trap');
    assert.ok(reports > 500 && errors > 100, `${ALL.length} inputs: ${reports} reports, ${errors} errors`);
  });
}

// The calendar, deadline, audit, diff and table functions: the same promise.
const MORE_KNOWN = new Set([...KNOWN, 'calendar', 'import', 'unsupported_format']);
const read = (p) => readFileSync(new URL(`../../${p}`, import.meta.url));
const auditCatalogue = JSON.parse(read('tests/audit/catalogue.json'));
const recordsCsv = read('tests/audit/records.csv').toString('utf8');
const recordsJson = JSON.parse(read('tests/audit/records.json'));
const corpusCsv = read('tests/corpus/03-lchdgas-gas-enterprise.csv');
const corpusHtml = read('tests/corpus/03-lchdgas-gas-enterprise.html');
const { xlsx } = await import('./xlsx.mjs');
const workbook = xlsx('表', [
  ['序号', '公开事项', '', '公开内容', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', '', '公开方式', '', '公开层级', ''],
  ['', '一级事项', '二级事项', '', '', '', '', '', '全社会', '特定群体', '主动', '依申请', '县级', '乡级'],
  ['1', '城镇燃气管理', '燃气经营许可证核发', '申请条件', '《城镇燃气管理条例》', '20个工作日', '县城管局', '■政府网站', '√', '', '√', '', '√', ''],
], ['B1:C1', 'I1:J1', 'K1:L1', 'M1:N1']);
const DATES = ['2024-09-25', '2024-02-30', '2027-01-04', '2006-12-31', '2026-12-31', '0000-01-01', '9999-12-31', '+275760-09-13', '2024-09-25T24:00', '2024-09-25T08:30', '2024-09-25 8:5', '2024-9-5', '', 'T', ' ', '2024-09-25T08:30:00.123', 20240925, null, undefined, {}, []];
const LIMITS = [
  { kind: 'working_days', days: 20, from: 'formed_or_changed' },
  { kind: 'calendar_days', days: 7, from: 'decided' },
  { kind: 'hours_before', hours: 24 },
  { kind: 'annual_by', month: 1, day: 31 },
  { kind: 'realtime' },
  { kind: 'unparsed', text: 'x' },
  '自信息形成或者变更之日起20个工作日内',
  '',
];

function corrupt(bytes, n) {
  const b = Uint8Array.from(bytes);
  for (let k = 0; k < n; k++) b[int(b.length)] = int(256);
  return b;
}

function moreCalls(api) {
  const calls = [];
  for (let n = 0; n < 300; n++) {
    let limit = LIMITS[int(LIMITS.length)];
    if (typeof limit === 'object' && r() < 0.6) {
      const keys = ['kind', 'days', 'hours', 'month', 'day', 'from', 'text', 'event'];
      limit = { ...limit, [keys[int(keys.length)]]: r() < 0.5 ? ODD[int(ODD.length)] : [2 ** 32, -1, 1e9, 0, 99, 2 ** 31][int(6)] };
    }
    const start = DATES[int(DATES.length)];
    const options = [undefined, { extension: [0, 20, 21, -1, 1e12, 0.5, '1'][int(7)] }, ODD[int(ODD.length)]][int(3)];
    calls.push(() => api.deadline(limit, start, options));
    calls.push(() => api.isWorkingDay(DATES[int(DATES.length)]));
    calls.push(() => api.addWorkingDays(DATES[int(DATES.length)], [0, 1, 20, 1e6, 4294967295, -1, 0.5][int(7)]));
    calls.push(() => api.workingDaysBetween(DATES[int(DATES.length)], DATES[int(DATES.length)]));
  }
  // audit and diff: the tables build only.
  if (typeof api.audit !== 'function') return calls;
  for (let cut = 0; cut < recordsCsv.length; cut += 23) calls.push(() => api.audit(auditCatalogue, recordsCsv.slice(0, cut), { today: '2024-12-31' }));
  for (let n = 0; n < 100; n++) {
    calls.push(() => api.audit(auditCatalogue, corrupt(new TextEncoder().encode(recordsCsv), 1 + int(5)), { today: '2024-12-31' }));
    const records = structuredClone(recordsJson);
    const rec = records[int(records.length)];
    const keys = ['item_id', 'formed_on', 'published_on', 'request_received', 'extended', 'event_at', 'note', '__proto__', ''];
    Object.defineProperty(rec, keys[int(keys.length)], { value: r() < 0.5 ? ODD[int(ODD.length)] : DATES[int(DATES.length)], enumerable: true, writable: true, configurable: true });
    calls.push(() => api.audit(auditCatalogue, records, r() < 0.5 ? { today: '2024-12-31' } : undefined));
    const ps = pointers(auditCatalogue);
    calls.push(() => api.audit(replaced(auditCatalogue, ps[int(ps.length)], ODD[int(ODD.length)]), recordsJson));
  }
  const ps = pointers(good);
  for (let n = 0; n < 150; n++) {
    const local = replaced(good, ps[int(ps.length)], ODD[int(ODD.length)]);
    calls.push(() => api.diff('municipal_services', local));
    calls.push(() => api.diff(local, good, { consistency: true }));
    calls.push(() => api.diff(ODD[int(ODD.length)], good));
  }
  return calls;
}

function tableCalls(api) {
  const calls = [];
  for (let n = 0; n < 60; n++) {
    for (const [bytes, name] of [[corpusCsv, 'a.csv'], [corpusHtml, 'a.html'], [workbook, 'a.xlsx']]) {
      calls.push(() => api.importTable(corrupt(bytes, 1 + int(8)), { fileName: name }));
      calls.push(() => api.importTable(bytes.slice(0, int(bytes.length)), { fileName: name }));
      calls.push(() => api.validate(corrupt(bytes, 1 + int(3)), { fileName: name }));
    }
    calls.push(() => api.importTable(Uint8Array.from({ length: int(200) }, () => int(256)), { fileName: ['a.csv', 'a.xlsx', 'a.html', 'a'][int(4)] }));
  }
  return calls;
}

const suites = [
  ...Object.entries(builds).map(([build, api]) => [build, api, 'calendar, deadline', moreCalls, ['invalid_argument', 'calendar'], 30]),
  ...Object.entries(tableBuilds).map(([build, api]) => [build, api, 'calendar, deadline, audit, diff', moreCalls, ['invalid_argument', 'calendar', 'json'], 200]),
  ...Object.entries(tableBuilds).map(([build, api]) => [build, api, 'tables', tableCalls, ['import'], 100]),
];
for (const [build, api, what, makeCalls, expectedCodes, least] of suites) {
  test(`${build}: ${what}: a result or a known error, never a panic`, () => {
    const reloads = api.__testing.reloads();
    let results = 0;
    const errors = new Map();
    for (const call of makeCalls(api)) {
      try {
        const out = call();
        assert.ok(out !== undefined);
        results += 1;
      } catch (e) {
        assert.ok(e instanceof Error && MORE_KNOWN.has(e.code), `unexpected ${e?.code}: ${e?.message} in ${call}`);
        errors.set(e.code, (errors.get(e.code) ?? 0) + 1);
      }
    }
    assert.equal(api.__testing.reloads(), reloads, 'no trap');
    assert.ok(results > least, `${results} results, errors ${JSON.stringify([...errors])}`);
    for (const code of expectedCodes) assert.ok(errors.get(code) > 0, `some ${code} errors: ${JSON.stringify([...errors])}`);
  });
}
