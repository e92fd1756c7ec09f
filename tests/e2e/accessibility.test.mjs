// Every screen, with data in it, checked by axe-core against WCAG 2 A and AA: no violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp, serve, launch, freshContext, openApp, setProfile, nav, addCadre, openCase, chooseFiles, axeViolations as violations } from './harness.mjs';

const app = servedApp();


async function visit(page, hash, ready) {
  await page.evaluate((h) => { window.location.hash = h; }, hash);
  await ready();
  await page.waitForTimeout(150);
}

test('every screen has no WCAG 2 A/AA violation', async () => {
  const context = await freshContext(app.browser);
  const page = await openApp(context, app.server.url);
  await page.clock.setFixedTime(new Date(2026, 10, 28, 10, 0, 0));
  const report = [];
  const check = async (name) => {
    for (const v of await violations(page)) report.push(`${name}: ${v}`);
  };
  await check('第一次使用');
  // The check can fail: a field without a name is found.
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<input id="axe-probe">'));
  assert.ok((await violations(page)).some((v) => v.startsWith('label')), 'axe finds an unlabelled field');
  await page.evaluate(() => document.getElementById('axe-probe').remove());
  // The rater who only votes, and back.
  await page.getByRole('button', { name: '不填姓名，直接评议' }).click();
  await page.getByRole('heading', { level: 1, name: '网上评议' }).waitFor();
  await check('只来评议');
  await page.getByRole('button', { name: /返回填写个人信息/ }).click();
  await setProfile(page, { name: '王秘书', unit: '党政办' });
  await addCadre(page, { name: '张三', unit: '农业站', post: '站长' });

  // Some data so that tables, forms and charts are drawn.
  await openCase(page, '张三（农业站）', () => check('谈话诫勉：新建案件'));
  await check('谈话诫勉：案件');
  await page.getByRole('link', { name: '张三' }).click();
  await page.getByLabel('文书预览').waitFor();
  await check('谈话诫勉：案件详情');

  await nav(page, '述职评议');
  await page.getByRole('button', { name: '新建评议' }).click();
  await check('述职评议：评议设置');
  const setup = page.getByRole('form', { name: '评议设置' });
  await setup.getByLabel('张三（农业站）').check();
  await setup.getByRole('button', { name: '保存评议' }).click();
  await page.getByRole('table', { name: '评议' }).getByRole('link').click();
  for (const view of ['测评结果', '纸质票计票', '现场投票', '打印空白评议票', '打印选票码', '评议设置']) {
    await page.getByRole('button', { name: view, exact: true }).click();
    await check(`述职评议：${view}`);
  }

  // A quiz: its form, its preview with answers, and the 答题码 slips.
  await nav(page, '学习测验');
  const bank = ['题型,题干,选项A,选项B,答案,解析', '单选,“四个一”中每半年一次的是,测验考试,封闭培训,A,每半年一次测验考试', '判断,诫勉对象应在5日内写出整改措施,,,对,'].join('\n');
  await chooseFiles(page, '选择试题文件（.xlsx / .csv / .txt / .gift）', { name: '题库.csv', mimeType: 'text/csv', buffer: Buffer.from(bank) });
  await page.locator('[aria-label="试题导入预览"]').getByRole('button', { name: '确认导入' }).click();
  await page.getByText('试题导入完成：新增 2 道。').waitFor();
  await page.getByRole('navigation', { name: '学习测验' }).getByRole('link', { name: '组卷与发放', exact: true }).click();
  await page.getByRole('button', { name: '新建测验' }).click();
  const builder = page.getByRole('form', { name: '组卷' });
  for (const box of await builder.locator('.pick-list input[type=checkbox]').all()) await box.check();
  await builder.getByRole('button', { name: '添加抽题规则' }).click();
  await check('学习测验：组卷');
  await builder.getByRole('button', { name: '删除规则' }).click();
  await builder.getByRole('button', { name: '生成测验' }).click();
  await page.getByText(/已生成测验/).waitFor();
  await page.getByRole('button', { name: /^预览 / }).click();
  await check('学习测验：试卷预览');
  await page.getByRole('button', { name: '关闭预览' }).click();
  await page.getByRole('button', { name: /^答题码 / }).click();
  await check('学习测验：答题码');
  await page.getByRole('button', { name: '关闭' }).click();
  await page.getByRole('button', { name: /^修改 / }).click();
  await check('学习测验：修改测验');

  // The holiday notice read back line by line; the password a sealed file is made with.
  await visit(page, '#/admonition/calendar', () => page.getByRole('heading', { level: 1, name: '谈话诫勉' }).waitFor());
  await page.getByLabel(/^放假安排/).fill('10月1日（周四）至7日（周三）放假调休，共7天。10月10日（周六）上班。');
  await page.getByLabel('读出的日期').waitFor();
  await check('谈话诫勉：节假日预览');
  await visit(page, '#/admonition/share', () => page.getByRole('heading', { level: 1, name: '谈话诫勉' }).waitFor());
  await page.getByRole('button', { name: '全选' }).click();
  await check('谈话诫勉：加密导出案卷');
  await visit(page, '#/data', () => page.getByRole('heading', { level: 1, name: '数据管理' }).waitFor());
  await page.getByLabel(/同时导出诫勉案件/).check();
  await check('数据管理：加密备份');
  const screens = [
    ['#/', '首页', () => page.getByRole('heading', { name: '王秘书，您好' }).waitFor()],
    ['#/roster', '干部名册', () => page.getByRole('heading', { level: 1, name: '干部名册' }).waitFor()],
    ...['bank', 'quizzes', 'take', 'results', 'practice', 'log'].map((t) => [`#/quiz/${t}`, `学习测验 ${t}`, () => page.getByRole('heading', { level: 1, name: '学习测验' }).waitFor()]),
    ...['lines', 'mine', 'overdue', 'timeline', 'standup', 'plan', 'dispatch', 'summary', 'share'].map((t) => [`#/workline/${t}`, `工作分线 ${t}`, () => page.getByRole('heading', { level: 1, name: '工作分线' }).waitFor()]),
    ...['rounds', 'forms', 'vote'].map((t) => [`#/assessment/${t}`, `述职评议 ${t}`, () => page.getByRole('heading', { level: 1, name: '述职评议' }).waitFor()]),
    ...['cases', 'templates', 'calendar', 'register', 'share'].map((t) => [`#/admonition/${t}`, `谈话诫勉 ${t}`, () => page.getByRole('heading', { level: 1, name: '谈话诫勉' }).waitFor()]),
    ...['residents', 'logs', 'service', 'notices'].map((t) => [`#/village/${t}`, `驻村与便民 ${t}`, () => page.getByRole('heading', { level: 1, name: '驻村与便民' }).waitFor()]),
    ['#/data', '数据管理', () => page.getByRole('heading', { level: 1, name: '数据管理' }).waitFor()],
    ['#/profile', '个人信息', () => page.getByRole('heading', { level: 1 }).first().waitFor()],
  ];
  for (const [hash, name, ready] of screens) {
    await visit(page, hash, ready);
    await check(name);
  }
  // The cadre's view: its home and first tabs.
  await page.getByLabel('干部（答题、填表、上报）').check();
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await visit(page, '#/', () => page.getByRole('heading', { name: '我要做的' }).waitFor());
  await check('干部首页');
  await visit(page, '#/assessment/forms', () => page.getByRole('heading', { level: 1, name: '述职评议' }).waitFor());
  await check('干部：自评与述职');
  await context.close();
  assert.deepEqual(report, [], report.join('\n'));
});
