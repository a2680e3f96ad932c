// The JavaScript API: inputs, options, errors, validateItem, rules, version; on both builds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadBuilds, loadFixtures, pairs } from './helpers.mjs';

const builds = await loadBuilds();
const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const catalogues = loadFixtures()
  .filter(({ fixture }) => fixture.catalogue && Array.isArray(fixture.catalogue.items) && !fixture.expected.error)
  .map(({ name, fixture }) => ({ name, catalogue: fixture.catalogue, options: fixture.options }));

const good = JSON.parse(readFileSync(new URL('../../tests/cases/wasm/form_row_valid.json', import.meta.url), 'utf8')).catalogue;
const bad = JSON.parse(readFileSync(new URL('../../tests/cases/wasm/form_row_errors.json', import.meta.url), 'utf8')).catalogue;
const clone = (v) => structuredClone(v);

for (const [build, api] of Object.entries(builds)) {
  const t = (name, fn) => test(`${build}: ${name}`, fn);

  t('text, object, bytes and ArrayBuffer give the same report', () => {
    const text = JSON.stringify(bad);
    const bytes = new TextEncoder().encode(text);
    const expected = api.validate(text);
    assert.equal(expected.valid, false);
    assert.deepEqual(api.validate(bad), expected);
    assert.deepEqual(api.validate(bytes), expected);
    assert.deepEqual(api.validate(bytes.buffer), expected);
    assert.deepEqual(api.validate('\uFEFF' + text), expected, 'a BOM is accepted');
    assert.deepEqual(api.validate(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])), expected);
  });

  t('mask: personal data in the messages is masked, the issues stay the same', () => {
    const cat = clone(good);
    cat.items[0].name = '联系人：张三 13800138000 的燃气经营许可';
    cat.items[0].channels = []; // proactive without the website: an error naming the item
    const plain = api.validate(cat);
    assert.ok(JSON.stringify(plain).includes('13800138000'));
    const masked = api.validate(cat, { mask: true });
    const json = JSON.stringify(masked);
    assert.ok(!json.includes('13800138000') && !json.includes('张三'), json);
    assert.deepEqual(pairs(masked.issues), pairs(plain.issues));
    assert.equal(masked.valid, plain.valid);
    assert.deepEqual(api.validate(cat, { mask: false }), plain);
    const row = api.validateItem(cat.items[0], { index: 0, mask: true });
    assert.ok(!JSON.stringify(row).includes('13800138000'));
    assert.throws(() => api.validate(cat, { mask: 'yes' }), (e) => e.code === 'invalid_argument');
  });

  t('the report is a plain object in the data-model shape', () => {
    const r = api.validate(bad);
    assert.equal(Object.getPrototypeOf(r), Object.prototype);
    assert.deepEqual(Object.keys(r), ['valid', 'items', 'counts', 'issues']);
    assert.equal(r.items, 2);
    const withParams = r.issues.find((i) => i.params);
    assert.equal(Object.getPrototypeOf(withParams.params), Object.prototype, 'params is an object, not a Map');
    for (const i of r.issues) {
      assert.equal(typeof i.message, 'string');
      assert.match(i.message, /[\u4e00-\u9fff]/, 'messages are Chinese by default');
    }
    const counted = { error: 0, warning: 0, info: 0 };
    for (const i of r.issues) counted[i.severity] += 1;
    assert.deepEqual(r.counts, counted);
  });

  t('lang: en renders English messages with the same codes and paths', () => {
    const zh = api.validate(bad);
    const en = api.validate(bad, { lang: 'en' });
    assert.deepEqual(pairs(en.issues), pairs(zh.issues));
    // Field names stay as people know the columns (公开层级); the rest of the sentence is English.
    en.issues.forEach((i, k) => {
      assert.notEqual(i.message, zh.issues[k].message);
      assert.match(i.message, /[a-z]{3,} [a-z]{2,}/, i.message);
    });
  });

  t('minSeverity filters the issues but not the verdict', () => {
    const all = api.validate(bad);
    const errors = api.validate(bad, { minSeverity: 'error' });
    assert.ok(all.issues.some((i) => i.severity === 'warning'));
    assert.deepEqual(
      errors.issues,
      all.issues.filter((i) => i.severity === 'error'),
    );
    assert.equal(errors.valid, all.valid);
    const warnOnly = clone(good);
    warnOnly.items[0].chanels = ['notice_board'];
    const r = api.validate(warnOnly, { minSeverity: 'error' });
    assert.equal(r.valid, true);
    assert.deepEqual(r.issues, []);
  });

  t('invalid options are errors with code invalid_argument', () => {
    for (const options of [{ lang: 'fr' }, { minSeverity: 'fatal' }, { today: '2024-02-30' }, { minseverity: 'error' }, { lang: 1 }, 'zh', [1]]) {
      assert.throws(
        () => api.validate(good, options),
        (e) => e instanceof Error && e.code === 'invalid_argument',
        JSON.stringify(options),
      );
    }
    assert.equal(api.validate(good, { today: '2026-01-15', lang: 'zh', minSeverity: 'info' }).valid, true);
    assert.equal(api.validate(good, null).valid, true);
  });

  t('input that cannot give a report throws an Error with a code', () => {
    assert.throws(
      () => api.validate('{"title": "武陟'),
      (e) => e instanceof Error && e.code === 'json' && e.line === 1 && e.column > 1 && /JSON/.test(e.message),
    );
    assert.throws(() => api.validate(new Uint8Array([0x7b, 0xff, 0xfe])), (e) => e.code === 'json');
    for (const input of [null, [], '[]', 42, '"text"', true]) {
      assert.throws(() => api.validate(input), (e) => e.code === 'not_a_catalogue', JSON.stringify(input));
    }
    const cyclic = clone(good);
    cyclic.self = cyclic;
    for (const input of [undefined, () => 1, Symbol('x'), 10n, cyclic, { n: 10n }]) {
      assert.throws(() => api.validate(input), (e) => e.code === 'invalid_argument', String(typeof input));
    }
  });

  t('invalid data never throws', () => {
    for (const input of [{}, { items: 'x' }, { items: [null, 1, 'a', [], {}] }, '{"a":1,"a":2}', { title: { x: [] } }]) {
      const r = api.validate(input);
      assert.equal(r.valid, false);
      assert.ok(r.issues.length > 0);
    }
  });

  t('validateItem: paths relative to the catalogue, only the item’s issues', () => {
    const r = api.validateItem(bad.items[0], { index: 3, header: bad });
    assert.equal(r.items, 1);
    assert.equal(r.valid, false);
    assert.ok(r.issues.length > 0);
    for (const i of r.issues) assert.match(i.path, /^\/items\/3(\/|$)/);
    const full = api.validate(bad).issues.filter((i) => /^\/items\/0(\/|$)/.test(i.path));
    assert.deepEqual(
      pairs(r.issues),
      pairs(full).map((p) => p.replace('/items/0', '/items/3')),
    );
    assert.deepEqual(api.validateItem(good.items[1], { index: 1, header: good }).issues, []);
    assert.equal(api.validateItem(good.items[0]).valid, true, 'no context: index 0, no header');
    assert.equal(api.validateItem(JSON.stringify(good.items[0]), { index: 0 }).valid, true);
    const typo = { ...clone(good.items[0]), chanels: ['notice_board'] };
    for (const context of [{ index: 4 }, { index: 4, header: good }]) {
      const w = api.validateItem(typo, context);
      assert.deepEqual(pairs(w.issues), ['model.unknown_key /items/4/chanels'], JSON.stringify(context));
      assert.equal(w.valid, true);
      assert.equal(w.issues[0].item_id, '1');
    }
  });

  t('validateItem: a header being filled in does not report header issues', () => {
    const header = { ...clone(good), title: '', issued: '2024-02-30', items: undefined };
    assert.equal(api.validate({ ...header, items: good.items }).valid, false);
    const r = api.validateItem(good.items[0], { index: 0, header });
    assert.deepEqual(r.issues, []);
    assert.equal(r.valid, true);
  });

  t('validateItem: a partial row reports each missing element at its field', () => {
    const r = api.validateItem({ id: '7', name: '燃气经营许可证核发' }, { index: 6 });
    const paths = new Set(r.issues.map((i) => i.path));
    for (const key of ['category', 'content', 'basis', 'time_limit', 'subject', 'audience', 'method', 'levels']) {
      assert.ok(paths.has(`/items/6/${key}`), `missing ${key}: ${[...paths]}`);
    }
    assert.ok(r.issues.every((i) => i.item_id === '7'));
    for (const item of [null, 1, 'null', '[]']) {
      const r2 = api.validateItem(item, { index: 2 });
      assert.equal(r2.valid, false);
      assert.ok(r2.issues.every((i) => i.path.startsWith('/items/2')), JSON.stringify(r2.issues));
    }
  });

  t('validateItem: bad arguments throw', () => {
    assert.throws(() => api.validateItem('{"id": '), (e) => e.code === 'json');
    assert.throws(() => api.validateItem('{"id": "1"} , {"x": 1}'), (e) => e.code === 'json', 'one value only');
    for (const context of [{ index: -1 }, { index: 1.5 }, { index: '3' }, { idx: 3 }, { header: '[]' }, { header: 5 }]) {
      assert.throws(() => api.validateItem(good.items[0], context), (e) => ['invalid_argument', 'json'].includes(e.code), JSON.stringify(context));
    }
    assert.throws(() => api.validateItem(undefined), (e) => e.code === 'invalid_argument');
  });

  t('validateItem agrees with validate on every fixture catalogue (item issues ⊆ its issues in the full report)', () => {
    assert.ok(catalogues.length > 0);
    for (const { name, catalogue, options } of catalogues) {
      const opts = options?.today ? { today: options.today } : {};
      const full = api.validate(catalogue, opts);
      catalogue.items.forEach((item, i) => {
        if (item === null || typeof item !== 'object') return;
        const mine = pairs(full.issues.filter((x) => x.path === `/items/${i}` || x.path.startsWith(`/items/${i}/`)));
        for (const header of [catalogue, undefined]) {
          const got = pairs(api.validateItem(item, { ...opts, index: i, header }).issues);
          for (const p of got) assert.ok(mine.includes(p), `${name} item ${i}: ${p} not in the full report`);
        }
      });
    }
  });

  t('rules(): the registry, covering every code a report uses', () => {
    const rules = api.rules();
    assert.ok(rules.length > 0);
    const codes = new Set(rules.map((r) => r.code));
    assert.equal(codes.size, rules.length, 'codes are unique');
    for (const r of rules) {
      assert.deepEqual(Object.keys(r).sort(), [
        'code', 'defined_in', 'family', 'message_en', 'message_zh', 'severity', 'source', 'structural', 'title',
      ]);
      assert.ok(['info', 'warning', 'error'].includes(r.severity));
      assert.equal(typeof r.structural, 'boolean');
      assert.match(r.defined_in, /^core\/src\/codes\/[a-z_]+\.rs$/);
    }
    // Every family, and the structural codes are those the schema decides.
    for (const f of ['structure', 'time', 'channels', 'import', 'diff', 'records', 'deadline']) {
      assert.ok(rules.some((r) => r.family === f), f);
    }
    assert.ok(rules.find((r) => r.code === 'channels.website_required').structural);
    assert.ok(!rules.find((r) => r.code === 'time.exceeds_statutory_limit').structural);
    for (const i of api.validate(bad).issues) {
      assert.ok(codes.has(i.code), i.code);
      assert.equal(rules.find((r) => r.code === i.code).severity, i.severity);
    }
  });

  t('domains(): the 26 known 领域 with their Chinese names; each code passes validation, another warns', () => {
    const domains = api.domains();
    assert.equal(domains.length, 26);
    assert.equal(new Set(domains.map((d) => d.code)).size, 26, 'codes are unique');
    assert.equal(new Set(domains.map((d) => d.zh)).size, 26, 'names are unique');
    for (const d of domains) {
      assert.deepEqual(Object.keys(d), ['code', 'zh']);
      assert.match(d.code, /^[a-z_]+$/);
      assert.match(d.zh, /^[\u4e00-\u9fff]+$/);
      const issues = api.validate({ ...clone(good), domain: d.code }).issues;
      assert.deepEqual(issues.filter((i) => i.path === '/domain'), [], d.code);
    }
    assert.deepEqual(domains.find((d) => d.zh === '市政服务'), { code: 'municipal_services', zh: '市政服务' });
    // The list is open: a code it lacks is the unknown_domain warning, at /domain.
    const other = api.validate({ ...clone(good), domain: 'municipal_service' }).issues.filter((i) => i.path === '/domain');
    assert.deepEqual(other.map((i) => i.code), ['catalogue.unknown_domain']);
  });

  t('version is the package version', () => {
    assert.equal(api.version, pkg.version);
  });
}
