// Timings of the calendar, deadline, audit, diff and table functions through the Node glue
// (CPU time, median of 7 runs): audit, diff and tables through gongkai-wasm/tables, the rest
// through the default build; and the compile time of each build's module. A benchmark, not a test: numbers depend on
// the machine.
//
//   node bindings-wasm/scripts/bench-surface.mjs
import { readFileSync } from 'node:fs';
import { generateCatalogue } from '../../benches/gen_catalogue.mjs';
import { xlsx } from '../tests-js/xlsx.mjs';

const api = await import('../node.mjs');
const tables = await import('../tables/node.mjs');
const repo = (p) => new URL(`../../${p}`, import.meta.url);

function cpu(fn, runs = 7) {
  const times = [];
  let out;
  for (let r = 0; r < runs; r++) {
    const t0 = process.cpuUsage();
    out = fn();
    const t = process.cpuUsage(t0);
    times.push((t.user + t.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(runs / 2)], out };
}
const row = (what, ms, per) => console.log(`${what.padEnd(62)} ${ms.toFixed(1).padStart(8)} ms${per ? `  ${per}` : ''}`);

// Working days: 10,000 calls each.
const starts = Array.from({ length: 10_000 }, (_, i) => new Date(Date.UTC(2015, 0, 1) + (i % 3650) * 86_400_000).toISOString().slice(0, 10));
for (const [what, fn] of [
  ['isWorkingDay × 10,000', () => starts.forEach((d) => api.isWorkingDay(d))],
  ['addWorkingDays(d, 20) × 10,000', () => starts.forEach((d) => api.addWorkingDays(d, 20))],
  ['deadline({working_days 20}, d) × 10,000', () => starts.forEach((d) => api.deadline({ kind: 'working_days', days: 20, from: 'formed_or_changed' }, d))],
  ['deadline("自信息形成或者变更之日起20个工作日内", d) × 10,000', () => starts.forEach((d) => api.deadline('自信息形成或者变更之日起20个工作日内', d))],
]) {
  const { ms } = cpu(fn);
  row(what, ms, `${((ms * 1000) / 10_000).toFixed(2)} µs per call`);
}

// Audit: the fixture, and 10,000 records (the fixture's valid rows repeated) as CSV.
const catalogue = readFileSync(repo('tests/audit/catalogue.json'), 'utf8');
const csv = readFileSync(repo('tests/audit/records.csv'), 'utf8');
const lines = csv.split('\n').slice(1).filter((l) => /^[1-9],\d{4}-\d{2}-\d{2},[^"]*$/.test(l));
const big = [csv.split('\n')[0], ...Array.from({ length: 10_000 }, (_, i) => lines[i % lines.length])].join('\n');
row('audit(catalogue, records.csv: 25 records)', cpu(() => tables.audit(catalogue, csv, { today: '2024-12-31' })).ms);
const { ms: auditMs, out: auditOut } = cpu(() => tables.audit(catalogue, big, { today: '2024-12-31' }));
row(`audit(catalogue, ${auditOut.rows.length} records as CSV)`, auditMs, `${((auditMs * 1000) / auditOut.rows.length).toFixed(1)} µs per record`);

// Diff: the example against the embedded standard, and a generated 10,000-item catalogue.
const wuzhi = readFileSync(repo('examples/wuzhi-municipal.json'), 'utf8');
row('diff("municipal_services", wuzhi-municipal.json: 23 items)', cpu(() => tables.diff('municipal_services', wuzhi)).ms);
const large = JSON.stringify(generateCatalogue(10_000));
row('diff("municipal_services", generated 10,000 items)', cpu(() => tables.diff('municipal_services', large), 3).ms);
row('diff(consistency: 23 items against themselves)', cpu(() => tables.diff(wuzhi, wuzhi, { consistency: true })).ms);

// Tables.
for (const f of ['03-lchdgas-gas-enterprise.csv', '03-lchdgas-gas-enterprise.html']) {
  const bytes = readFileSync(repo(`tests/corpus/${f}`));
  row(`importTable(${f}: ${bytes.length} bytes)`, cpu(() => tables.importTable(bytes, { fileName: f })).ms);
}
const header = [
  ['序号', '公开事项', '', '公开内容', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', '', '公开方式', '', '公开层级', ''],
  ['', '一级事项', '二级事项', '', '', '', '', '', '全社会', '特定群体', '主动', '依申请', '县级', '乡级'],
];
const body = Array.from({ length: 1000 }, (_, i) => [String(i + 1), '城镇燃气管理', `燃气经营许可证核发${i + 1}`, '申请条件、申请材料', '《城镇燃气管理条例》', '自信息形成或者变更之日起20个工作日内', '武陟县城市管理局', '■政府网站 ■政务服务中心', '√', '', '√', '', '√', '']);
const book = xlsx('市政服务', [...header, ...body], ['B1:C1', 'I1:J1', 'K1:L1', 'M1:N1']);
const { ms: xMs } = cpu(() => tables.importTable(book, { fileName: 'a.xlsx' }), 3);
row(`importTable(XLSX, 1,000 rows: ${book.length} bytes)`, xMs, `${((xMs * 1000) / 1000).toFixed(0)} µs per row`);

// Start-up: compiling each build's module (what a page pays once the bytes are there). Each run
// appends a custom section of its own, so that V8's cache of compiled modules cannot answer.
const unique = (bytes, r) => {
  const name = new TextEncoder().encode(`bench-${r}`);
  return new Uint8Array([...bytes, 0, name.length + 1, name.length, ...name]);
};
for (const dir of ['pkg-web', 'pkg-tables-web']) {
  const bytes = readFileSync(new URL(`../${dir}/gongkai_wasm_bg.wasm`, import.meta.url));
  const times = [];
  for (let r = 0; r < 5; r++) {
    const copy = unique(bytes, r);
    const t0 = performance.now();
    await WebAssembly.compile(copy);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  row(`WebAssembly.compile(${dir}: ${bytes.length} bytes)`, times[2], 'wall time, median of 5');
}
