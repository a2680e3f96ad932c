// Browser test of examples/form/ (react-jsonschema-form generated from the published schema, Ajv
// 2020 for structure, gongkai's validateItem for the legal rules): playwright-core driving the
// system's Chromium. A plain script like browser.mjs: prints "N passed, N failed" on its own line
// and exits non-zero on failure.
//
//   node tests-js/form-browser.mjs http://127.0.0.1:PORT [screenshot-dir]
//
// The server must serve bindings-wasm/ with examples/form/dist/ built (scripts/test-wasm.sh).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const base = process.argv[2];
const shots = resolve(process.argv[3] ?? 'target');
if (!base) {
  console.error('usage: node tests-js/form-browser.mjs http://127.0.0.1:PORT [screenshot-dir]');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
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
/** The error messages RJSF shows under the field with this id (`root_items_0_time_limit`). */
const errorsAt = (id) => page.locator(`[id="${id}__error"] li`);
async function waitError(id, text) {
  await errorsAt(id).filter({ hasText: text }).first().waitFor({ timeout: TIMEOUT });
}
async function waitNoError(id, text) {
  await page.waitForFunction(
    ([i, t]) => ![...document.querySelectorAll(`[id="${i}__error"] li`)].some((li) => li.textContent.includes(t)),
    [id, text],
    { timeout: TIMEOUT },
  );
}

await step('the form is generated from the published schema and gongkai loads', async () => {
  await page.goto(`${base}/examples/form/`);
  await page.locator('#status[data-ready]').waitFor({ timeout: TIMEOUT });
  assert(await page.locator('#root_items_0_time_limit_days').isVisible(), 'no 天数 field');
});

await step('Chinese labels, the fields of an item in the standard table order', async () => {
  const labels = await page.$$eval('#root_items_0 > .form-group > label.control-label, #root_items_0 > .form-group > fieldset > legend, #root_items_0 label.control-label, #root_items_0 legend', (els) =>
    els.map((e) => e.textContent.replace('*', '').trim()),
  );
  const want = ['序号', '一级事项', '二级事项', '三级事项', '公开内容', '公开依据', '公开时限', '公开主体', '公开渠道和载体', '其他渠道', '公开对象', '特定群体说明', '公开方式', '公开层级', '备注'];
  const at = want.map((w) => labels.indexOf(w));
  assert(at.every((i) => i >= 0), `missing labels: ${want.filter((w, k) => at[k] < 0)} in ${labels}`);
  assert(at.every((i, k) => k === 0 || i > at[k - 1]), `out of order: ${labels}`);
});

await step('one control per field: no "option 1/option 2" picker, no type picker for optional values', async () => {
  const html = await page.content();
  assert(!/option \d/i.test(html), 'an untitled alternative picker is shown');
  assert((await page.locator('[id$="__anyof_select"], [id$="__oneof_select"]').count()) === 0, 'a picker select is shown');
  // Optional code lists are plain selects; optional objects are plain field groups.
  assert(await page.locator('select#root_items_0_time_limit_from').isVisible(), '起算点 is not a select');
  assert(await page.locator('select#root_items_0_basis_0_kind').isVisible(), '类别 is not a select');
  assert(await page.locator('input#root_region_province').isVisible(), '行政区划 is not a field group');
});

await step('typing 30 working days on a proactive item shows the rule\'s Chinese message at 公开时限', async () => {
  await page.locator('#root_items_0_time_limit_days').fill('30');
  await waitError('root_items_0_time_limit', '20个工作日');
  const text = await errorsAt('root_items_0_time_limit').first().textContent();
  assert(text.includes('time.exceeds_statutory_limit'), text);
  assert(/[\u4e00-\u9fff]/.test(text), text);
  await page.screenshot({ path: join(shots, 'form-time-limit.png') });
  await page.locator('#root_items_0_time_limit_days').fill('20');
  await waitNoError('root_items_0_time_limit', '20个工作日');
});

await step('a proactive item without 政府网站 gets the rule at 公开渠道', async () => {
  const box = page.locator('#root_items_1_channels input[type=checkbox]').first();
  assert(await box.isChecked(), '政府网站 is not the first, ticked channel');
  await box.uncheck();
  await waitError('root_items_1_channels', '政府网站');
  await box.check();
  await waitNoError('root_items_1_channels', '政府网站');
});

await step('Ajv 2020 with formats refuses an impossible date, in Chinese', async () => {
  // The example shows dates as text (uiSchema), as pasted or loaded data would come.
  const issued = page.locator('#root_issued');
  await issued.fill('2024-02-30');
  await waitError('root_issued', '格式');
  await issued.fill('2024-02-29');
  await waitNoError('root_issued', '格式');
});

await step('a new item has no pre-selected code (时限类型, 起算点) and no pre-filled value', async () => {
  await page.locator('#root_items__add').click();
  await page.locator('#root_items_2_time_limit_kind').waitFor({ timeout: TIMEOUT });
  for (const id of ['root_items_2_time_limit_kind', 'root_items_2_time_limit_from', 'root_items_2_basis_0_kind']) {
    const value = await page.locator(`#${id}`).inputValue();
    assert(value === '', `${id} pre-selected: ${value}`);
  }
  const ticked = await page.locator('#root_items_2 input[type=checkbox]:checked').count();
  assert(ticked === 0, `${ticked} boxes ticked on a new item`);
});

await step('no error or warning in the console', async () => {
  assert(problems.length === 0, problems.join('\n'));
});

await page.screenshot({ path: join(shots, 'form.png'), fullPage: false });
await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
