// The package's two builds from the same crate: the default entry (`gongkai-wasm`,
// `gongkai-wasm/web`: no table import, evaluate or changes; within the 1 MB gzipped goal) and
// `gongkai-wasm/tables` (`…/tables/web`: the cargo feature `tables`). The default one does not
// export importTable, evaluate, evaluationHtml or changes (an import of them fails when the
// module is linked, and the TypeScript declarations lack them: see usage.ts), refuses a table
// with a message naming the other entry, and both give byte-identical results for the same JSON
// input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { FUNCTIONS, TABLE_FUNCTIONS, createApi } from '../js/api.mjs';
import { apiOptions, loadBuilds, loadFixtures, loadTableBuilds, readRepo, thrown } from './helpers.mjs';

const lean = await loadBuilds();
const { 'tables/node': tablesNode, 'tables/web': tablesWeb } = await loadTableBuilds();
const pairsOfBuilds = [
  ['node', lean.node, tablesNode],
  ['web', lean.web, tablesWeb],
];
const here = fileURLToPath(new URL('..', import.meta.url));
const csv = readFileSync(new URL('../../tests/corpus/01-fsxf-municipal.csv', import.meta.url));
const html = readFileSync(new URL('../../tests/corpus/01-fsxf-municipal.html', import.meta.url));
const docx = readFileSync(new URL('../../tests/import/word_catalogue.docx', import.meta.url));
const functions = (m) => Object.keys(m).filter((k) => typeof m[k] === 'function' && k !== 'default').sort();

// Size. The goal (issues 11 and 14) is the default build's module at most 1 MB gzipped (gzip
// level 9, as a server sends it), measured here with Node's bundled zlib (which gives about 2%
// more than GNU gzip -9, what scripts/build-wasm.sh prints). Issue 14 met it: the schemas served
// from their checked-in text instead of generated at run time, audit and diff moved to the
// tables build; that room pays for the core at opt-level "s" (faster validate).
const GOAL = 1_000_000;
test('the default build is within 1 MB gzipped; the tables build is larger', () => {
  const gz = (dir) => gzipSync(readFileSync(new URL(`../${dir}/gongkai_wasm_bg.wasm`, import.meta.url)), { level: 9 }).length;
  const [web, node, tables] = [gz('pkg-web'), gz('pkg-node'), gz('pkg-tables-web')];
  assert.ok(web <= GOAL, `pkg-web: ${web} bytes gzipped, over the goal ${GOAL} by ${web - GOAL}`);
  assert.ok(node <= GOAL, `pkg-node: ${node} bytes gzipped, over the goal ${GOAL} by ${node - GOAL}`);
  assert.ok(tables > web, 'the tables build carries the table import');
});

test('the exports map gives each entry its build', () => {
  const entries = {
    'gongkai-wasm': 'node.mjs',
    'gongkai-wasm/web': 'web.mjs',
    'gongkai-wasm/tables': 'tables/node.mjs',
    'gongkai-wasm/tables/web': 'tables/web.mjs',
  };
  for (const [specifier, file] of Object.entries(entries)) {
    assert.equal(fileURLToPath(import.meta.resolve(specifier)), fileURLToPath(new URL(`../${file}`, import.meta.url)), specifier);
  }
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  assert.equal(pkg.exports['./tables'].types, './tables/index.d.ts');
  assert.equal(pkg.exports['.'].types, './index.d.ts');
  for (const dir of ['pkg-web/', 'pkg-node/', 'pkg-tables-web/', 'pkg-tables-node/', 'tables/']) assert.ok(pkg.files.includes(dir), dir);
});

for (const [platform, small, full] of pairsOfBuilds) {
  test(`${platform}: the default build does not export importTable, audit, diff, evaluate, evaluationHtml or changes; the tables build adds only them`, () => {
    const extra = ['importTable', 'audit', 'diff', 'evaluate', 'evaluationHtml', 'changes'];
    for (const name of extra) {
      assert.equal(name in small, false, name);
      assert.equal(typeof full[name], 'function', name);
    }
    assert.deepEqual(functions(full), [...functions(small), ...extra].sort());
    assert.equal(full.version, small.version);
  });

  test(`${platform}: the default build refuses a table, naming gongkai-wasm/tables; JSON with a file name is read`, () => {
    const reloads = small.__testing.reloads();
    for (const [bytes, fileName] of [[csv, '目录.csv'], [html, '目录.html'], [docx, '目录.docx']]) {
      const e = thrown(() => small.validate(bytes, { fileName }));
      assert.equal(e.code, 'unsupported_format', e.message);
      assert.match(e.message, /gongkai-wasm\/tables/);
      assert.match(e.message, /[\u4e00-\u9fff]/, 'in Chinese');
      // The tables build reads the same file.
      assert.ok(full.validate(bytes, { fileName }).items > 0);
    }
    const json = readRepo('examples', 'wuzhi-municipal.json');
    assert.deepEqual(small.validate(json, { fileName: 'catalogue.json' }), small.validate(json));
    assert.equal(small.__testing.reloads(), reloads, 'no error was a trap');
  });

  test(`${platform}: both builds give byte-identical reports for every fixture (codes, paths, messages)`, () => {
    const fixtures = loadFixtures();
    assert.ok(fixtures.length > 50);
    let compared = 0;
    for (const { name, fixture } of fixtures) {
      const text = fixture.catalogue_text ?? JSON.stringify(fixture.catalogue);
      const options = apiOptions(fixture.options);
      for (const opts of [options, { ...options, lang: 'en' }]) {
        const results = [small, full].map((api) => {
          try {
            return JSON.stringify(api.validate(text, opts));
          } catch (e) {
            return `throws ${e.code}: ${e.message}`;
          }
        });
        assert.equal(results[1], results[0], `${name} ${JSON.stringify(opts)}`);
        compared += 1;
        const items = fixture.catalogue?.items;
        if (Array.isArray(items)) {
          items.slice(0, 3).forEach((item, index) => {
            const context = { ...opts, index, header: fixture.catalogue };
            assert.equal(JSON.stringify(full.validateItem(item, context)), JSON.stringify(small.validateItem(item, context)), `${name} item ${index}`);
          });
        }
      }
    }
    assert.ok(compared > 100);
    for (const f of ['rules', 'domains', 'schema', 'reportSchema']) assert.equal(JSON.stringify(full[f]()), JSON.stringify(small[f]()), f);
  });

  test(`${platform}: calendar and deadline agree between the builds (audit and diff: tables build only)`, () => {
    const calls = [
      (api) => api.addWorkingDays('2024-09-25', 20),
      (api) => api.workingDaysBetween('2024-01-01', '2024-12-31'),
      (api) => api.calendarDay('2024-02-04'),
      (api) => api.deadline('自信息形成或者变更之日起20个工作日内', '2024-09-25', { extension: 20 }),
    ];
    for (const name of ['audit', 'diff']) {
      assert.equal(typeof full[name], 'function', name);
      assert.equal(name in small, false, name);
    }
    for (const call of calls) assert.equal(JSON.stringify(call(full)), JSON.stringify(call(small)), String(call));
  });
}

test('importing importTable, evaluate or diff from the default entry fails when the module is linked', () => {
  const run = (source) => {
    try {
      return { out: execFileSync(process.execPath, ['--input-type=module', '-e', source], { cwd: here, encoding: 'utf8', stdio: 'pipe' }) };
    } catch (e) {
      return { err: String(e.stderr) };
    }
  };
  const missing = run("import { importTable } from 'gongkai-wasm'; console.log(typeof importTable);");
  assert.match(missing.err ?? '', /SyntaxError.*does not provide an export named 'importTable'/, JSON.stringify(missing));
  const evaluate = run("import { evaluate } from 'gongkai-wasm/web'; console.log(typeof evaluate);");
  assert.match(evaluate.err ?? '', /SyntaxError.*does not provide an export named 'evaluate'/, JSON.stringify(evaluate));
  const diff = run("import { diff } from 'gongkai-wasm'; console.log(typeof diff);");
  assert.match(diff.err ?? '', /SyntaxError.*does not provide an export named 'diff'/, JSON.stringify(diff));
  const present = run("import { importTable } from 'gongkai-wasm/tables'; console.log(typeof importTable);");
  assert.equal(present.out, 'function\n', JSON.stringify(present));
});

test('an entry point paired with the wrong build is refused when attached, naming what is missing', () => {
  // A fresh instance of the default build's glue (not the one node.mjs holds).
  const require = createRequire(import.meta.url);
  const gluePath = require.resolve('../pkg-node/gongkai_wasm.js');
  delete require.cache[gluePath];
  const leanGlue = require(gluePath);
  const wrapper = createApi({ instantiate: () => leanGlue }, TABLE_FUNCTIONS);
  assert.throws(() => wrapper.attach(leanGlue), (e) => e instanceof Error && /importTable/.test(e.message) && /build-wasm\.sh/.test(e.message));
  assert.equal(wrapper.attached(), false);
  const right = createApi({ instantiate: () => leanGlue }, FUNCTIONS);
  right.attach(leanGlue);
  assert.equal(right.api.validate('{}').valid, false);
});

