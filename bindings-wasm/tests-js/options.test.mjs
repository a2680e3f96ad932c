// Options objects are read into serde-derived structs: a bad option names its key, what it
// should be and what it is, in Chinese, with the core's wording; text options (lang,
// minSeverity, today, dates, the start of a deadline, reference names) are the core's parsers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadBuilds, loadTableBuilds } from './helpers.mjs';

// audit and diff: in the tables build only.
const builds = { ...(await loadBuilds()), ...(await loadTableBuilds()) };
const catalogue = readFileSync(new URL('../../examples/wuzhi-municipal.json', import.meta.url), 'utf8');
const bad = JSON.parse(readFileSync(new URL('../../tests/cases/wasm/form_row_errors.json', import.meta.url), 'utf8')).catalogue;

/** The error `fn` throws (fails when it does not throw). */
function thrown(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail('expected an error');
}

for (const [build, api] of Object.entries(builds)) {
  const t = (name, fn) => test(`${build}: ${name}`, fn);
  const tables = build.startsWith('tables/');
  assert.equal(typeof api.diff === 'function' && typeof api.audit === 'function', tables, build);
  /** The cases of audit and diff, on the build that has them. */
  const ifTables = (...cases) => (tables ? cases : []);

  t('a bad option names its key, the expected type and the value, in Chinese', () => {
    const cases = [
      [() => api.validate(catalogue, { mask: 'yes' }), 'options.mask 应为 true 或 false，实际为“yes”'],
      [() => api.validate(catalogue, { fileName: 3 }), 'options.fileName 应为字符串，实际为 3'],
      [() => api.validate(catalogue, { lang: 'fr' }), 'options.lang 应为 zh（中文）或 en（English），实际为“fr”'],
      [() => api.validate(catalogue, { minSeverity: 'fatal' }), 'options.minSeverity 应为 info（提示）、warning（警告）或 error（错误）'],
      [() => api.validate(catalogue, { today: '2024-02-30' }), 'options.today 应为 YYYY-MM-DD 格式的真实日期'],
      [() => api.validateItem({}, { index: -1 }), 'context.index 应为非负整数，实际为 -1'],
      [() => api.validateItem({}, { index: 1.5 }), 'context.index 应为非负整数，实际为 1.5'],
      ...ifTables(
        [() => api.diff('municipal_services', catalogue, { margin: 'wide' }), 'options.margin 应为数，实际为“wide”'],
        [() => api.diff('municipal_services', catalogue, { consistency: 1 }), 'options.consistency 应为 true 或 false，实际为 1'],
      ),
      [() => api.deadline('20个工作日', '2024-03-01', { extension: -3 }), 'options.extension 应为非负整数，实际为 -3'],
      [() => api.validate(catalogue, [1]), 'options 应为对象 {…}，实际为 [1]'],
      [() => api.validate(catalogue, { foo: 1 }), 'options 中有未知的键“foo”（可用：lang、minSeverity、today、mask、maxIssues、fileName、sheet、title、domain、publisher、level、issued、frontEnd、laws）'],
      ...ifTables([() => api.audit(catalogue, [], { minSeverity: 'error' }), 'options 中有未知的键“minSeverity”（可用：lang、today、calendar、strictCalendar）']),
    ];
    for (const [fn, message] of cases) {
      const e = thrown(fn);
      assert.equal(e.code, 'invalid_argument', e.message);
      assert.ok(e.message.startsWith('参数无效：'), e.message);
      assert.ok(e.message.includes(message), `${e.message} ∌ ${message}`);
    }
  });

  t('absent, undefined and null options are the defaults; valid ones reach the core', () => {
    const plain = api.validate(catalogue);
    assert.deepEqual(api.validate(catalogue, { lang: undefined, minSeverity: null, today: null }), plain);
    const errors = api.validate(bad, { lang: 'en-US', minSeverity: '错误', today: '2026-01-15' });
    const all = api.validate(bad, { lang: 'en', today: '2026-01-15' });
    assert.ok(all.issues.some((i) => i.severity !== 'error'), 'the filter has something to filter');
    assert.deepEqual(errors.issues, all.issues.filter((i) => i.severity === 'error'));
    const zh = api.validate(bad);
    assert.notDeepEqual(all.issues.map((i) => i.message), zh.issues.map((i) => i.message));
  });

  t('arguments the core parses: dates, deadline starts, reference names (also 市政服务)', () => {
    for (const [fn, message] of [
      [() => api.isWorkingDay('2024-13-01'), 'date 应为 YYYY-MM-DD 格式的真实日期（如 2024-03-01），实际为“2024-13-01”'],
      [() => api.addWorkingDays('2024-03-01', -2), 'n 应为非负整数，实际为 -2'],
      [() => api.deadline('20个工作日', '2024-03-01 25:00'), 'start 应为 YYYY-MM-DD 格式的真实日期，或带时间的'],
      ...ifTables(
        [() => api.diff('foo', catalogue), 'reference 应为内置上级标准目录名（可用：municipal_services（市政服务））'],
        [() => api.diff('municipal_services', catalogue, { threshold: 2 }), 'threshold 应为 0 到 1 之间的数，实际为 2'],
      ),
    ]) {
      const e = thrown(fn);
      assert.equal(e.code, 'invalid_argument', e.message);
      assert.ok(e.message.includes(message), `${e.message} ∌ ${message}`);
    }
    if (tables) assert.deepEqual(api.diff('市政服务', catalogue), api.diff('municipal_services', catalogue));
    assert.equal(api.deadline('停水前24小时', '2024-03-10 08:00').datetime, '2024-03-09T08:00:00');
  });
}
