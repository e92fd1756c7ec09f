// Benchmark (not a test): prints the transfer size of the release build, the time from
// navigation to the first interactive render, and the time to import and export a backup of
// 10,000 records, all in headless Chromium on this machine. Run with ./scripts/bench.sh.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { randomUUID } from 'node:crypto';
import { DIST, serve, launch, freshContext, openApp, setProfile, nav, download } from '../tests/e2e/harness.mjs';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n) => `${n.toFixed(0)} ms`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function sizes() {
  const rows = [];
  for (const name of await readdir(DIST)) {
    if (name.startsWith('.')) continue;
    const bytes = await readFile(join(DIST, name));
    rows.push({ name, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  return rows;
}

function backupOf(n) {
  const at = new Date().toISOString();
  const units = ['党政办', '财政所', '经管站', '农业服务中心', '李家村', '王家湾村'];
  const cadres = Array.from({ length: n }, (_, i) => ({
    meta: { id: randomUUID(), created_at: at, updated_at: at, rev: 1, versions: { bench: 1 } },
    name: `干部${i}`,
    unit: units[i % units.length],
    post: i % 7 === 0 ? '主任' : '科员',
    phone: `138${String(i).padStart(8, '0')}`,
    retired: false,
  }));
  return JSON.stringify({
    format: 'zuofeng', format_version: 1, min_app_version: '0.1.0', app_version: '0.1.0', kind: 'backup',
    exported_by: { name: '基准', unit: '测试', post: '', device_id: 'bench' },
    exported_at: at, records: { cadres },
  });
}

// The same import timed inside the page, beside a plain-JavaScript baseline of the same data
// (JSON.parse + one IndexedDB transaction putting every record), as bench/quiz.mjs times the
// question import: from the file chosen to 导入完成, with no test driver sending the file over.
async function importInPage(text) {
  const until = async (ok) => {
    while (!ok()) await new Promise((r) => setTimeout(r, 0));
    return performance.now();
  };
  const input = [...document.querySelectorAll('input[type=file]')]
    .find((i) => [...(i.labels ?? [])].some((l) => l.textContent.includes('备份文件')));
  const files = new DataTransfer();
  files.items.add(new File([text], 'bench.json', { type: 'application/json' }));
  const t0 = performance.now();
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  const confirm = () => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === '确认导入');
  await until(() => document.querySelector('[aria-label="导入预览"] table') && confirm());
  confirm().click();
  return (await until(() => /导入完成/.test(document.body.textContent))) - t0;
}

async function baseline(text) {
  const t0 = performance.now();
  const file = JSON.parse(text);
  const db = await new Promise((ok, fail) => {
    const req = indexedDB.open('bench-backup-baseline', 1);
    req.onupgradeneeded = () => req.result.createObjectStore('cadres', { keyPath: 'meta.id' });
    req.onsuccess = () => ok(req.result);
    req.onerror = () => fail(req.error);
  });
  await new Promise((ok, fail) => {
    const tx = db.transaction('cadres', 'readwrite');
    const store = tx.objectStore('cadres');
    for (const record of file.records.cadres) store.put(record);
    tx.oncomplete = ok;
    tx.onerror = () => fail(tx.error);
  });
  db.close();
  return performance.now() - t0;
}

const files = await sizes();
const wasm = files.find((f) => f.name.endsWith('.wasm'));
const total = files.reduce((a, f) => ({ raw: a.raw + f.raw, gzip: a.gzip + f.gzip }), { raw: 0, gzip: 0 });
console.log('release build (dist/):');
for (const f of files) console.log(`  ${f.name.padEnd(20)} ${kb(f.raw).padStart(10)} raw ${kb(f.gzip).padStart(10)} gzip`);
console.log(`  wasm                 ${kb(wasm.raw).padStart(10)} raw ${kb(wasm.gzip).padStart(10)} gzip`);
console.log(`  total                ${kb(total.raw).padStart(10)} raw ${kb(total.gzip).padStart(10)} gzip`);

const server = await serve();
const browser = await launch();
try {
  // Navigation → first interactive render, on this machine and with the CPU slowed 4× (an old
  // office PC), for a new user (the first-use form) and a returning one (首页 with data).
  for (const rate of [1, 4]) {
    for (const returning of [false, true]) {
      const times = [];
      for (let i = 0; i < RUNS; i++) {
        const context = await freshContext(browser);
        let page = await context.newPage();
        if (returning) {
          page = await openApp(context, server.url);
          await setProfile(page, { name: '基准', unit: '测试' });
        }
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate });
        await page.goto(server.url, { waitUntil: 'commit' });
        // performance.now() counts from navigation start; read it on the frame the screen appears.
        const t = await page.waitForFunction(() => document.querySelector('main h1') && performance.now(), null, { polling: 'raf' });
        times.push(await t.jsonValue());
        await context.close();
      }
      const who = returning ? '首页 of a returning user' : 'first-use form';
      console.log(`navigation → first interactive render (${who}, CPU ${rate}×, median of ${RUNS}): ${ms(median(times))}  [${times.map(ms).join(', ')}]`);
    }
  }

  const text = backupOf(RECORDS);
  console.log(`backup of ${RECORDS} records: ${kb(text.length)}`);
  const check = [];
  const write = [];
  const exp = [];
  // A new user's 数据管理 page in a browser context of its own.
  const dataPage = async () => {
    const context = await freshContext(browser);
    const page = await openApp(context, server.url);
    await setProfile(page, { name: '基准', unit: '测试' });
    await nav(page, '数据管理');
    return { context, page };
  };
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await dataPage();
    let t0 = performance.now();
    await page.getByLabel('选择备份文件（.json）').setInputFiles({ name: 'bench.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.locator('[aria-label="导入预览"] table').waitFor({ timeout: 120_000 });
    check.push(performance.now() - t0);
    t0 = performance.now();
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.getByText(/导入完成/).waitFor({ timeout: 120_000 });
    write.push(performance.now() - t0);
    t0 = performance.now();
    const file = await download(page, () => page.getByRole('button', { name: '导出全部数据' }).click());
    exp.push(performance.now() - t0);
    if (JSON.parse(file.text).records.cadres.length !== RECORDS) throw new Error('export lost records');
    await context.close();
  }
  console.log(`import ${RECORDS}: read+check+plan to preview (median): ${ms(median(check))}  [${check.map(ms).join(', ')}]`);
  console.log(`import ${RECORDS}: confirm → written in one transaction (median): ${ms(median(write))}  [${write.map(ms).join(', ')}]`);
  console.log(`import ${RECORDS}: total (median): ${ms(median(check.map((c, i) => c + write[i])))}`);
  console.log(`export ${RECORDS}: click → file downloaded (median): ${ms(median(exp))}  [${exp.map(ms).join(', ')}]`);
  const inPage = [];
  const js = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, page } = await dataPage();
    inPage.push(await page.evaluate(importInPage, text));
    js.push(await page.evaluate(baseline, text));
    await context.close();
  }
  console.log(`import ${RECORDS}: the same timed in the page, file chosen → 导入完成 (median): ${ms(median(inPage))}  [${inPage.map(ms).join(', ')}]`);
  console.log(`plain-JavaScript baseline beside it (JSON.parse + one IndexedDB transaction), median: ${ms(median(js))}  [${js.map(ms).join(', ')}]`);
  console.log(`import / baseline, both timed in the page: ${(median(inPage) / median(js)).toFixed(2)}×`);
} finally {
  await browser.close();
  await server.close();
}
