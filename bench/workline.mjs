// Benchmark (not a test): 200 work lines × 50 tasks in headless Chromium. Prints how long the
// 周调度 and 时间线 tabs take from the click until they are drawn (reading the plan from
// IndexedDB included), and expanding the timeline to all 10,000 tasks.
import { randomUUID } from 'node:crypto';
import { serve, launch, freshContext, openApp, setProfile, nav } from '../tests/e2e/harness.mjs';

const LINES = 200;
const TASKS = 50;
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ms = (n) => `${n.toFixed(0)} ms`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function day(offset) {
  const d = new Date(Date.now() + offset * 86_400_000);
  return d.toISOString().slice(0, 10);
}

function planFile() {
  const at = new Date().toISOString();
  const meta = () => ({ id: randomUUID(), created_at: at, updated_at: at, rev: 1, versions: { bench: 1 } });
  const cadres = Array.from({ length: 300 }, (_, i) => ({ meta: meta(), name: `干部${i}`, unit: '城建办', post: '', phone: '', retired: false }));
  const work_lines = [];
  const tasks = [];
  for (let l = 0; l < LINES; l++) {
    const line = {
      meta: meta(), name: `工作线${l}`, goal: '年度目标', lead: cadres[l % 300].meta.id, unit: '城建办', members: [],
      measures: '', start: day(-60 + (l % 30)), deadline: day(40 + (l % 60)), status: 'active', deleted: false,
    };
    work_lines.push(line);
    for (let t = 0; t < TASKS; t++) {
      const done = t % 3 === 0;
      const due = day(-50 + ((l * 7 + t * 3) % 100));
      tasks.push({
        meta: meta(), line_id: line.meta.id, title: `任务${l}-${t}`, owners: [cadres[(l * 50 + t) % 300].meta.id],
        due, progress: done ? 100 : (t * 7) % 100, status: done ? 'done' : 'in_progress', notes: '', recurrence: 'none',
        order: t, finished_on: done ? due : null, history: [{ on: day(-(t % 10)), progress: 50, status: 'in_progress' }], deleted: false,
      });
    }
  }
  return JSON.stringify({
    format: 'zuofeng', format_version: 1, min_app_version: '0.1.0', app_version: '0.1.0', kind: 'backup',
    exported_by: { name: '基准', unit: '测试', post: '', device_id: 'bench' }, exported_at: at,
    records: { cadres, work_lines, tasks },
  });
}

const server = await serve();
const browser = await launch();
try {
  const context = await freshContext(browser);
  const page = await openApp(context, server.url);
  await setProfile(page, { name: '基准', unit: '测试' });
  await nav(page, '数据管理');
  await page.getByLabel('选择备份文件（.json）').setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(planFile()) });
  await page.getByRole('button', { name: '确认导入' }).click({ timeout: 120_000 });
  await page.getByText(/导入完成/).waitFor({ timeout: 120_000 });
  await nav(page, '工作分线');
  const tabs = page.getByRole('navigation', { name: '工作分线' });

  const timeTab = async (label, ready) => {
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      await tabs.getByRole('link', { name: '工作线', exact: true }).click();
      await page.getByRole('table', { name: '工作线列表' }).waitFor();
      // Timed from the click event itself, not from before Playwright looks for the link.
      await page.evaluate(() => document.addEventListener('click', () => { window.clickedAt = performance.now(); }, { capture: true, once: true }));
      await tabs.getByRole('link', { name: label, exact: true }).click();
      const drawn = await page.waitForFunction(ready, null, { polling: 'raf', timeout: 60_000 }).then((h) => h.jsonValue());
      times.push(drawn - (await page.evaluate(() => window.clickedAt)));
    }
    return times;
  };
  const dispatch = await timeTab('周调度', () => document.querySelectorAll('article.report section.report-section').length >= 10 && document.querySelector('article.report .report-summary tbody tr:nth-child(11)') && performance.now());
  console.log(`${LINES} lines × ${TASKS} tasks: 周调度 tab, click → drawn (generate ${LINES} sections + draw the first page of 10 with their figures and 合计), median: ${ms(median(dispatch))}  [${dispatch.map(ms).join(', ')}]`);
  const timeline = await timeTab('时间线', () => document.querySelectorAll('svg.timeline g.row').length >= 25 && performance.now());
  console.log(`${LINES} lines × ${TASKS} tasks: 时间线 tab, click → drawn (load + layout + render the first page of 25 lines), median: ${ms(median(timeline))}  [${timeline.map(ms).join(', ')}]`);
  const t0 = await page.evaluate(() => performance.now());
  await page.getByRole('button', { name: '展开全部任务' }).click();
  const expanded = (await page.waitForFunction(() => document.querySelectorAll('svg.timeline g.row').length >= 1275 && performance.now(), null, { polling: 'raf', timeout: 60_000 }).then((h) => h.jsonValue())) - t0;
  console.log(`${LINES} lines × ${TASKS} tasks: timeline page expanded to its ${25 * TASKS} task rows: ${ms(expanded)}`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
