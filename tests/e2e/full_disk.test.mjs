// A nearly full disk, for real: the browser profile lives on a small tmpfs this test mounts (as
// root; skipped with a message where it cannot). The office imports a large file, the disk fills
// during the write and the browser closes the database; reopening while the disk is still full
// is refused; after the browser has emptied the database (as Chromium does when a database is
// opened on a full disk — docs/architecture.md), the next start offers the backup saved before
// the import and puts every record, the person and the township back.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve, CHROMIUM_ARGS, setProfile, addCadre, nav, chooseFiles, eventually, axeViolations } from './harness.mjs';

const MB = 1024 * 1024;
let server;
let mount;
let why = '';

function tryMount() {
  if (process.getuid?.() !== 0) return '需要以 root 运行才能挂载小磁盘（tmpfs）';
  const dir = mkdtempSync(join(tmpdir(), 'zuofeng-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=96m', 'tmpfs', dir]);
    return dir;
  } catch (e) {
    return `无法挂载 tmpfs：${e.message}`;
  }
}

before(async () => {
  const got = tryMount();
  if (got.startsWith('/')) mount = got;
  else why = got;
  server = await serve();
});

after(async () => {
  await server?.close();
  if (mount) {
    execFileSync('umount', ['-l', mount]);
    rmSync(mount, { recursive: true, force: true });
  }
});

const freeBytes = () => Number(execFileSync('df', ['--output=avail', '-B1', mount]).toString().split('\n')[1]);
const downloads = mkdtempSync(join(tmpdir(), 'zuofeng-downloads-'));

async function start() {
  const context = await chromium.launchPersistentContext(join(mount, 'profile'), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    acceptDownloads: true,
    downloadsPath: downloads,
    locale: 'zh-CN',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(server.url);
  await page.waitForSelector('main h1, main nav, main');
  return { context, page };
}

/** A colleague's backup of `n` people, about 280 bytes each. */
function bigBackup(n) {
  const at = new Date().toISOString();
  const cadres = Array.from({ length: n }, (_, i) => ({
    meta: { id: crypto.randomUUID(), created_at: at, updated_at: at, rev: 1, versions: { colleague: 1 } },
    name: `干部${i}`, unit: '党政办', post: '这是一个比较长的职务名称用来占用磁盘空间'.repeat(2), phone: '', retired: false,
  }));
  return Buffer.from(JSON.stringify({
    format: 'zuofeng', format_version: 1, min_app_version: '0.1.0', app_version: '0.1.0', kind: 'backup',
    exported_by: { name: '同事', unit: '党政办', post: '', device_id: 'colleague' }, exported_at: at, records: { cadres },
  }));
}

let open = null;
afterEach(async () => {
  await open?.close().catch(() => {});
});

test('磁盘满时导入：数据库被关闭后不在满盘时重开；数据被浏览器清掉后，用导入前的备份一步恢复', async (t) => {
  if (!mount) return t.skip(why);
  let { context, page } = await start();
  open = context;
  await setProfile(page, { name: '刘干事', unit: '财政所' });
  await addCadre(page, { name: '孙七', unit: '财政所' });
  await addCadre(page, { name: '周八', unit: '城建办' });
  // The township's name is a setting, not a record: it must come back too.
  await page.getByRole('link', { name: /刘干事/ }).click();
  await page.getByRole('heading', { level: 1, name: '个人信息' }).waitFor();
  await page.getByLabel('乡镇（街道）名称').fill('城关镇');
  await page.getByLabel('发文机关署名').fill('中共城关镇委员会');
  await page.getByRole('button', { name: '保存单位信息' }).click();
  await page.getByText('单位信息已保存').waitFor();

  // The disk is nearly full: 12 MB left, while the browser still reports a quota of hundreds.
  const filler = join(mount, 'filler');
  execFileSync('fallocate', ['-l', String(freeBytes() - 12 * MB), filler]);
  const estimate = await page.evaluate(async () => (await navigator.storage.estimate()).quota);
  assert.ok(estimate > 100 * MB, `the browser's quota (${estimate}) does not see the full disk`);

  await nav(page, '数据管理');
  await chooseFiles(page, '选择备份文件（.json）', { name: '同事的备份.json', mimeType: 'application/json', buffer: bigBackup(30_000) });
  await page.getByText(/这次导入较大/).waitFor({ timeout: 120_000 });
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '先导出本机备份，再确认导入' }).click(),
  ]);
  const backupName = dl.suggestedFilename();
  const backupPath = join(downloads, backupName);
  await dl.saveAs(backupPath);
  // The write fills the disk; the browser closes the database. The page says so and names the
  // backup kept.
  await page.getByText('浏览器关闭了本机数据库').waitFor({ timeout: 120_000 });
  await page.getByText(`导入前保存的备份文件是“${backupName}”`).waitFor();

  // Reopened while the disk is still full: the app does not open the database.
  await page.reload();
  await page.getByText(/现在磁盘空间仍然不够/).waitFor({ timeout: 30_000 });
  await context.close();

  // Space is freed; meanwhile the browser has emptied the database (what Chromium does to a
  // database opened on a full disk: the folder is deleted and made anew).
  rmSync(filler);
  const idb = join(mount, 'profile', 'Default', 'IndexedDB');
  for (const entry of readdirSync(idb)) rmSync(join(idb, entry), { recursive: true, force: true });

  ({ context, page } = await start());
  open = context;
  await page.getByRole('heading', { name: '恢复本机数据' }).waitFor();
  const main = await page.locator('main').innerText();
  assert.match(main, /导入“同事的备份\.json”时，浏览器关闭了本机数据库/);
  assert.match(main, new RegExp(`备份文件“${backupName.replace(/[.()]/g, '\\$&')}”`));
  assert.match(main, /刘干事（财政所）/);
  assert.deepEqual(await axeViolations(page), []);
  await chooseFiles(page, '选择备份文件恢复（.json）', backupPath);
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByText(/导入完成：写入 2 条记录/).waitFor({ timeout: 60_000 });
  await page.getByText('本机现有 2 条记录。').waitFor();
  await page.getByRole('button', { name: '恢复完成，进入本应用' }).click();
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
  assert.match(await page.locator('header').innerText(), /刘干事（财政所）/);
  await nav(page, '干部名册');
  const roster = await page.getByRole('table', { name: '干部名册' }).innerText();
  assert.match(roster, /孙七/);
  assert.match(roster, /周八/);
  await page.getByRole('link', { name: /刘干事/ }).click();
  await page.getByRole('heading', { level: 1, name: '个人信息' }).waitFor();
  await eventually(() => page.getByLabel('乡镇（街道）名称').inputValue(), (v) => v === '城关镇');
  assert.equal(await page.getByLabel('乡镇（街道）名称').inputValue(), '城关镇');
  // The next start is an ordinary one: the mark is gone.
  await page.reload();
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('zuofeng.write_mark')), null);
  await context.close();
  rmSync(downloads, { recursive: true, force: true });
});
