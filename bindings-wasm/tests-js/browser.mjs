// Browser test of the demo form: playwright-core driving the system's Chromium (never a
// downloaded browser). A plain script, not node:test: it prints "N passed, N failed" on its own
// line and exits non-zero on failure.
//
//   node tests-js/browser.mjs http://127.0.0.1:PORT [screenshot-dir]
//
// The server must serve bindings-wasm/ (scripts/test-wasm.sh starts one on loopback).
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { xlsx } from './xlsx.mjs';
// The Node builds: what the page should show, from the same core.
import { domains } from '../node.mjs';
import { importTable } from '../tables/node.mjs';

const base = process.argv[2];
const shots = resolve(process.argv[3] ?? 'target');
if (!base) {
  console.error('usage: node tests-js/browser.mjs http://127.0.0.1:PORT [screenshot-dir]');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
  viewport: { width: 1280, height: 900 },
});
const page = await context.newPage();
// The .wasm files the page fetched: the default build at start, the tables build on a spreadsheet.
const fetched = [];
page.on('request', (r) => {
  if (r.url().endsWith('.wasm')) fetched.push(new URL(r.url()).pathname);
});
const LEAN = '/pkg-web/gongkai_wasm_bg.wasm';
const TABLES = '/pkg-tables-web/gongkai_wasm_bg.wasm';
const problems = [];
page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
page.on('console', (m) => {
  if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
});

let passed = 0;
let failed = 0;
async function step(name, fn) {
  try {
    await fn();
    passed += 1;
    console.log(`ok - ${name}`);
  } catch (e) {
    failed += 1;
    console.log(`not ok - ${name}\n  ${String(e?.stack ?? e).split('\n').slice(0, 6).join('\n  ')}`);
  }
}
function assert(cond, message) {
  if (!cond) throw new Error(message);
}

const TIMEOUT = 10_000;
const input = (path) => page.locator(`[data-path="${path}"]`);
/** The issue messages shown next to the field of `path`. */
const issuesAt = (path) => page.locator(`[data-field="${path}"] > .issues > li`);
const status = () => page.locator('#status').textContent();
async function waitIssue(path, text) {
  await issuesAt(path).filter({ hasText: text }).first().waitFor({ timeout: TIMEOUT });
}
async function waitNoIssue(path) {
  await page.waitForFunction((p) => document.querySelectorAll(`[data-field="${p}"] > .issues > li`).length === 0, path, { timeout: TIMEOUT });
}
async function waitClean() {
  await page.waitForFunction(() => document.querySelector('#status')?.textContent.includes('没有发现问题'), null, { timeout: TIMEOUT });
}

await step('the demo loads the default module (no table import) and opens in the "no problems" state', async () => {
  await page.goto(`${base}/demo/index.html`);
  await page.waitForFunction(() => window.__demo?.ready === true, null, { timeout: 30_000 });
  await waitClean();
  // Labels come from the schema's Chinese titles.
  const labels = await page.locator('.label').allTextContents();
  for (const l of ['目录名称', '一级事项', '二级事项', '公开内容', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '其他渠道', '公开对象', '公开方式', '公开层级']) {
    assert(labels.includes(l), `no label ${l}: ${labels.slice(0, 40)}`);
  }
  const channels = await page.locator('[data-path="/items/0/channels"] label').allTextContents();
  assert(channels.length === 12 && channels[0] === '政府网站', `12 channel checkboxes: ${channels}`);
  assert(JSON.stringify(fetched) === JSON.stringify([LEAN]), `only the default build is fetched at start: ${fetched}`);
});

await step('a bad value shows its Chinese error next to the field, and fixing it removes it', async () => {
  const days = '/items/0/time_limit/days';
  await input(days).fill('400');
  await waitIssue(days, '超出允许范围');
  const text = await issuesAt(days).first().textContent();
  assert(/[\u4e00-\u9fff]/.test(text) && text.includes('400'), `Chinese message quoting the value: ${text}`);
  assert((await status()).includes('1 个错误'), `summary count: ${await status()}`);
  assert((await page.locator('#issue-list li').count()) === 1, 'one issue in the summary');
  await page.locator(`[data-field="${days}"]`).scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(shots, 'wasm-demo-error.png'), fullPage: false });
  await input(days).fill('20');
  await waitNoIssue(days);
  await waitClean();
  await page.screenshot({ path: join(shots, 'wasm-demo-fixed.png'), fullPage: false });
});

await step('typing words where a number goes says so', async () => {
  const hours = '/items/1/time_limit/hours';
  await input(hours).fill('二十四');
  await waitIssue(hours, '应为整数');
  await input(hours).fill('24');
  await waitNoIssue(hours);
  await waitClean();
});

await step('unticking 政府网站 on a proactive item is an error at the channels', async () => {
  const box = page.locator('[data-path="/items/0/channels"] input[value="gov_website"]');
  await box.uncheck();
  await waitIssue('/items/0/channels', '政府网站');
  await box.check();
  await waitNoIssue('/items/0/channels');
  await waitClean();
});

await step('an emptied header field is reported next to it', async () => {
  const old = await input('/title').inputValue();
  await input('/title').fill('');
  await waitIssue('/title', '不能为空');
  await input('/title').fill(old);
  await waitNoIssue('/title');
  await waitClean();
});

await step('user text is shown as text, never as HTML', async () => {
  const bad = '<img src=x onerror="window.__xss=1">2024';
  await input('/issued').fill(bad);
  await waitIssue('/issued', '日期');
  const shown = await issuesAt('/issued').first().textContent();
  assert(shown.includes('<img src=x'), `the value appears literally: ${shown}`);
  assert((await page.locator('img').count()) === 0, 'no element was created from user text');
  assert((await page.evaluate(() => window.__xss)) === undefined, 'no script ran');
  await input('/issued').fill('2024-03-01');
  await waitClean();
});

await step('a new row shows its missing elements; removing it restores the clean state', async () => {
  await page.locator('#add-item').click();
  await waitIssue('/items/2/category', '不能为空');
  await waitIssue('/items/2/content', '至少');
  await page.locator('fieldset.item[data-item="2"] button[data-action="remove-item"]').click();
  await waitClean();
});

await step('a new kind of time limit shows its own fields', async () => {
  const kind = '/items/0/time_limit/kind';
  await input(kind).selectOption('annual_by');
  await waitIssue('/items/0/time_limit/month', '缺少');
  assert(await input('/items/0/time_limit/month').isVisible(), 'month is shown');
  assert(!(await input('/items/0/time_limit/days').isVisible()), 'days is hidden');
  await input('/items/0/time_limit/month').fill('1');
  await input('/items/0/time_limit/day').fill('31');
  await waitClean();
  const tl = await page.evaluate(() => window.gongkaiDemo.catalogue.items[0].time_limit);
  assert(JSON.stringify(tl) === '{"kind":"annual_by","month":1,"day":31}', `the state follows the form: ${JSON.stringify(tl)}`);
});

await step('loading a JSON file shows its issues at their fields; download gives the JSON back', async () => {
  const fixture = JSON.parse(readFileSync(new URL('../../tests/cases/wasm/form_row_errors.json', import.meta.url), 'utf8'));
  const text = JSON.stringify(fixture.catalogue, null, 2);
  await page.locator('#load-file').setInputFiles({ name: '目录.json', mimeType: 'application/json', buffer: Buffer.from(`\uFEFF${text}`) });
  await waitIssue('/items/0/name', '不能为空');
  await waitIssue('/items/0/time_limit/days', '超出允许范围');
  await waitIssue('/items/0/levels', '至少');
  await waitIssue('/items/1/time_limit/hours', '应为整数');
  await waitIssue('/items/0', 'chanels'); // an unknown key: shown on its row
  assert((await input('/items/1/time_limit/hours').inputValue()) === '二十四', 'the loaded value is in the form');
  const count = await page.evaluate(() => window.__demo.report.issues.length);
  assert(count === fixture.expected.issues.length, `${count} issues, as in the fixture`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert(JSON.stringify(saved) === JSON.stringify(fixture.catalogue), `the download is the loaded catalogue, unknown keys kept: ${JSON.stringify(saved)}`);
  await page.screenshot({ path: join(shots, 'wasm-demo-loaded.png'), fullPage: false });
});

await step('a file that is not JSON is refused with the reason', async () => {
  await page.locator('#load-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"title": "武陟') });
  await page.locator('#notice').filter({ hasText: '不是有效的 JSON' }).waitFor({ timeout: TIMEOUT });
  assert((await input('/items/0/name').inputValue()) === '', 'the form still holds the previous catalogue');
});

await step('an uploaded XLSX loads the tables build, fills the form; each issue names its cell; fixing it clears it', async () => {
  const rows = [
    ['序号', '公开事项', '', '公开内容（要素）', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', '', '公开方式', '', '公开层级', ''],
    ['', '一级事项', '二级事项', '', '', '', '', '', '全社会', '特定群体', '主动', '依申请', '县级', '乡级'],
    ['1', '城镇燃气管理', '燃气经营许可证核发', '申请条件、申请材料', '《城镇燃气管理条例》', '自信息形成或者变更之日起20个工作日内', '武陟县城市管理局', '■政府网站 □政府公报 ■政务服务中心', '√', '', '√', '', '√', ''],
    ['2', '城镇燃气管理', '燃气经营者改动市政燃气设施审批', '申请材料', '《城镇燃气管理条例》', '自信息形成或者变更之日起400个工作日内', '武陟县城市管理局', '■政府网站 □两微一端', '√', '', '√', '', '√', ''],
  ];
  const merges = ['A1:A2', 'B1:C1', 'D1:D2', 'E1:E2', 'F1:F2', 'G1:G2', 'H1:H2', 'I1:J1', 'K1:L1', 'M1:N1'];
  await page.locator('#load-file').setInputFiles({
    name: '武陟县市政服务.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(xlsx('市政服务', rows, merges)),
  });
  const days = '/items/1/time_limit/days';
  await waitIssue(days, '超出允许范围');
  assert((await input('/items/1/name').inputValue()) === '燃气经营者改动市政燃气设施审批', 'the form holds the imported row');
  assert((await input(days).inputValue()) === '400', 'and its time limit');
  await page.locator('#notice').filter({ hasText: '已从表格 武陟县市政服务.xlsx 导入 2 个事项' }).waitFor({ timeout: TIMEOUT });
  assert(JSON.stringify(fetched) === JSON.stringify([LEAN, TABLES]), `the tables build is fetched for the spreadsheet: ${fetched}`);
  const entry = page.locator('#issue-list li[data-issue-path="/items/1/time_limit/days"]');
  const where = await entry.locator('.where').textContent();
  assert(where.includes('市政服务 第 4 行 F 列（公开时限）'), `the summary names the cell: ${where}`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(shots, 'wasm-demo-table.png'), fullPage: false });
  await input(days).fill('20');
  await waitNoIssue(days);
  // The header fields the table does not hold (编制日期) remain to be filled in.
  await waitIssue('/issued', '日期');
  await input('/issued').fill('2024-03-01');
  await page.waitForFunction(() => !window.__demo.report.issues.some((i) => i.severity === 'error'), null, { timeout: TIMEOUT });
});

await step('a real CSV: the importer’s own findings are listed with their cells', async () => {
  const csv = readFileSync(new URL('../../tests/corpus/03-lchdgas-gas-enterprise.csv', import.meta.url));
  await page.locator('#load-file').setInputFiles({ name: '03-lchdgas-gas-enterprise.csv', mimeType: 'text/csv', buffer: csv });
  await page.locator('#notice').filter({ hasText: '导入 9 个事项，编码 UTF-8' }).waitFor({ timeout: TIMEOUT });
  const findings = page.locator('#import-list li');
  await findings.first().waitFor({ timeout: TIMEOUT });
  const codes = await findings.evaluateAll((lis) => lis.map((li) => li.dataset.code));
  assert(codes.length > 0 && codes.every((c) => c.startsWith('import.')), `import findings: ${codes}`);
  const where = await findings.locator('.where').allTextContents();
  assert(where.some((w) => /第 \d+ 行/.test(w)), `cells named: ${where.slice(0, 3)}`);
  // Removing a row: the cells no longer line up, so they are no longer named.
  await page.locator('fieldset.item[data-item="0"] button[data-action="remove-item"]').click();
  await page.waitForFunction(() => window.__demo.origin === null, null, { timeout: TIMEOUT });
});

await step('a spreadsheet the importer cannot read is refused with the reason', async () => {
  const before = await input('/items/0/name').inputValue();
  await page.locator('#load-file').setInputFiles({ name: '旧目录.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) });
  await page.locator('#notice').filter({ hasText: '另存为' }).waitFor({ timeout: TIMEOUT });
  assert((await input('/items/0/name').inputValue()) === before, 'the form still holds the previous catalogue');
  assert(JSON.stringify(fetched) === JSON.stringify([LEAN, TABLES]), `each build is fetched once: ${fetched}`);
});

// The template's two header rows (merged cells) and a row of it, for the tables below.
const TEMPLATE_HEADER = [
  ['序号', '公开事项', '', '公开内容（要素）', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '公开对象', '', '公开方式', '', '公开层级', ''],
  ['', '一级事项', '二级事项', '', '', '', '', '', '全社会', '特定群体', '主动', '依申请', '县级', '乡级'],
];
const TEMPLATE_MERGES = ['A1:A2', 'B1:C1', 'D1:D2', 'E1:E2', 'F1:F2', 'G1:G2', 'H1:H2', 'I1:J1', 'K1:L1', 'M1:N1'];
const templateRow = (n, timeLimit) => [String(n), '城镇燃气管理', `燃气事项${n}`, '申请条件、申请材料', '《城镇燃气管理条例》', timeLimit, '武陟县城市管理局', '■政府网站 ■政务服务中心', '√', '', '√', '', '√', ''];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The sticky bar's bottom and the summary's top, in the viewport. */
const barAndSummary = () =>
  page.evaluate(() => ({
    bar: document.querySelector('.bar').getBoundingClientRect().bottom,
    summary: document.getElementById('summary').getBoundingClientRect().top,
    viewport: window.innerHeight,
  }));

await step('领域 is a labelled choice of the 26 known fields by Chinese name; the code chosen is what is validated', async () => {
  // From the page's example catalogue again (the steps above left an imported table).
  await page.reload();
  await page.waitForFunction(() => window.__demo?.ready === true, null, { timeout: 30_000 });
  await waitClean();
  const known = domains();
  assert(known.length === 26, `the core knows 26: ${known.length}`);
  const domain = input('/domain');
  assert((await domain.evaluate((e) => e.tagName)) === 'SELECT', 'a select, not a code to type');
  assert((await page.locator('[data-field="/domain"] > .label').textContent()) === '领域', 'labelled 领域');
  assert((await domain.getAttribute('aria-label')) === '领域', 'and named 领域 for assistive technology');
  const options = await domain.locator('option').evaluateAll((os) => os.map((o) => [o.value, o.textContent]));
  assert(
    JSON.stringify(options) === JSON.stringify(known.map((d) => [d.code, d.zh])),
    `the 26 Chinese names, codes as values: ${JSON.stringify(options)}`,
  );
  assert(options.every(([, name]) => /^[\u4e00-\u9fff]+$/.test(name)), 'every name is Chinese');
  assert((await domain.inputValue()) === 'municipal_services', 'the example catalogue’s 领域 is chosen');
  await domain.selectOption({ label: '义务教育' });
  await page.waitForFunction(() => window.gongkaiDemo.catalogue.domain === 'compulsory_education', null, { timeout: TIMEOUT });
  await waitClean();
  // A loaded catalogue with a code the list lacks: kept, shown as it is, warned about; choosing
  // a known 领域 by its name removes the warning (the validator sees the chosen code).
  const catalogue = await page.evaluate(() => structuredClone(window.gongkaiDemo.catalogue));
  catalogue.domain = 'municipal_service';
  await page.locator('#load-file').setInputFiles({ name: '领域.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(catalogue)) });
  await waitIssue('/domain', '不在已知');
  assert((await input('/domain').inputValue()) === 'municipal_service', 'the unknown code stays chosen');
  await input('/domain').selectOption({ label: '市政服务' });
  await waitNoIssue('/domain');
  await waitClean();
  assert((await page.evaluate(() => window.gongkaiDemo.catalogue.domain)) === 'municipal_services', 'the code is saved');
});

await step('the summary scrolled into view is below the sticky bar, also when the bar wraps on a narrow screen', async () => {
  const heights = [];
  for (const width of [1280, 420]) {
    await page.setViewportSize({ width, height: 700 });
    heights.push(await page.locator('.bar').evaluate((b) => b.getBoundingClientRect().height));
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.evaluate(() => document.getElementById('summary').scrollIntoView({ block: 'start' }));
    const { bar, summary } = await barAndSummary();
    assert(summary >= bar, `${width}px: the summary's top (${summary}) is below the bar's bottom (${bar})`);
    assert((await page.evaluate(() => window.scrollY)) > 0, `${width}px: the page scrolled to the summary, not to its top`);
  }
  assert(heights[1] > heights[0], `the bar wraps on a narrow screen: ${heights}`);
  await page.screenshot({ path: join(shots, 'wasm-demo-narrow.png'), fullPage: false });
  // A problem clicked in the summary: its field is shown below the bar.
  await input('/items/1/time_limit/hours').fill('二十四');
  await waitIssue('/items/1/time_limit/hours', '应为整数');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('#issue-list li[data-issue-path="/items/1/time_limit/hours"]').click();
  const shown = await page.evaluate(() => ({
    bar: document.querySelector('.bar').getBoundingClientRect().bottom,
    field: document.querySelector('[data-path="/items/1/time_limit/hours"]').getBoundingClientRect().top,
    focused: document.activeElement?.dataset.path,
  }));
  assert(shown.focused === '/items/1/time_limit/hours' && shown.field >= shown.bar, `the field is focused, below the bar: ${JSON.stringify(shown)}`);
  await input('/items/1/time_limit/hours').fill('24');
  await waitClean();
  await page.setViewportSize({ width: 1280, height: 900 });
});

await step('a table with many import notes: every note is shown whole (no box to scroll, no line cut)', async () => {
  // 40 rows whose time limits are not understood (a note each, one of them long), in a
  // narrow window, loaded while the page is scrolled to its end.
  const long = `按照上级部门另行通知的安排${'并结合本单位实际情况'.repeat(12)}确定`;
  const rows = Array.from({ length: 40 }, (_, i) => templateRow(i + 1, i === 7 ? long : `按上级第${i + 1}号通知安排`));
  const bytes = Buffer.from(xlsx('市政服务', [...TEMPLATE_HEADER, ...rows], TEMPLATE_MERGES));
  const expected = importTable(bytes, { fileName: '武陟县市政服务.xlsx', frontEnd: 'form' }).report.issues.filter((i) => i.code.startsWith('import.'));
  assert(expected.length >= 40, `the table has many notes: ${expected.length}`);
  await page.setViewportSize({ width: 700, height: 700 });
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.locator('#load-file').setInputFiles({ name: '武陟县市政服务.xlsx', mimeType: XLSX_TYPE, buffer: bytes });
  await page.locator('#notice').filter({ hasText: '导入 40 个事项' }).waitFor({ timeout: TIMEOUT });
  const notes = page.locator('#import-list li');
  const texts = await notes.evaluateAll((lis) => lis.map((li) => [li.dataset.code, li.dataset.issuePath]));
  assert(
    JSON.stringify(texts) === JSON.stringify(expected.map((i) => [i.code, i.path])),
    `every note is listed: ${texts.length} of ${expected.length}`,
  );
  // The page scrolled to the summary: below the bar, in view.
  const { bar, summary, viewport } = await barAndSummary();
  assert(summary >= bar && summary < viewport, `after the load the summary is in view below the bar: ${bar} ${summary}`);
  // No note is cut by a box around it (nothing between it and the page clips it), nor its text
  // by its own line; each can be scrolled to and is then on top (not under the bar).
  const hidden = await notes.evaluateAll((lis) => {
    const bad = [];
    for (const [n, li] of lis.entries()) {
      const r = li.getBoundingClientRect();
      if (r.height === 0 || li.scrollWidth > li.clientWidth + 1) bad.push(`${n}: its text overflows`);
      for (let a = li.parentElement; a && a !== document.documentElement; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const box = a.getBoundingClientRect();
        if (r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5 || r.left < box.left - 0.5 || r.right > box.right + 0.5) {
          bad.push(`${n}: cut by ${a.tagName}#${a.id}.${a.className} (overflow ${style.overflowY})`);
        }
      }
    }
    for (const [n, li] of lis.entries()) {
      li.scrollIntoView({ block: 'nearest' });
      const r = li.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + 4, r.top + Math.min(r.height / 2, 8));
      if (!li.contains(hit)) bad.push(`${n}: covered by ${hit?.tagName}.${hit?.className} when scrolled to`);
    }
    return bad;
  });
  assert(hidden.length === 0, hidden.slice(0, 5).join('\n'));
  const longNote = notes.filter({ hasText: '并结合本单位实际情况并结合' });
  assert((await longNote.count()) === 1 && (await longNote.evaluate((li) => li.getBoundingClientRect().height)) > 30, 'the long note wraps onto several lines');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(shots, 'wasm-demo-notes.png'), fullPage: false });
  await page.setViewportSize({ width: 1280, height: 900 });
});

await step('a table without 领域: the note says to pick it in the form’s 领域 field, where it is then chosen', async () => {
  // No caption, a sheet and a file name that name no 领域: the importer cannot tell it.
  const rows = [templateRow(1, '自信息形成或者变更之日起20个工作日内')];
  await page.locator('#load-file').setInputFiles({ name: 'book.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(xlsx('Sheet1', [...TEMPLATE_HEADER, ...rows], TEMPLATE_MERGES)) });
  await page.locator('#notice').filter({ hasText: '已从表格 book.xlsx 导入 1 个事项' }).waitFor({ timeout: TIMEOUT });
  const note = page.locator('#import-list li[data-code="import.header_missing"][data-issue-path="/domain"]');
  assert((await note.count()) === 1, 'one note for the missing 领域');
  const text = await note.textContent();
  const label = await page.locator('[data-field="/domain"] > .label').textContent();
  assert(text.includes(`请在表单的“${label}”栏中填写`) && label === '领域', `the note names the form's 领域 field: ${text}`);
  assert(!/--domain|domain=|\{ domain \}|ImportOptions/.test(text), `no other front end's way: ${text}`);
  assert((await input('/domain').inputValue()) === '', 'nothing is chosen');
  assert((await input('/domain').locator('option').first().textContent()) === '请选择', 'the choice asks for one');
  // The note leads to the field.
  await note.click();
  assert((await page.evaluate(() => document.activeElement?.dataset.path)) === '/domain', 'clicking the note focuses 领域');
  await input('/domain').selectOption({ label: '市政服务' });
  await waitNoIssue('/domain');
  assert((await page.evaluate(() => window.gongkaiDemo.catalogue.domain)) === 'municipal_services', 'the chosen code is in the catalogue');
});

await step('no console errors or page errors', async () => {
  assert(problems.length === 0, problems.join('\n'));
});

await context.close();
rmSync(profile, { recursive: true, force: true });
console.log(`screenshots: ${['error', 'fixed', 'loaded', 'table', 'narrow', 'notes'].map((n) => join(shots, `wasm-demo-${n}.png`)).join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
