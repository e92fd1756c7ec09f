// The release as it reaches offices: the single HTML file opened from a USB stick (file://),
// and dist/ on a web server at a sub-path that keeps working once the server is gone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { DIST, serve, launch, freshContext, openApp, setProfile, nav, addCadre } from './harness.mjs';

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
