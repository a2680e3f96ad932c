// Browser test of the 专题 site that `gongkai site` writes: headless Chromium through
// playwright-core (the system's browser, never a downloaded one), pages opened from file://.
// A plain script: prints "ok - …" / "not ok - …" per step and "N passed, N failed", exits
// non-zero on failure.
//
//   node cli/tests-js/site.mjs SITE_DIR [screenshot-dir]
//
// SITE_DIR is written by scripts/test-site.sh from the bundled example, its records
// (tests/site/records/) and the corpus tables.
import { chromium } from 'playwright-core';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const siteDir = process.argv[2] && resolve(process.argv[2]);
const shots = resolve(process.argv[3] ?? 'target');
if (!siteDir || !existsSync(join(siteDir, 'index.html'))) {
  console.error('usage: node cli/tests-js/site.mjs SITE_DIR [screenshot-dir]  (SITE_DIR/index.html must exist)');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const PAGE = 'municipal_services-06a2bac5/index.html';
const url = (rel) => pathToFileURL(join(siteDir, rel)).href;

const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
const browser = await chromium.launchPersistentContext(profile, {
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

// Every request a page makes must stay in the site folder: no external script, font, style
// or image.
const outside = [];
const problems = [];
function watch(page) {
  page.on('request', (r) => {
    if (!r.url().startsWith(pathToFileURL(siteDir).href)) outside.push(r.url());
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  return page;
}
const page = watch(await browser.newPage());

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

/** Every .html file under the site folder, relative. */
function htmlFiles(dir = siteDir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return htmlFiles(p);
    return name.endsWith('.html') ? [relative(siteDir, p).split('\\').join('/')] : [];
  });
}

await step('every link of every page resolves, every page is reached, nothing is loaded from elsewhere', async () => {
  const pages = htmlFiles();
  assert(pages.length >= 3, `pages: ${pages}`);
  const ids = new Map(); // page → its element ids
  const links = []; // [from, href]
  for (const rel of pages) {
    await page.goto(url(rel));
    ids.set(rel, new Set(await page.$$eval('[id]', (els) => els.map((e) => e.id))));
    for (const href of await page.$$eval('a[href]', (as) => as.map((a) => a.href))) links.push([rel, href]);
  }
  const reached = new Set(['index.html']);
  let external = 0;
  let fragments = 0;
  for (const [from, href] of links) {
    const u = new URL(href);
    if (u.protocol === 'http:' || u.protocol === 'https:') {
      external += 1; // a published document (from the records); not fetched
      continue;
    }
    assert(u.protocol === 'file:', `${from}: ${href}`);
    const path = fileURLToPath(u);
    assert(existsSync(path), `${from}: broken link ${href}`);
    const target = relative(siteDir, path).split('\\').join('/');
    assert(!target.startsWith('..'), `${from}: leaves the site: ${href}`);
    if (target.endsWith('.html')) reached.add(target);
    if (u.hash) {
      fragments += 1;
      const id = decodeURIComponent(u.hash.slice(1));
      assert(ids.get(target)?.has(id), `${from}: no #${id} in ${target}`);
    }
  }
  for (const p of pages) assert(reached.has(p), `no link reaches ${p}`);
  assert(external > 0, 'the example page lists documents');
  assert(fragments > 20, `anchors: ${fragments}`);
  assert(outside.length === 0, `requests outside the site: ${outside.slice(0, 5)}`);
  console.log(`  ${pages.length} pages, ${links.length} links (${external} to documents, ${fragments} to anchors)`);
});

const rows = () => page.locator('table.catalogue tbody tr:visible');

await step('the filter finds an item, keeps its 一级事项 beside it, and clears with Escape', async () => {
  await page.goto(url(PAGE));
  const input = page.getByLabel('筛选事项');
  await input.waitFor({ state: 'visible' });
  const total = await rows().count();
  assert(total === 22, `rows: ${total}`);
  assert((await page.locator('#filter-count').textContent()) === '共 22 项', 'initial count');
  await input.fill('改动市政燃气');
  assert((await rows().count()) === 1, `rows after filtering: ${await rows().count()}`);
  const row = rows().first();
  assert((await row.getAttribute('id')) === 'item-2', `found ${await row.getAttribute('id')}`);
  assert((await page.locator('#filter-count').textContent()) === '显示 1 项（共 22 项）', 'count');
  // The 一级事项 moved into the only visible row and spans exactly it.
  const th = row.locator('th.category');
  assert((await th.textContent()) === '城镇燃气管理', 'category cell in the found row');
  const [tb, rb] = [await th.boundingBox(), await row.boundingBox()];
  assert(Math.abs(tb.y - rb.y) < 2 && Math.abs(tb.y + tb.height - (rb.y + rb.height)) < 2, `th ${JSON.stringify(tb)} row ${JSON.stringify(rb)}`);
  // A 一级事项 matches its whole group; a chosen channel matches, an unchosen one does not.
  await input.fill('城镇燃气管理');
  assert((await rows().count()) === 3, `group: ${await rows().count()}`);
  await input.fill('政府公报'); // every item lists □政府公报; none chooses it
  assert((await rows().count()) === 0, `unchosen channel matched ${await rows().count()}`);
  assert((await page.locator('#filter-count').textContent()) === '没有找到匹配的事项', 'no match');
  await input.press('Escape');
  assert((await rows().count()) === 22, 'Escape shows every row');
  assert((await page.locator('tbody th.category').count()) === (await page.locator('tbody').count()), 'one 一级事项 per group');
});

await step('without JavaScript the full table shows and no filter box', async () => {
  const ctx = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const p = await (await ctx.newContext({ javaScriptEnabled: false })).newPage();
  await p.goto(url(PAGE));
  assert(!(await p.locator('#filter').isVisible()), 'filter box hidden');
  assert((await p.locator('table.catalogue tbody tr:visible').count()) === 22, 'all rows');
  await ctx.close();
});

await step('keyboard: skip link first, then the filter box is reached with Tab', async () => {
  await page.goto(url(PAGE));
  await page.keyboard.press('Tab');
  assert((await page.evaluate(() => document.activeElement.className)) === 'skip', 'skip link first');
  let reached = false;
  for (let i = 0; i < 12 && !reached; i += 1) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement.id === 'filter-q');
  }
  assert(reached, 'filter box reachable');
  await page.keyboard.type('应急预案');
  assert((await rows().count()) >= 1, 'typing filters');
});

await step('an item anchor shows its row', async () => {
  await page.goto(`${url(PAGE)}#item-3`);
  const target = page.locator('tr:target');
  assert((await target.getAttribute('id')) === 'item-3', 'tr:target');
  assert(await target.isVisible(), 'visible');
});

async function axe(rel, width) {
  await page.setViewportSize({ width, height: 900 });
  await page.goto(url(rel));
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help, target: v.nodes[0]?.target }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of result) console.log(`  axe ${rel} @${width}: ${v.impact} ${v.id} (${v.nodes}) ${v.help} ${JSON.stringify(v.target)}`);
  assert(bad.length === 0, `serious or critical: ${JSON.stringify(bad)}`);
}

await step('axe-core finds a violation where there is one (the check can fail)', async () => {
  await page.setContent('<!doctype html><html><body><input type="text"><p style="color:#bbb">低对比度</p></body></html>');
  await page.addScriptTag({ content: axeSource });
  // eslint-disable-next-line no-undef
  const ids = await page.evaluate(async () => (await axe.run(document)).violations.map((v) => `${v.impact} ${v.id}`));
  assert(ids.includes('critical label') && ids.includes('serious color-contrast'), ids.join(', '));
});

for (const rel of ['index.html', PAGE]) {
  for (const width of [1280, 390]) {
    await step(`axe-core: no serious or critical violation on ${rel} at ${width}px`, () => axe(rel, width));
  }
}

await step('phone width: no sideways scrolling; rows become labelled cards', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const rel of ['index.html', PAGE]) {
    await page.goto(url(rel));
    const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    assert(scroll <= inner + 1, `${rel}: ${scroll} > ${inner}`);
  }
  const before = await page.locator('#item-1 td[data-label="公开时限"]').evaluate((td) => getComputedStyle(td, '::before').content);
  assert(before.includes('公开时限'), `label: ${before}`);
});

await step('print: A4 landscape style, header repeated, filter and navigation hidden', async () => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(url(PAGE));
  await page.emulateMedia({ media: 'print' });
  assert((await page.locator('thead').first().evaluate((e) => getComputedStyle(e).display)) === 'table-header-group', 'thead');
  assert(!(await page.locator('#filter').isVisible()) && !(await page.locator('nav.crumbs').isVisible()), 'hidden');
  const pdf = await page.pdf({ preferCSSPageSize: true });
  const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf.toString('latin1'));
  assert(box && Number(box[1]) > Number(box[2]), `landscape: ${box?.slice(1)}`);
  assert(Math.abs(Number(box[1]) - 842) < 2, `A4 width: ${box[1]}`);
  await page.emulateMedia({ media: 'screen' });
});

await step('screenshots of the index and a catalogue page at desktop and phone width', async () => {
  for (const [name, rel] of [['index', 'index.html'], ['page', PAGE]]) {
    for (const [device, width, height] of [['desktop', 1280, 900], ['phone', 390, 844]]) {
      await page.setViewportSize({ width, height });
      await page.goto(url(rel));
      const file = join(shots, `site-${name}-${device}.png`);
      await page.screenshot({ path: file });
      assert(statSync(file).size > 10_000, `${file} is too small`);
    }
  }
  console.log(`  screenshots in ${shots}/site-*.png`);
});

await step('no page error or console warning', async () => {
  assert(problems.length === 0, problems.join('\n'));
  assert(outside.length === 0, `requests outside the site: ${outside.slice(0, 5)}`);
});

await browser.close();
rmSync(profile, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
