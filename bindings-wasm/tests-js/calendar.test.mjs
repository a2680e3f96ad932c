// Working days and deadlines (issue 6) on both builds: the same known periods and answers as
// the Rust tests (core/tests/calendar.rs, core/tests/deadline.rs), coded errors that name the
// year, and an instance that stays usable after every error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadBuilds, resultSchema, thrown } from './helpers.mjs';

const builds = await loadBuilds();
const conformsToDeadline = await resultSchema('deadline.schema.json');

/** Every day from `a` to `b` inclusive, as `YYYY-MM-DD`. */
function days(a, b) {
  const out = [];
  for (let d = new Date(`${a}T00:00:00Z`); d <= new Date(`${b}T00:00:00Z`); d.setUTCDate(d.getUTCDate() + 1)) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
}
const weekday = (s) => new Date(`${s}T00:00:00Z`).getUTCDay(); // 0 = Sunday

for (const [build, api] of Object.entries(builds)) {
  const t = (name, fn) => test(`${build}: ${name}`, fn);
  const deadline = (...args) => {
    const d = api.deadline(...args);
    conformsToDeadline(d, `deadline(${JSON.stringify(args)})`);
    assert.equal(Object.getPrototypeOf(d), Object.prototype, 'a plain object');
    return d;
  };

  t('2020: the Spring Festival holiday extended to 2 February (COVID-19)', () => {
    // 2020-01-24..2020-02-02 were all off, the extension included.
    for (const day of days('2020-01-24', '2020-02-02')) assert.equal(api.isWorkingDay(day), false, day);
    // Saturday 2020-02-01 had been an adjusted working day before the extension: no longer.
    assert.equal(weekday('2020-02-01'), 6);
    // Sunday 2020-01-19 was worked; Thursday 01-23 and Monday 02-03 are working days.
    assert.equal(weekday('2020-01-19'), 0);
    for (const day of ['2020-01-19', '2020-01-23', '2020-02-03']) assert.equal(api.isWorkingDay(day), true, day);
    // One working day after Thursday 2020-01-23 jumps the whole block.
    assert.equal(api.addWorkingDays('2020-01-23', 1), '2020-02-03');
    assert.equal(api.workingDaysBetween('2020-01-23', '2020-02-03'), 1);
  });

  t('2024: the adjusted Sundays (调休) are working days', () => {
    for (const day of ['2024-02-04', '2024-02-18', '2024-09-29']) {
      assert.equal(weekday(day), 0, day);
      assert.equal(api.isWorkingDay(day), true, day);
    }
    assert.equal(api.isWorkingDay('2024-02-25'), false, 'an ordinary Sunday');
    assert.equal(api.isWorkingDay('2024-02-12'), false, 'a holiday Monday');
    assert.equal(api.addWorkingDays('2024-02-02', 1), '2024-02-04');
    assert.equal(api.addWorkingDays('2024-02-09', 1), '2024-02-18');
  });

  t('a deadline crossing National Day 2024', () => {
    // 9-26, 9-27, 9-29 (Sunday, worked), 9-30, [10-01..07 off], 10-08..11, 10-12 (Saturday,
    // worked), …, 10-28 is the 20th. The start day is not counted (民法典 第二百零一条).
    const start = '2024-09-25';
    assert.deepEqual(
      [0, 4, 5, 9, 20].map((n) => api.addWorkingDays(start, n)),
      ['2024-09-25', '2024-09-30', '2024-10-08', '2024-10-12', '2024-10-28'],
    );
    for (const day of days('2024-10-01', '2024-10-07')) assert.equal(api.isWorkingDay(day), false, day);
    assert.equal(api.workingDaysBetween(start, '2024-10-28'), 20);
    assert.equal(api.workingDaysBetween('2024-10-28', start), -20);
    assert.equal(api.workingDaysBetween(start, start), 0);
    for (const from of ['formed_or_changed', 'request_received', 'decided', 'unspecified']) {
      const d = deadline({ kind: 'working_days', days: 20, from }, start);
      assert.deepEqual(
        [d.kind, d.start, d.date, d.working_days, d.extension_days, d.reason],
        ['working_days', start, '2024-10-28', 20, 0, null],
        from,
      );
    }
    // Seven working days from Friday 2024-12-27 cross New Year's Day 2025.
    assert.equal(deadline({ kind: 'working_days', days: 7, from: 'decided' }, '2024-12-27').date, '2025-01-08');
  });

  t('addWorkingDays and workingDaysBetween invert each other, and land on working days', () => {
    for (const start of ['2020-01-20', '2023-09-28', '2024-02-08', '2024-09-25', '2025-04-30']) {
      for (const n of [1, 3, 10, 20, 40]) {
        const end = api.addWorkingDays(start, n);
        assert.equal(api.isWorkingDay(end), true, `${start} + ${n} = ${end}`);
        assert.equal(api.workingDaysBetween(start, end), n, `${start} + ${n}`);
      }
    }
  });

  t('the extension of 条例 第三十三条 (up to 20 more working days)', () => {
    const request = { kind: 'working_days', days: 20, from: 'request_received' };
    const full = deadline(request, '2024-09-25', { extension: 20 });
    assert.deepEqual([full.date, full.working_days, full.extension_days], ['2024-11-25', 40, 20]);
    assert.equal(api.workingDaysBetween('2024-10-28', full.date), 20);
    assert.equal(deadline(request, '2024-09-25', { extension: 10 }).date, '2024-11-11');
    assert.equal(deadline(request, '2024-09-25', { extension: 0 }).date, '2024-10-28');
    const over = thrown(() => api.deadline(request, '2024-09-25', { extension: 21 }));
    assert.equal(over.code, 'invalid_argument');
    assert.match(over.message, /20/);
    assert.equal(thrown(() => api.deadline({ kind: 'on_the_spot' }, '2024-09-25', { extension: 5 })).code, 'invalid_argument');
  });

  t('every kind of time limit', () => {
    // calendar_days: moved off a holiday to the next working day, the nominal day kept.
    const moved = deadline({ kind: 'calendar_days', days: 7, from: 'decided' }, '2024-09-24');
    assert.deepEqual([moved.nominal_date, moved.date], ['2024-10-01', '2024-10-08']);
    assert.equal(deadline({ kind: 'calendar_days', days: 3, from: 'decided' }, '2024-09-25').date, '2024-09-29');
    const kept = deadline({ kind: 'calendar_days', days: 7, from: 'decided' }, '2024-03-04');
    assert.deepEqual([kept.date, kept.nominal_date], ['2024-03-11', null]);
    // hours_before: counted back from the event; a date alone means the event starts at 00:00.
    const notice = deadline({ kind: 'hours_before', hours: 24 }, '2024-03-10');
    assert.deepEqual([notice.date, notice.datetime], ['2024-03-09', '2024-03-09T00:00:00']);
    assert.equal(deadline({ kind: 'hours_before', hours: 36 }, '2024-03-10T08:30').datetime, '2024-03-08T20:30:00');
    assert.equal(deadline({ kind: 'hours_before', hours: 36 }, '2024-03-10 08:30:15').datetime, '2024-03-08T20:30:15');
    assert.equal(deadline({ kind: 'hours_before', hours: 24 }, '2030-05-01').date, '2030-04-30', 'clock hours need no calendar');
    // annual_by: the next such date; 29 February is the 28th in a common year.
    const annual = { kind: 'annual_by', month: 1, day: 31 };
    assert.deepEqual(
      ['2024-01-05', '2024-01-31', '2024-02-01'].map((s) => deadline(annual, s).date),
      ['2024-01-31', '2024-01-31', '2025-01-31'],
    );
    assert.equal(deadline({ kind: 'annual_by', month: 2, day: 29 }, '2023-01-01').date, '2023-02-28');
    // on_the_spot and realtime: the same day, even a holiday.
    for (const kind of ['on_the_spot', 'realtime']) {
      const d = deadline({ kind }, '2024-10-01');
      assert.deepEqual([d.date, d.reason], ['2024-10-01', null], kind);
    }
  });

  t('no computable deadline is a reason, not an error', () => {
    const cases = [
      [{ kind: 'promptly' }, 'no_deadline.promptly'],
      [{ kind: 'continuous' }, 'no_deadline.continuous'],
      [{ kind: 'unparsed', text: '按有关规定' }, 'no_deadline.unparsed'],
      [{ kind: 'working_days' }, 'no_deadline.incomplete'],
      [{ kind: 'annual_by', month: 2, day: 30 }, 'no_deadline.incomplete'],
      [{ kind: 'annual_by', month: 13, day: 1 }, 'no_deadline.incomplete'],
    ];
    for (const [limit, code] of cases) {
      const d = deadline(limit, '2024-03-01');
      assert.equal(d.date, null, code);
      assert.equal(d.reason.code, code);
      assert.match(d.reason.message_zh, /[\u4e00-\u9fff]/);
      assert.match(d.reason.message_en, /[a-z]{3,} [a-z]{2,}/);
    }
    assert.match(deadline({ kind: 'unparsed', text: '按有关规定' }, '2024-03-01').reason.message_zh, /按有关规定/);
  });

  t('a 公开时限 cell as text goes through the core’s parser', () => {
    const d = deadline('自信息形成或者变更之日起20个工作日内', '2024-09-25');
    assert.deepEqual([d.kind, d.date, d.working_days], ['working_days', '2024-10-28', 20]);
    assert.equal(deadline('常态化公开', '2024-09-25').reason.code, 'no_deadline.continuous');
    assert.equal(deadline('提前24小时', '2024-03-10T08:30').datetime, '2024-03-09T08:30:00');
    assert.equal(deadline('按有关规定', '2024-09-25').reason.code, 'no_deadline.unparsed');
    // The object and the text of the same limit give the same deadline.
    assert.deepEqual(deadline('自信息形成或者变更之日起20个工作日内', '2024-12-20'), deadline({ kind: 'working_days', days: 20, from: 'formed_or_changed' }, '2024-12-20'));
  });

  t('a year the holiday table does not cover is a calendar error naming the year (strict, and bare values)', () => {
    const cases = [
      [() => api.isWorkingDay('2027-03-01'), '2027'],
      [() => api.isWorkingDay('2006-05-01'), '2006'],
      [() => api.addWorkingDays('2027-03-01', 1), '2027'],
      [() => api.addWorkingDays('2026-12-10', 20), '2027'],
      [() => api.workingDaysBetween('2026-06-01', '2027-03-01'), '2027'],
      [() => api.deadline({ kind: 'working_days', days: 20, from: 'formed_or_changed' }, '2026-12-10', { strictCalendar: true }), '2027'],
      [() => api.deadline({ kind: 'calendar_days', days: 7, from: 'decided' }, '2006-05-01'), '2006'],
    ];
    for (const [fn, year] of cases) {
      const e = thrown(fn);
      assert.equal(e.code, 'calendar', e.message);
      assert.match(e.message, new RegExp(year), 'the message names the year');
      assert.match(e.message, /[\u4e00-\u9fff]/, 'in Chinese');
      assert.equal(api.isWorkingDay('2024-02-04'), true, 'the module still answers');
    }
  });

  t('bad arguments throw invalid_argument; the instance stays usable and is not replaced', () => {
    const reloads = api.__testing.reloads();
    const bad = [
      ...['2024-02-30', '2024/02/04', '', 'tomorrow', ' 2024-02-04', 20240204, undefined, null, {}, ['2024-02-04']].map((d) => () => api.isWorkingDay(d)),
      ...[-1, 1.5, NaN, Infinity, 2 ** 32, '20', undefined, null].map((n) => () => api.addWorkingDays('2024-09-25', n)),
      () => api.workingDaysBetween('2024-09-25', 'x'),
      () => api.workingDaysBetween(undefined, '2024-09-25'),
      () => api.deadline(42, '2024-09-25'),
      () => api.deadline(null, '2024-09-25'),
      () => api.deadline([], '2024-09-25'),
      () => api.deadline({ kind: 'fortnightly' }, '2024-09-25'),
      () => api.deadline({ kind: 'working_days', days: -3 }, '2024-09-25'),
      () => api.deadline({ kind: 'working_days', days: 20 }, '2024-13-01'),
      () => api.deadline({ kind: 'working_days', days: 20 }, '2024-09-25T25:00'),
      () => api.deadline({ kind: 'working_days', days: 20 }, '2024-09-25T'),
      () => api.deadline({ kind: 'working_days', days: 20 }, '2024-09-25', { extended: true }),
      () => api.deadline({ kind: 'working_days', days: 20 }, '2024-09-25', { extension: '5' }),
      () => api.deadline({ kind: 'working_days', days: 20 }, '2024-09-25', 'fast'),
    ];
    for (const fn of bad) {
      const e = thrown(fn);
      assert.equal(e.code, 'invalid_argument', `${fn}: ${e.message}`);
      assert.match(e.message, /[\u4e00-\u9fff]/);
      assert.equal(api.addWorkingDays('2024-09-25', 20), '2024-10-28', 'the next call works');
    }
    assert.equal(api.__testing.reloads(), reloads, 'no error was a trap');
  });

  t('a year without a notice is provisional: counted with the statutory holidays, and marked', () => {
    // The issue, on 2026-12-07: 20 working days run into 2027, whose notice is not out yet.
    const d = deadline('自信息形成或者变更之日起20个工作日内', '2026-12-07');
    assert.equal(d.date, '2027-01-05');
    assert.equal(d.provisional, true);
    assert.deepEqual(d.provisional_years, [2027]);
    assert.equal(d.warnings[0].code, 'calendar.provisional');
    assert.match(d.warnings[0].message_zh, /2027 年.*临时/);
    // Inside the covered years: exact.
    const exact = deadline({ kind: 'working_days', days: 20 }, '2026-11-02');
    assert.equal(exact.date, '2026-11-30');
    assert.equal(exact.provisional, false);
    assert.deepEqual(exact.warnings, []);
    // The statutory holidays of 2027: 春节 from 除夕 (Friday 02-05) to 初三 (Monday 02-08).
    assert.deepEqual(api.calendarDay('2027-02-05'), {
      date: '2027-02-05', working: false, kind: 'off', name: '春节', provisional: true,
    });
    assert.equal(api.calendarDay('2026-02-16').provisional, false);
    // Bare values only when asked.
    assert.equal(api.isWorkingDay('2027-02-08', { provisional: true }), false);
    assert.equal(api.addWorkingDays('2026-12-07', 20, { provisional: true }), '2027-01-05');
    assert.equal(api.workingDaysBetween('2026-12-07', '2027-01-05', { provisional: true }), 20);
    // Strict: refused, in the chosen language only.
    const zh = thrown(() => api.deadline({ kind: 'working_days', days: 20 }, '2026-12-07', { strictCalendar: true }));
    assert.equal(zh.code, 'calendar');
    assert.match(zh.message, /2027.*2007–2026.*--calendar/s);
    const en = thrown(() => api.deadline({ kind: 'working_days', days: 20 }, '2026-12-07', { strictCalendar: true, lang: 'en' }));
    assert.match(en.message, /2027, which is not in the holiday table \(it has 2007–2026\)/);
    assert.match(en.message, /calendar option/);
    assert.doesNotMatch(en.message, /[\u4e00-\u9fff]/);
    assert.equal(thrown(() => api.calendarDay('2027-01-04', { strictCalendar: true })).code, 'calendar');
  });

  t('a newer notice as CSV text (options.calendar)', () => {
    const notice = 'date,kind,name\n2027-01-01,off,元旦\n2027-01-04,off,元旦\n';
    const d = deadline({ kind: 'working_days', days: 20 }, '2026-12-07', { calendar: notice });
    assert.equal(d.date, '2027-01-06');
    assert.equal(d.provisional, false);
    assert.equal(api.isWorkingDay('2027-01-04', { calendar: notice }), false);
    assert.equal(api.addWorkingDays('2026-12-07', 20, { calendar: notice, strictCalendar: true }), '2027-01-06');
    assert.equal(api.calendarDay('2027-01-04', { calendar: notice }).name, '元旦');
    // A bad file names its line.
    const e = thrown(() => deadline({ kind: 'working_days', days: 1 }, '2024-09-25', { calendar: 'date,kind\n2027-01-01,holiday\n' }));
    assert.equal(e.code, 'calendar');
    assert.match(e.message, /第 2 行/);
    assert.equal(thrown(() => api.isWorkingDay('2024-01-02', { calendar: 42 })).code, 'invalid_argument');
    assert.equal(thrown(() => api.isWorkingDay('2024-01-02', { strictCalendar: 'yes' })).code, 'invalid_argument');
  });
}
