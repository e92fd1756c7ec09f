// Benchmark (not a test): a rating round of 50 rated people and 400 ballots imported from a
// backup, then the time from clicking the round to its result sheet drawn (tally included).
import { randomUUID } from 'node:crypto';
import { serve, launch, freshContext, openApp, setProfile, nav } from '../tests/e2e/harness.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const at = new Date().toISOString();
const meta = () => ({ id: randomUUID(), created_at: at, updated_at: at, rev: 1, versions: { bench: 1 } });
const votes = ['excellent', 'competent', 'basically_competent', 'incompetent', 'abstain'];

function backup() {
  const cadres = Array.from({ length: 50 }, (_, i) => ({ meta: meta(), name: `干部${i}`, unit: `单位${i % 6}`, post: '站长', phone: '', retired: false }));
  const round = {
    meta: meta(), year: 2026, title: '基准评议', rated: cadres.map((c) => c.meta.id),
    groups: [['村干部', 40, 150], ['人大代表', 20, 50], ['政协委员', 20, 50], ['机关干部', 20, 150]].map(([name, weight, issued], i) => ({ key: i + 1, name, weight, issued })),
    rules: { excellent_min: 60, incompetent_over: 33, basic_over: 50, quota: 20, coefficients: [120, 100, 80, 0] },
  };
  const ballots = Array.from({ length: 400 }, (_, b) => ({
    meta: meta(), evaluation_id: round.meta.id, group: 1 + (b % 4), number: b + 1, source: 'paper',
    votes: Object.fromEntries(cadres.map((c, p) => [c.meta.id, votes[(p + b) % 5]])), void: false,
  }));
  return JSON.stringify({
    format: 'zuofeng', format_version: 1, min_app_version: '0.1.0', app_version: '0.1.0', kind: 'backup',
    exported_by: { name: '基准', unit: '测试', post: '', device_id: 'bench' }, exported_at: at,
    records: { cadres, evaluations: [round], ballots },
  });
}

const server = await serve();
const browser = await launch();
try {
  const context = await freshContext(browser);
  const page = await openApp(context, server.url);
  await setProfile(page, { name: '基准', unit: '测试' });
  await nav(page, '数据管理');
  await page.getByLabel('选择备份文件（.json）').setInputFiles({ name: 'round.json', mimeType: 'application/json', buffer: Buffer.from(backup()) });
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByText(/导入完成/).waitFor({ timeout: 60_000 });
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    await nav(page, '述职评议');
    await page.getByRole('table', { name: '评议' }).waitFor();
    const t = await page.evaluate(() => new Promise((resolve) => {
      const t0 = performance.now();
      const seen = new MutationObserver(() => {
        if (document.querySelector('table[aria-label="测评结果"] tbody tr:nth-child(50)')) {
          seen.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - t0));
        }
      });
      seen.observe(document.body, { childList: true, subtree: true });
      document.querySelector('table[aria-label="评议"] a').click();
    }));
    times.push(t);
  }
  console.log(`rating round 50 rated × 400 ballots: click → result sheet drawn ${median(times).toFixed(0)} ms (median of ${RUNS})`);
} finally {
  await browser.close();
  await server.close();
}
