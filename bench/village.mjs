// Benchmark (not a test): an office holding 200,000 驻村日志 entries (years of logs, 20,000
// problems raised, 10,000 still open) in headless Chromium. Prints how long 首页 takes from
// navigation, and each list of the 驻村日志 tab from the click until it is drawn: the tab, a
// month changed, a village changed, the next page of open problems, the next page of a
// village's month.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, freshContext, openApp, setProfile, nav } from '../tests/e2e/harness.mjs';
import { logFile } from '../tests/e2e/village_logs.mjs';

const ENTRIES = Number(process.env.BENCH_LOGS ?? 200_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ms = (n) => `${n.toFixed(0)} ms`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await serve();
const browser = await launch();
try {
  const context = await freshContext(browser);
  const page = await openApp(context, server.url);
  await setProfile(page, { name: '刘干事', unit: '党政办' });
  await nav(page, '数据管理');
  // Files over 50 MB go to the page by path.
  const dir = mkdtempSync(join(tmpdir(), 'zuofeng-bench-'));
  const file = join(dir, '驻村日志.json');
  writeFileSync(file, logFile(ENTRIES));
  await page.getByLabel('选择备份文件（.json）').setInputFiles(file);
  const confirm = page.getByRole('button', { name: /确认导入$/ });
  await confirm.waitFor({ timeout: 300_000 });
  const importStart = Date.now();
  await confirm.click({ timeout: 300_000 });
  await page.getByText(/导入完成/).waitFor({ timeout: 300_000 });
  const importTime = Date.now() - importStart;
  rmSync(dir, { recursive: true, force: true });

  // Timed from the event itself (a click or a change), not from before Playwright finds it.
  const timed = async (event, act, ready, arg = null) => {
    await page.evaluate((event) => document.addEventListener(event, () => { window.actedAt = performance.now(); }, { capture: true, once: true }), event);
    await act();
    const drawn = await page.waitForFunction(ready, arg, { polling: 'raf', timeout: 120_000 }).then((h) => h.jsonValue());
    return drawn - (await page.evaluate(() => window.actedAt));
  };
  const report = (what, times) => console.log(`${ENTRIES} log entries: ${what}, median: ${ms(median(times))}  [${times.map(ms).join(', ')}]`);

  const home = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto(server.url, { waitUntil: 'commit' });
    const t = await page.waitForFunction(() => /驻村日志：\d+ 条/.test(document.querySelector('main')?.innerText ?? '') && performance.now(), null, { polling: 'raf', timeout: 120_000 });
    home.push(await t.jsonValue());
  }
  report('navigation → 首页 drawn with its counts', home);

  const tabs = page.getByRole('navigation', { name: '驻村与便民' });
  await nav(page, '驻村与便民');
  const logs = [];
  const month = [];
  const village = [];
  const problems = [];
  const entries = [];
  for (let i = 0; i < RUNS; i++) {
    await tabs.getByRole('link', { name: '公开栏', exact: true }).click();
    logs.push(await timed('click', () => tabs.getByRole('link', { name: '驻村日志', exact: true }).click(),
      () => document.querySelector('table[aria-label="各村驻村日志（按角色）"] tbody tr') && document.querySelector('table[aria-label="未解决的问题"] tbody tr') && performance.now()));
    const wanted = `2026-${String(10 + (i % 2)).padStart(2, '0')}`;
    month.push(await timed('change', () => page.getByLabel('月份').fill(wanted),
      (m) => document.querySelector('#summary-h')?.textContent.includes(`${m.slice(0, 4)}年${m.slice(5)}月`) && document.querySelector('table[aria-label="该村本月驻村日志"] tbody tr') && performance.now(), wanted));
    village.push(await timed('change', () => page.locator('.village-month select').selectOption({ index: 1 + (i % 2) }),
      () => document.querySelector('#vm-h')?.textContent.startsWith(document.querySelector('.village-month select').value) && performance.now()));
    problems.push(await timed('click', () => page.getByRole('region', { name: /^群众反映、尚未解决的问题/ }).getByRole('button', { name: '下一页' }).click(),
      () => /当前第 2 \//.test(document.querySelector('[aria-labelledby="open-h"] .pager')?.textContent ?? '') && performance.now()));
    const monthPager = page.locator('.village-month').getByRole('button', { name: '下一页' });
    if (await monthPager.count()) {
      entries.push(await timed('click', () => monthPager.click(),
        () => /当前第 2 \//.test(document.querySelector('.village-month .pager')?.textContent ?? '') && performance.now()));
    }
  }
  // The floor under a month change: the same month's entries read by plain JavaScript
  // through the index of each village's month (a month's keys are [month, village, date]),
  // nothing drawn.
  const baseline = [];
  for (let i = 0; i < RUNS; i++) {
    baseline.push(await page.evaluate(() => new Promise((done, fail) => {
      const open = indexedDB.open('zuofeng-work-style-workbench');
      open.onsuccess = () => {
        try {
          const t0 = performance.now();
          const index = open.result.transaction('village_logs').objectStore('village_logs').index('by_month_village');
          const all = index.getAll(IDBKeyRange.bound(['2026-11'], ['2026-11\0'], false, true));
          all.onsuccess = () => { const n = all.result.length; open.result.close(); done(n && performance.now() - t0); };
          all.onerror = fail;
        } catch (e) { fail(e); }
      };
      open.onerror = fail;
    })));
  }
  report('a month (2026-11) read by plain JavaScript getAll, nothing drawn', baseline);
  console.log(`${ENTRIES} log entries: backup taken in, 确认导入 → 导入完成: ${ms(importTime)}`);
  report('驻村日志 tab, click → drawn (month tables and open problems)', logs);
  report('month changed → drawn', month);
  report('village changed → its month drawn', village);
  report('open problems, next page → drawn', problems);
  if (entries.length) report("a village's month, next page → drawn", entries);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
