// Browser test of the 通报 that `gongkai evaluate -o report.html` writes: headless Chromium
// through playwright-core (the system's browser), the page opened from file://.
// A plain script: prints "ok - …" / "not ok - …" per step and "N passed, N failed", exits
// non-zero on failure.
//
//   node cli/tests-js/evaluate.mjs REPORT.html REPORT.json [screenshot-dir]
//
// REPORT.html and REPORT.json are written by scripts/test-evaluate.sh from
// examples/evaluation/ (the same run, so the page can be checked against the data).
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const html = process.argv[2] && resolve(process.argv[2]);
const json = process.argv[3] && resolve(process.argv[3]);
const shots = resolve(process.argv[4] ?? 'target');
if (!html || !json || !existsSync(html) || !existsSync(json)) {
  console.error('usage: node cli/tests-js/evaluate.mjs REPORT.html REPORT.json [screenshot-dir]');
  process.exit(2);
}
mkdirSync(shots, { recursive: true });
const report = JSON.parse(readFileSync(json, 'utf8'));

let passed = 0;
let failed = 0;
function check(name, cond, detail = '') {
  if (cond) {
    passed++;
    console.log(`ok - ${name}`);
  } else {
    failed++;
    console.log(`not ok - ${name}${detail ? `: ${detail}` : ''}`);
  }
}

const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1100, height: 900 },
});
try {
  const page = await browser.newPage();
  const requests = [];
  const problems = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  const url = pathToFileURL(html).href;
  await page.goto(url, { waitUntil: 'load' });

  check('no console error or page error', problems.length === 0, problems.join('; '));
  const others = requests.filter((r) => r !== url);
  check('the page loads nothing but itself (no script, font, style or image)', others.length === 0, others.join(', '));
  check('no script element', (await page.locator('script').count()) === 0);
  check('Chinese page', (await page.getAttribute('html', 'lang')) === 'zh-CN');
  check('the title is the report\'s', (await page.locator('h1').innerText()).includes(report.title));

  // The ranking: one row per unit, in the report's order, with its score.
  const rows = await page.$$eval('table.ranking tbody tr', (trs) => trs.map((tr) => [
    tr.querySelector('th').innerText.trim(), tr.querySelector('td.score').innerText.trim()]));
  check('one ranking row per unit', rows.length === report.units.length, `${rows.length} rows`);
  const expected = report.units.map((u) => [u.unit, u.score === null ? '—' : String(u.score).replace(/\.0$/, '')]);
  check('ranking rows match the JSON report', JSON.stringify(rows) === JSON.stringify(expected),
    `${JSON.stringify(rows)} vs ${JSON.stringify(expected)}`);

  // Every chart has data: bars with numeric values, drawn with a width.
  const charts = await page.$$eval('svg.chart', (svgs) => svgs.map((s) => ({
    id: s.dataset.chart,
    bars: [...s.querySelectorAll('.bar')].map((b) => [Number(b.dataset.value), b.getBoundingClientRect().width]),
  })));
  check('four charts', charts.length === 4, charts.map((c) => c.id).join(','));
  for (const c of charts) {
    check(`chart ${c.id} has data`, c.bars.length > 0 && c.bars.every(([v]) => Number.isFinite(v))
      && c.bars.some(([, w]) => w > 0), JSON.stringify(c.bars));
  }
  const scoreBars = charts.find((c) => c.id === 'score')?.bars ?? [];
  const scored = report.units.filter((u) => u.score !== null).map((u) => u.score);
  check('the score chart has a bar per scored unit with its score',
    JSON.stringify(scoreBars.map(([v]) => v)) === JSON.stringify(scored));
  const codeBars = charts.find((c) => c.id === 'codes')?.bars ?? [];
  check('the problem chart shows the ten most frequent codes',
    codeBars.length === report.summary.top_codes.length && codeBars.length <= 10);

  // Every deduction names its findings, and each link reaches a problem row with a place.
  const links = await page.$$eval('table.deductions a', (as) => as.map((a) => a.getAttribute('href')));
  const deductions = report.units.reduce((n, u) => n + u.deductions.reduce((m, d) => m + d.count, 0), 0);
  check('one link per finding behind a deduction', links.length === deductions, `${links.length} vs ${deductions}`);
  const broken = [];
  for (const href of links) {
    if ((await page.locator(href).count()) !== 1) broken.push(href);
  }
  check('every deduction link resolves to a problem', broken.length === 0, broken.slice(0, 5).join(', '));
  check('one section per unit', (await page.locator('section.unit').count()) === report.units.length);

  // Screenshots: the whole page, and the top of it for the README (docs/evaluation.png).
  const full = join(shots, 'evaluate-report.png');
  await page.screenshot({ path: full, fullPage: true });
  check('full-page screenshot written', statSync(full).size > 10000);
  console.log(`# screenshot: ${full}`);
  await page.setViewportSize({ width: 1000, height: 1280 });
  const top = join(shots, 'evaluate-report-top.png');
  await page.screenshot({ path: top, clip: { x: 0, y: 0, width: 1000, height: 1280 } });
  console.log(`# screenshot: ${top}`);
  const chartsShot = join(shots, 'evaluate-report-charts.png');
  await page.locator('div.charts').screenshot({ path: chartsShot });
  console.log(`# screenshot: ${chartsShot}`);

  // Print on A4.
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  check('prints on A4 pages', pages >= report.units.length, `${pages} pages`);
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
