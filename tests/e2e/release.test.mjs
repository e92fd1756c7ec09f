// The release as it reaches offices: the single HTML file opened from a USB stick (file://),
// and dist/ on a web server at a sub-path that keeps working once the server is gone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { DIST, serve, launch, freshContext, openApp, setProfile, nav, addCadre, openCase, download, chooseFiles } from './harness.mjs';

const SINGLE = resolve(new URL('../../release/zuofeng.html', import.meta.url).pathname);

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function rosterText(page) {
  await nav(page, '干部名册');
  return page.getByRole('table', { name: '干部名册' }).innerText();
}

test('从U盘直接打开单个 HTML 文件，录入的数据在刷新后仍在', async () => {
  const context = await freshContext(browser);
  const page = await openApp(context, pathToFileURL(SINGLE).href);
  await setProfile(page, { name: '周干事', unit: '综治办' });
  await addCadre(page, { name: '吴八', unit: '综治办' });
  await page.reload();
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
  assert.match(await rosterText(page), /吴八/);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('放在网站子路径下的 dist/，服务器停掉后仍能从缓存打开', async () => {
  const server = await serve(DIST, '/apps/zuofeng/');
  const context = await freshContext(browser);
  const page = await openApp(context, server.url);
  await setProfile(page, { name: '郑主任', unit: '党政办' });
  await addCadre(page, { name: '冯九', unit: '党政办' });
  // Wait until the service worker controls the page and holds every file.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
    }
  });
  await server.close();
  const reachable = await fetch(server.url).then(() => true, () => false);
  assert.equal(reachable, false, 'the server should be gone');

  await page.reload();
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
  assert.match(await rosterText(page), /冯九/);

  // A new version announces itself once on its first start.
  await page.evaluate(() => localStorage.setItem('zuofeng.app_version', '0.0.1'));
  await page.reload();
  await page.getByText(/已更新到 .* 版（原为 0\.0\.1 版）/).waitFor();
  await page.reload();
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
  assert.equal(await page.getByText(/已更新到/).count(), 0);

  // The cache answered everything: not one failed request.
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('单文件版不保存诫勉案件：导入加密备份时案件被留下，同一浏览器里的另一个本地网页读不到任何案件内容', async () => {
  // The office's served app: a case, and a sealed backup that holds it.
  const server = await serve();
  const office = await freshContext(browser);
  const page = await openApp(office, server.url);
  await setProfile(page, { name: '王秘书', unit: '党政办' });
  await addCadre(page, { name: '李四', unit: '城建办' });
  await openCase(page, '李四（城建办）');
  await nav(page, '数据管理');
  await page.getByLabel(/同时导出诫勉案件/).check();
  await page.getByLabel('设置密码').fill('备份密码2027');
  await page.getByLabel('再输一次').fill('备份密码2027');
  const backup = await download(page, () => page.getByRole('button', { name: '导出全部数据' }).click());
  await office.close();
  await server.close();

  // The same backup restored into the single file from a USB stick: everything but the case.
  const context = await freshContext(browser);
  const single = await openApp(context, pathToFileURL(SINGLE).href);
  await setProfile(single, { name: '王秘书', unit: '党政办' });
  await nav(single, '数据管理');
  await chooseFiles(single, '选择备份文件（.json）', [{ name: backup.name, mimeType: 'application/json', buffer: Buffer.from(backup.text) }]);
  const unlock = single.getByRole('form', { name: '这个文件加了密码' });
  await unlock.getByLabel('导出时设置的密码').fill('备份密码2027');
  await unlock.getByRole('button', { name: '打开文件' }).click();
  await single.getByText(/单文件版不保存诫勉案件.*文件中的 1 个诫勉案件不会保存/).waitFor();
  await single.getByRole('button', { name: '确认导入' }).click();
  await single.getByText(/导入完成/).waitFor();
  assert.match(await rosterText(single), /李四/);
  await nav(single, '谈话诫勉');
  await single.getByText(/单文件版（zuofeng\.html）不办理诫勉案件/).waitFor();
  assert.equal(await single.getByRole('button', { name: '新建诫勉案件' }).count(), 0);
  // Typed addresses lead to the same notice.
  await single.evaluate(() => { location.hash = '#/admonition/share'; });
  await single.getByText(/不办理诫勉案件/).waitFor();

  // Another local page in the same browser reads the app's whole database: no case in it.
  const dir = mkdtempSync(join(tmpdir(), 'zuofeng-other-page-'));
  const other = join(dir, 'other.html');
  writeFileSync(other, `<!doctype html><meta charset="utf-8"><title>另一个网页</title><script>
    window.dump = () => new Promise((ok, fail) => {
      const open = indexedDB.open('zuofeng-work-style-workbench');
      open.onerror = () => fail(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const names = [...db.objectStoreNames];
        const tx = db.transaction(names);
        const out = {};
        let left = names.length;
        for (const name of names) {
          const get = tx.objectStore(name).getAll();
          get.onsuccess = () => { out[name] = get.result; if (--left === 0) ok(out); };
        }
      };
    });
  </script>`);
  const reader = await context.newPage();
  await reader.goto(pathToFileURL(other).href);
  const everything = await reader.evaluate(() => window.dump());
  assert.ok(everything.cadres.some((c) => c.name === '李四'), 'the other page does share the storage');
  assert.deepEqual(everything.admonitions, [], 'no case is kept');
  assert.ok(!JSON.stringify(everything).includes('工作拖沓'), 'the case\'s matter is nowhere');
  assert.deepEqual(single.problems, []);
  await context.close();
  rmSync(dir, { recursive: true, force: true });
});
