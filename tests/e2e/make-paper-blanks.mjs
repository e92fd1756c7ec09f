// Makes the blank forms the paper corpus test marks (tests/fixtures/paper/blank-*.jpg): the
// app's own 机读评议票 for 30 people and 答题卡 for 20 questions (10 单选, 5 多选, 5 判断, with
// 答题码), printed by Chromium from the release build and rasterised by pdftoppm at 150 dpi, as
// an office's printer and scanner would. Run after scripts/release.sh whenever a sheet's layout
// changes: node tests/e2e/make-paper-blanks.mjs
import { mkdtempSync, rmSync, renameSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, freshContext, openApp, setProfile, nav, chooseFiles, addCadre } from './harness.mjs';

const out = new URL('../fixtures/paper/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'zuofeng-blanks-'));
const server = await serve();
const browser = await launch();
try {
  const context = await freshContext(browser);
  const page = await openApp(context, server.url);
  await setProfile(page, { name: '王秘书', unit: '党政办' });
  const people = Array.from({ length: 30 }, (_, i) => [`干部${String(i + 1).padStart(2, '0')}`, ['农业站', '财政所', '城建办', '综治办'][i % 4]]);
  for (const [name, unit] of people) await addCadre(page, { name, unit, post: '站长' });

  const raster = async (name) => {
    const pdf = join(dir, `${name}.pdf`);
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: pdf, preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    execFileSync('pdftoppm', ['-r', '150', '-gray', '-jpeg', '-jpegopt', 'quality=92', '-f', '1', '-l', '1', '-singlefile', pdf, join(dir, name)]);
    renameSync(join(dir, `${name}.jpg`), join(out, `blank-${name}.jpg`));
  };

  await nav(page, '述职评议');
  await page.getByRole('button', { name: '新建评议' }).click();
  const setup = page.getByRole('form', { name: '评议设置' });
  for (const [name, unit] of people) await setup.getByLabel(`${name}（${unit}）`).check();
  await setup.getByRole('button', { name: '保存评议' }).click();
  const saved = await page.getByText(/^已保存评议：/).innerText();
  await page.getByRole('link', { name: saved.replace('已保存评议：', ''), exact: true }).click();
  await page.getByRole('button', { name: '打印机读评议票' }).click();
  await page.getByLabel('印几张').fill('1');
  await page.getByLabel('印几张').blur();
  await page.getByRole('img', { name: '机读评议票 第 1 张' }).waitFor();
  await raster('ballot-30');

  const bank = ['题型,题干,选项A,选项B,选项C,选项D,答案,解析,难度,分类',
    ...Array.from({ length: 10 }, (_, i) => `单选,单选第${i + 1}问,甲,乙,丙,丁,A,,简单,测验`),
    ...Array.from({ length: 5 }, (_, i) => `多选,多选第${i + 1}问,甲,乙,丙,丁,AC,,简单,测验`),
    ...Array.from({ length: 5 }, (_, i) => `判断,判断第${i + 1}问,,,,,对,,简单,测验`)].join('\n');
  await nav(page, '学习测验');
  await chooseFiles(page, '选择试题文件（.xlsx / .csv / .txt / .gift）', { name: '题库.csv', mimeType: 'text/csv', buffer: Buffer.from(bank) });
  await page.locator('[aria-label="试题导入预览"]').getByRole('button', { name: '确认导入' }).click();
  await page.getByRole('navigation', { name: '学习测验' }).getByRole('link', { name: '组卷与发放', exact: true }).click();
  await page.getByRole('button', { name: '新建测验' }).click();
  const builder = page.getByRole('form', { name: '组卷' });
  await builder.getByLabel('测验名称').fill('作风建设测验');
  for (const box of await builder.locator('.pick-list input[type=checkbox]').all()) await box.check();
  await builder.getByRole('button', { name: '生成测验' }).click();
  await page.getByRole('button', { name: '打印答题卡 作风建设测验' }).click();
  await page.getByLabel('印几张').fill('1');
  await page.getByLabel('印几张').blur();
  await page.getByRole('img', { name: '答题卡 第 1 张' }).waitFor();
  await raster('card-20');
  await context.close();
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
