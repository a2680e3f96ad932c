// The diff against the upper-level standard and the consistency check (issue 7) on the tables
// build (gongkai-wasm/tables, Node and web glue; the default build leaves it out for its size,
// with the embedded standard), on every shared case of tests/diff/ (also read by core/tests/diff.rs): the same
// validity, coverage figures, matched pairs and (code, reference path, local path) findings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { loadBuilds, loadTableBuilds, readRepo, resultSchema, root, thrown } from './helpers.mjs';

const builds = await loadTableBuilds();
/** Reads the real tables of the corpus cases. */
const { 'tables/node': tables } = builds;
const conforms = await resultSchema('diff-report.schema.json');
const diffDir = join(root, 'tests', 'diff');
const cases = [diffDir, join(diffDir, 'corpus')]
  .flatMap((d) => readdirSync(d).filter((f) => f.endsWith('.expected.json')).map((f) => join(d, f)))
  .sort();
const EMBEDDED = new Set(['municipal_services']);

/** The fixture's DiffOptions as the JavaScript API spells them. */
function diffOptions(options = {}) {
  const names = { lang: 'lang', min_severity: 'minSeverity', threshold: 'threshold', margin: 'margin' };
  return Object.fromEntries(
    Object.entries(options).map(([k, v]) => {
      if (!(k in names)) throw new Error(`diff fixture option ${k} is not known to the JavaScript tests`);
      return [names[k], v];
    }),
  );
}
const triples = (findings) => findings.map((f) => JSON.stringify([f.code, f.reference_path, f.local_path])).sort();
/** The item-level answer a table must give like its hand-converted JSON (as core/tests/diff.rs). */
const itemLevel = (r) => ({
  matched: r.coverage.matched,
  missing: r.coverage.missing,
  findings: r.findings
    .filter((f) => ['diff.missing_item', 'diff.missing_uncertain_item', 'diff.ambiguous_match'].includes(f.code))
    .map((f) => `${f.code} ${f.reference_path}`)
    .sort(),
});

test('there are diff fixtures to run (at least 12, as the Rust test requires)', () => {
  assert.ok(cases.length >= 12, cases.join(', '));
});

for (const [build, api] of Object.entries(await loadBuilds())) {
  test(`${build}: the default build leaves diff to gongkai-wasm/tables`, () => {
    assert.equal('diff' in api, false);
  });
}

for (const [build, api] of Object.entries(builds)) {
  const t = (name, fn) => test(`${build}: ${name}`, fn);
  const rules = new Map(api.rules().map((r) => [r.code, r]));
  const diff = (...args) => {
    const r = api.diff(...args);
    conforms(r, 'diff report');
    assert.equal(Object.getPrototypeOf(r), Object.prototype);
    return r;
  };
  const seen = new Set();

  for (const path of cases) {
    const name = relative(diffDir, path);
    const c = JSON.parse(readFileSync(path, 'utf8'));
    const dir = dirname(path);
    const reference = EMBEDDED.has(c.reference) ? c.reference : readFileSync(join(dir, c.reference), 'utf8');
    const local = readFileSync(join(dir, c.local), 'utf8');
    const options = { ...diffOptions(c.options), ...(c.mode === 'consistency' ? { consistency: true } : {}) };

    t(`diff case ${name}`, () => {
      const r = diff(reference, local, options);
      const exp = c.expected;
      assert.equal(r.mode, c.mode ?? 'diff');
      assert.equal(r.valid, exp.valid, 'valid');
      for (const [k, v] of Object.entries(exp.coverage)) {
        assert.ok(Math.abs(r.coverage[k] - v) < 1e-9, `coverage.${k} = ${r.coverage[k]}, expected ${v}`);
      }
      if (exp.matches) {
        assert.deepEqual(
          r.matches.map((m) => [m.reference_path, m.local_path, m.method]),
          exp.matches.map((m) => [m.reference_path, m.local_path, m.method]),
          'matches',
        );
      }
      assert.deepEqual(triples(r.findings), triples(exp.findings), 'findings (code, reference_path, local_path)');
      for (const [rp, paths] of Object.entries(exp.candidate_paths ?? {})) {
        const f = r.findings.find((x) => x.code === 'diff.ambiguous_match' && x.reference_path === rp);
        assert.equal(f?.params.candidate_paths, paths.join(','), `candidates of ${rp}`);
      }
      // Counts and severities agree with the findings and the rule table; messages in both languages.
      const errors = r.findings.filter((f) => f.severity === 'error').length;
      assert.equal(r.counts.error, errors);
      assert.equal(r.valid, errors === 0);
      const en = diff(reference, local, { ...options, lang: 'en' });
      assert.deepEqual(triples(en.findings), triples(r.findings));
      r.findings.forEach((f, i) => {
        assert.equal(rules.get(f.code)?.severity, f.severity, f.code);
        assert.match(f.message, /[\u4e00-\u9fff]/);
        assert.ok(!f.message.includes('{') && !en.findings[i].message.includes('{'), 'rendered');
        assert.notEqual(en.findings[i].message, f.message, f.code);
        seen.add(f.code);
      });
      // The embedded reference by name and the same catalogue as JSON (object or text) agree.
      if (EMBEDDED.has(c.reference)) {
        const text = readRepo('core', 'reference', `${c.reference}.json`);
        assert.deepEqual(diff(JSON.parse(text), JSON.parse(local), options), r);
        assert.deepEqual(diff(new TextEncoder().encode(text), local, options), r);
      }
    });

    if (c.table) {
      t(`diff case ${name}: the real table ${c.table.split('/').pop()}, imported, gives the same items`, () => {
        const file = join(dir, c.table);
        const imported = tables.importTable(readFileSync(file), { fileName: file.split('/').pop() });
        const fromTable = diff(reference, imported.catalogue, options);
        assert.deepEqual(itemLevel(fromTable), itemLevel(diff(reference, local, options)));
      });
    }
  }

  t('every diff code is shown by at least one case', () => {
    const codes = [...rules.keys()].filter((c) => c.startsWith('diff.'));
    assert.ok(codes.length > 5);
    for (const code of codes) assert.ok(seen.has(code), `no case triggers ${code}`);
  });

  t('the example catalogue of 武陟县城市管理局 keeps every item of municipal_services', () => {
    const local = readRepo('examples', 'wuzhi-municipal.json');
    const r = diff('municipal_services', local);
    assert.equal(r.valid, true);
    assert.equal(r.coverage.reference_items, 8);
    assert.equal(r.coverage.matched, 8);
    assert.equal(r.coverage.fully_kept, 8);
    assert.equal(r.coverage.present_share, 1);
    assert.equal(r.coverage.fully_kept_share, 1);
    assert.deepEqual(r.findings.filter((f) => f.code === 'diff.missing_item'), []);
    assert.equal(r.matches.length, 8);
    assert.equal(r.reference.items, 8);
    assert.equal(r.local.publisher, JSON.parse(local).publisher);
  });

  t('minSeverity filters the findings, not the verdict or the coverage', () => {
    const local = readRepo('tests', 'diff', 'missing.json');
    const all = diff('municipal_services', local);
    const errors = diff('municipal_services', local, { minSeverity: 'error' });
    assert.ok(all.findings.some((f) => f.severity !== 'error'));
    assert.deepEqual(errors.findings, all.findings.filter((f) => f.severity === 'error'));
    assert.deepEqual([errors.valid, errors.coverage], [all.valid, all.coverage]);
  });

  t('threshold and margin reach the matcher', () => {
    const local = readRepo('tests', 'diff', 'wording.json');
    const loose = diff('municipal_services', local);
    const strict = diff('municipal_services', local, { threshold: 1 });
    assert.ok(strict.coverage.matched < loose.coverage.matched, `${strict.coverage.matched} < ${loose.coverage.matched}`);
    assert.ok(strict.matches.every((m) => m.score === 1), 'only exact names at threshold 1');
    const ambiguous = readRepo('tests', 'diff', 'ambiguous.json');
    assert.equal(diff('municipal_services', ambiguous).coverage.ambiguous, 1);
    assert.equal(diff('municipal_services', ambiguous, { margin: 0 }).coverage.ambiguous, 0, 'no margin: the best candidate wins');
  });

  t('an unknown reference, a bad catalogue or option throws; the module stays usable', () => {
    const village = readRepo('tests', 'diff', 'consistency-village.json');
    const reloads = api.__testing.reloads();
    const cases = [
      [() => api.diff('national_everything', village), 'invalid_argument', /national_everything.*|municipal_services/],
      [() => api.diff('', village), 'invalid_argument', /municipal_services/],
      [() => api.diff('municipal_services', village, { consistency: 'yes' }), 'invalid_argument', /consistency/],
      [() => api.diff('municipal_services', village, { today: '2024-01-01' }), 'invalid_argument', /today/],
      [() => api.diff('municipal_services', village, { threshold: 2 }), 'invalid_argument', /threshold/],
      [() => api.diff('municipal_services', village, { margin: 'wide' }), 'invalid_argument', /margin/],
      [() => api.diff('municipal_services', village, { strict: true }), 'invalid_argument', /strict/],
      [() => api.diff('municipal_services', '{'), 'json', /JSON/],
      [() => api.diff('municipal_services', '[1]'), 'not_a_catalogue', /数组/],
      [() => api.diff('{"items": ', village), 'json', /JSON/],
      [() => api.diff(undefined, village), 'invalid_argument', /reference/],
      [() => api.diff('municipal_services', undefined), 'invalid_argument', /local/],
    ];
    for (const [fn, code, message] of cases) {
      const e = thrown(fn);
      assert.equal(e.code, code, `${fn}: ${e.message}`);
      assert.match(e.message, message);
      assert.equal(diff('municipal_services', village).coverage.reference_items, 8, 'the next call works');
    }
    assert.equal(api.__testing.reloads(), reloads, 'no error was a trap');
  });
}
