// Every screen on a phone (390 × 844) and an office laptop (1366 × 768): no sideways scroll of
// the page (wide tables scroll inside their own box), and no button squeezed to more than two
// lines of text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp, serve, launch, freshContext, openApp, setProfile, addCadre, openCase } from './harness.mjs';

const app = servedApp();

/** What is wrong with the layout as it is now. */
async function problems(page) {
  return page.evaluate(() => {
    const out = [];
    const width = document.documentElement.scrollWidth;
    if (width > window.innerWidth + 1) out.push(`page ${width} px wide in ${window.innerWidth}`);
    for (const b of document.querySelectorAll('button')) {
      if (!b.offsetParent) continue;
      const s = getComputedStyle(b);
      const line = parseFloat(s.lineHeight) || parseFloat(s.fontSize) * 1.5;
      const inner = b.getBoundingClientRect().height - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom)
        - parseFloat(s.borderTopWidth) - parseFloat(s.borderBottomWidth);
      if (inner > 2 * line + 1) out.push(`button “${b.textContent.trim().slice(0, 24)}” ${Math.round(inner / line)} lines`);
    }
    return out;
  });
}

const SCREENS = [
  '#/',
  '#/roster',
  ...['bank', 'quizzes', 'take', 'results', 'practice', 'log'].map((t) => `#/quiz/${t}`),
  ...['rounds', 'forms', 'vote'].map((t) => `#/assessment/${t}`),
  ...['cases', 'templates', 'calendar', 'register', 'share'].map((t) => `#/admonition/${t}`),
  ...['lines', 'mine', 'overdue', 'timeline', 'standup', 'plan', 'dispatch', 'summary', 'share'].map((t) => `#/workline/${t}`),
  ...['residents', 'logs', 'service', 'notices'].map((t) => `#/village/${t}`),
  '#/data',
  '#/profile',
];

test('every screen fits a phone and a laptop without sideways scrolling or squeezed buttons', async () => {
  const context = await freshContext(app.browser);
  const page = await openApp(context, app.server.url);
  await setProfile(page, { name: '王秘书', unit: '党政办' });
  await addCadre(page, { name: '张三', unit: '农业综合服务中心', post: '站长' });
  await openCase(page, '张三（农业综合服务中心）');
  const report = [];
  for (const [width, height] of [[390, 844], [1366, 768]]) {
    await page.setViewportSize({ width, height });
    for (const hash of SCREENS) {
      await page.evaluate((h) => { window.location.hash = h; }, hash);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForTimeout(200);
      for (const p of await problems(page)) report.push(`${width}×${height} ${hash}: ${p}`);
    }
  }
  // A long form's button, and what it reports, are in view without scrolling.
  const inView = async (locator) => {
    const box = await locator.boundingBox();
    const { height } = page.viewportSize();
    return box !== null && box.y >= 0 && box.y + box.height <= height;
  };
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => { window.location.hash = '#/village/logs'; });
  const save = page.getByRole('button', { name: '保存日志' });
  await save.waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  assert.ok(await inView(save), '保存日志 is in view on a phone');
  await save.click();
  const said = page.getByRole('form', { name: '写驻村日志' }).locator('.notice');
  await said.waitFor();
  assert.ok(await inView(said), 'what 保存日志 says is in view');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.evaluate(() => { window.location.hash = '#/village/service'; });
  const register = page.getByRole('button', { name: '登记', exact: true });
  await register.waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  assert.ok(await inView(register), '登记 is in view on a laptop');
  await context.close();
  assert.deepEqual(report, [], report.join('\n'));
});
