// Every backup the app writes, the app restores: 200,000 village log entries (an office after
// years of 驻村日志, 82 MB) taken in, backed up (in two parts, each a file the app reads), and
// restored whole in a fresh browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servedApp, serve, launch, freshContext, openApp, setProfile, nav, chooseFiles } from './harness.mjs';
import { logFile, VILLAGES } from './village_logs.mjs';

const ENTRIES = 200_000;
const dir = mkdtempSync(join(tmpdir(), 'zuofeng-large-'));
const app = servedApp(() => rmSync(dir, { recursive: true, force: true }));

/** Restores one backup file; returns how many records the import says it wrote. */
async function restore(page, path) {
  await nav(page, '数据管理');
  await chooseFiles(page, '选择备份文件（.json）', path);
  await page.getByRole('button', { name: /确认导入$/ }).click({ timeout: 300_000 });
  const done = page.getByText(/导入完成：写入 \d+ 条记录/);
  await done.waitFor({ timeout: 300_000 });
  return Number((await done.innerText()).match(/写入 (\d+) 条/)[1]);
}

async function logCount(page) {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '首页', exact: true }).click();
  return page.getByText(/^驻村日志：/).innerText();
}

test('二十万条驻村日志：导入、导出备份，再在另一台电脑上完整恢复', async () => {
  const source = join(dir, '驻村日志.json');
  writeFileSync(source, logFile(ENTRIES));
  const office = await openApp(await freshContext(app.browser), app.server.url);
  await setProfile(office, { name: '刘干事', unit: '党政办' });
  assert.equal(await restore(office, source), ENTRIES);
  assert.equal(await logCount(office), '驻村日志：200000 条');

  // The log tab reads a month, the problems and each village's latest entry, not 200,000
  // entries: its figures are those of an independent tally of the file.
  await nav(office, '驻村与便民');
  let started = Date.now();
  await office.getByRole('navigation', { name: '驻村与便民' }).getByRole('link', { name: '驻村日志', exact: true }).click();
  const open = office.getByRole('heading', { name: /^群众反映、尚未解决的问题/ });
  await open.waitFor({ timeout: 60_000 });
  console.log(`驻村日志 tab with ${ENTRIES} entries drawn in ${Date.now() - started} ms`);
  const tally = { open: 0, november: new Map() };
  for (let i = 0; i < ENTRIES; i++) {
    if (i % 10 === 0 && i % 20 !== 0) tally.open++;
    if (i % 11 === 10) tally.november.set(VILLAGES[i % 4], (tally.november.get(VILLAGES[i % 4]) ?? 0) + 1);
  }
  assert.equal(await open.innerText(), `群众反映、尚未解决的问题（${tally.open} 条）`);
  started = Date.now();
  await office.getByLabel('月份').fill('2026-11');
  const table = office.getByRole('table', { name: '各村驻村日志（按角色）' });
  await table.getByRole('row', { name: /李家村/ }).getByRole('cell').last().filter({ hasText: /^[1-9]/ }).waitFor({ timeout: 60_000 });
  console.log(`month changed and drawn in ${Date.now() - started} ms`);
  for (const [village, n] of tally.november) {
    assert.deepEqual(await table.getByRole('row', { name: village }).getByRole('cell').allInnerTexts(), [String(n), '0', '0', '0', '0', String(n)]);
  }

  // 82 MB of records is more than one part (64 MB): the backup is two files, each restored
  // on its own, the first first.
  await nav(office, '数据管理');
  const parts = [];
  office.on('download', (dl) => parts.push(dl));
  await office.getByRole('button', { name: '导出全部数据' }).click();
  const exported = office.getByText(/^已导出 200000 条记录到文件/);
  await exported.waitFor({ timeout: 300_000 });
  for (let waited = 0; parts.length < 2 && waited < 30_000; waited += 100) await office.waitForTimeout(100);
  assert.match(await exported.innerText(), /第1部分（共2部分）\.json 等 2 个文件（从第1部分起逐个导入）/);
  assert.deepEqual(parts.map((d) => d.suggestedFilename().replace(/^.*-(第\d部分（共\d部分）)\.json$/, '$1')),
    ['第1部分（共2部分）', '第2部分（共2部分）']);
  const files = [];
  for (const dl of parts) {
    const path = join(dir, dl.suggestedFilename());
    await dl.saveAs(path);
    assert.ok(statSync(path).size < 128 * 1024 * 1024, 'every part is a file the app reads');
    files.push(path);
  }

  const other = await openApp(await freshContext(app.browser), app.server.url);
  await setProfile(other, { name: '新电脑', unit: '党政办' });
  let written = 0;
  for (const path of files) written += await restore(other, path);
  assert.equal(written, ENTRIES);
  assert.equal(await logCount(other), '驻村日志：200000 条');
  assert.deepEqual([...office.problems, ...other.problems], []);
});
