// 驻村与便民 as people use it: two resident cadres keep their logs in their own browsers and
// send them; the office takes both in and sees entries by role per village, the village nobody
// visited lately and the open problems; the service centre records requests and reads the
// month's figures and the public list, which shows no phone number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp, serve, launch, freshContext, openApp, setProfile, nav, download, chooseFiles, addCadre, readOffice, eventually } from './harness.mjs';

const app = servedApp();

async function tab(page, label) {
  await page.getByRole('navigation', { name: '驻村与便民' }).getByRole('link', { name: label, exact: true }).click();
}

async function logEntry(page, { date, village, role, done, problems = '' }) {
  const form = page.getByRole('form', { name: '写驻村日志' });
  await form.getByLabel('日期').fill(date);
  await form.getByLabel('村（社区）').fill(village);
  await form.getByLabel('角色').selectOption({ label: role });
  await form.getByLabel('做了什么').fill(done);
  await form.getByLabel('联系群众人数').fill('12');
  await form.getByLabel('群众反映的问题').fill(problems);
  await form.getByRole('button', { name: '保存日志' }).click();
  await page.getByText(`已记下 ${date} ${role}的日志。`).waitFor();
}

async function residentSends(name, entries) {
  const context = await freshContext(app.browser);
  const page = await openApp(context, app.server.url);
  await setProfile(page, { name, unit: '镇政府' });
  await nav(page, '驻村与便民');
  await tab(page, '驻村日志');
  for (const e of entries) await logEntry(page, e);
  const file = await download(page, () => page.getByRole('button', { name: `导出我的日志（${entries.length} 条）发给党政办` }).click());
  await context.close();
  return file;
}

const json = (f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) });

test('resident logs come in from two cadres and are read by village, role and month', async () => {
  const first = await residentSends('刘驻村', [
    { date: '2026-11-03', village: '东村', role: '传达员', done: '传达秋冬种植补贴政策' },
    { date: '2026-11-10', village: '东村', role: '办事员', done: '代办两户低保年审' },
    { date: '2026-11-18', village: '东村', role: '报告员', done: '召开群众座谈会', problems: '村东路灯坏了三盏' },
  ]);
  const second = await residentSends('陈驻村', [
    { date: '2026-11-05', village: '西村', role: '指导员', done: '指导制定产业规划' },
    { date: '2026-09-20', village: '南村', role: '督查员', done: '检查秸秆禁烧' },
  ]);

  const context = await freshContext(app.browser);
  const page = await openApp(context, app.server.url);
  await page.clock.setFixedTime(new Date(2026, 10, 28, 10, 0, 0));
  await setProfile(page, { name: '王秘书', unit: '党政办' });
  await addCadre(page, { name: '刘驻村', unit: '镇政府' });
  await addCadre(page, { name: '陈驻村', unit: '镇政府' });
  await nav(page, '驻村与便民');
  const posting = page.getByRole('form', { name: '安排驻村' });
  await posting.getByLabel('驻村干部').selectOption({ label: '刘驻村（镇政府）' });
  await posting.getByLabel('村（社区）').fill('东村');
  await posting.getByLabel('开始日期').fill('2026-03-01');
  await posting.getByRole('button', { name: '保存驻村安排' }).click();
  await page.getByRole('table', { name: '驻村安排' }).getByRole('cell', { name: '刘驻村' }).waitFor();
  // One cadre, one village at a time.
  await posting.getByLabel('驻村干部').selectOption({ label: '刘驻村（镇政府）' });
  await posting.getByLabel('村（社区）').fill('西村');
  await posting.getByRole('button', { name: '保存驻村安排' }).click();
  await page.getByText('同一时间只能驻一个村').waitFor();
  // 陈驻村 was in 西村 from January; his posting ends on a past day, and he starts in 南村 the
  // same day (a handover day belongs to both).
  await posting.getByLabel('驻村干部').selectOption({ label: '陈驻村（镇政府）' });
  await posting.getByLabel('开始日期').fill('2026-01-01');
  await posting.getByRole('button', { name: '保存驻村安排' }).click();
  await page.getByText('已保存驻村安排：西村').waitFor();
  const west = page.getByRole('table', { name: '驻村安排' }).getByRole('row').filter({ hasText: '陈驻村' });
  await west.getByRole('button', { name: '结束驻村' }).click();
  await west.getByLabel('最后一天').fill('2026-06-30');
  await west.getByRole('button', { name: '确定' }).click();
  await page.getByText('已结束驻村（2026-06-30）。').waitFor();
  await west.getByRole('cell', { name: '2026-06-30', exact: true }).waitFor();
  await west.getByText('王秘书 改了 结束日期：（空） → 2026-06-30').waitFor();
  await posting.getByLabel('驻村干部').selectOption({ label: '陈驻村（镇政府）' });
  await posting.getByLabel('村（社区）').fill(' 南村 ');
  await posting.getByLabel('开始日期').fill('2026-06-30');
  await posting.getByRole('button', { name: '保存驻村安排' }).click();
  await page.getByText('已保存驻村安排：南村').waitFor();

  await tab(page, '驻村日志');
  // Opened straight on this tab (its data still loading), the one village's month shows.
  await page.reload();
  await page.locator('.village-month').getByRole('heading', { name: '东村 2026年11月 驻村工作汇总' }).waitFor();
  await chooseFiles(page, '选择驻村日志文件（.json，可多选）', [json(first), json(second)]);
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByRole('button', { name: '导入下一个文件' }).click();
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByText(/导入完成/).waitFor();
  await page.getByLabel('月份').fill('2026-11');
  const villages = page.getByRole('table', { name: '各村驻村日志（按角色）' });
  // 传达员 指导员 办事员 督查员 报告员 合计
  assert.deepEqual(await villages.getByRole('row', { name: /东村/ }).getByRole('cell').allInnerTexts(), ['1', '0', '1', '0', '1', '3']);
  assert.deepEqual(await villages.getByRole('row', { name: /西村/ }).getByRole('cell').allInnerTexts(), ['0', '1', '0', '0', '0', '1']);
  assert.deepEqual(await villages.getByRole('row', { name: /南村/ }).getByRole('cell').allInnerTexts(), ['0', '0', '0', '0', '0', '0']);
  // One village's month, printable alone.
  const month = page.locator('.village-month');
  await month.getByLabel('村（社区）').selectOption('东村');
  await month.getByRole('heading', { name: '东村 2026年11月 驻村工作汇总' }).waitFor();
  await month.getByText('传达员 1 次，指导员 0 次，办事员 1 次，督查员 0 次，报告员 1 次；联系群众 36 人次。').waitFor();
  assert.equal(await month.getByRole('table', { name: '该村本月驻村日志' }).getByRole('row').count(), 4);
  const cadres = page.getByRole('table', { name: '各驻村干部日志（按角色）' });
  assert.deepEqual((await cadres.getByRole('row', { name: /刘驻村/ }).getByRole('cell').allInnerTexts()).at(-1), '3');
  await page.getByRole('list', { name: '长时间没有驻村记录的村' }).getByText('南村：最近一次 2026-09-20').waitFor();
  const open = page.getByRole('table', { name: '未解决的问题' });
  await open.getByRole('cell', { name: '村东路灯坏了三盏' }).waitFor();
  // Settled on the day it was, by whom and how.
  await open.getByRole('button', { name: '已解决' }).click();
  await open.getByLabel('解决日期').fill('2026-11-25');
  await open.getByLabel('怎么解决的').fill('已联系供电所修好');
  await open.getByRole('button', { name: '确定' }).click();
  await page.getByText('已记下：2026-11-18 东村反映的问题于 2026-11-25 解决。').waitFor();
  // The list is read again after the save: the settled problem leaves it.
  await open.getByRole('cell', { name: '村东路灯坏了三盏' }).waitFor({ state: 'detached' });
  await context.close();
});

test('the service ledger gives the month’s figures and a public list without phones', async () => {
  const context = await freshContext(app.browser);
  const page = await openApp(context, app.server.url);
  await page.clock.setFixedTime(new Date(2026, 10, 28, 10, 0, 0));
  await setProfile(page, { name: '王干事', unit: '便民服务中心' });
  await nav(page, '驻村与便民');
  await tab(page, '便民服务台账');
  const add = async ({ person, matter, received, done = '', promised = '', oneVisit = false, onBehalf = false }) => {
    const form = page.getByRole('form', { name: '登记办事' });
    await form.getByLabel('办事群众').fill(person);
    await form.getByLabel('电话').fill('13812345678');
    await form.getByLabel('事项').selectOption({ label: matter });
    await form.getByLabel('受理日期').fill(received);
    await form.getByLabel('承诺办结日期（可空）').fill(promised);
    await form.getByLabel('办结日期（可空）', { exact: true }).fill(done);
    if (oneVisit) await form.getByLabel('一次办好').check();
    if (onBehalf) await form.getByLabel('干部代办').check();
    await form.getByRole('button', { name: '登记' }).click();
    await page.getByText(`已保存：${person}，${matter}`).waitFor();
  };
  await add({ person: '张小明', matter: '证明开具', received: '2026-11-02', done: '2026-11-02', oneVisit: true });
  await add({ person: '李四', matter: '建房审批', received: '2026-11-03', done: '2026-11-07', onBehalf: true });
  await add({ person: '王五', matter: '低保、救助申请', received: '2026-11-10', promised: '2026-11-20' });
  // 一次办好 needs the day it was settled.
  const form = page.getByRole('form', { name: '登记办事' });
  await form.getByLabel('办事群众').fill('赵六');
  await form.getByLabel('一次办好').check();
  await form.getByRole('button', { name: '登记' }).click();
  await form.getByText('勾选了“一次办好”，请填写办结日期').waitFor();
  await form.getByLabel('一次办好').uncheck();
  await form.getByLabel('办事群众').fill('');
  // The next person's form starts without the last one's promised date.
  const next = page.getByRole('form', { name: '登记办事' });
  assert.equal(await next.getByLabel('承诺办结日期（可空）').inputValue(), '');
  assert.equal(await next.getByLabel('办事群众').inputValue(), '');
  await page.getByLabel('月份').fill('2026-11');
  const facts = page.getByLabel('本月情况');
  await facts.getByText('3 件，已办结 2 件，干部代办 1 件').waitFor();
  await facts.getByText('50.0%').waitFor();
  await facts.getByText('2.0 天').waitFor();
  await facts.getByText('1 件', { exact: true }).waitFor();
  const list = page.getByRole('table', { name: '办事公开' });
  assert.ok(!(await list.innerText()).includes('1381234'), 'no phone number on the public list');
  await list.getByRole('cell', { name: '张*明' }).waitFor();
  await list.getByRole('cell', { name: '已办结（一次办好）' }).waitFor();
  // The office's own copy keeps names and telephone numbers, the numbers as text.
  const ledger = await readOffice(page, () => page.getByRole('button', { name: '导出本月台账（Excel，内部存档）' }).click());
  assert.equal(ledger.rows[0][0], '2026年11月便民服务台账');
  const zhang = ledger.rows.find((r) => r[2] === '张小明');
  assert.equal(zhang[4], '13812345678', 'a telephone number stays text');
  assert.equal(ledger.rows.filter((r) => String(r[0]).startsWith('2026-11')).length, 3);
  // A request corrected keeps what it said before; one settled on a past day counts so.
  const li = page.getByRole('table', { name: '本月台账' }).getByRole('row').filter({ hasText: '李四' });
  await li.getByRole('button', { name: '修改' }).click();
  const fix = page.getByRole('form', { name: '修改办事登记' });
  await fix.getByLabel('电话').fill('13900000000');
  await fix.getByRole('button', { name: '保存修改' }).click();
  await li.getByText('王干事 改了 电话：13812345678 → 13900000000').waitFor();
  await page.getByRole('form', { name: '登记办事' }).waitFor();
  const wang = page.getByRole('table', { name: '本月台账' }).getByRole('row').filter({ hasText: '王五' });
  await wang.getByRole('button', { name: '办结' }).click();
  await wang.getByLabel('办结日期').fill('2026-11-25');
  await wang.getByRole('button', { name: '确定' }).click();
  await page.getByText('已办结（2026-11-25）。').waitFor();
  await facts.getByText('3 件，已办结 3 件，干部代办 1 件').waitFor();
  await facts.getByText('0 件', { exact: true }).waitFor();
  await page.getByRole('button', { name: '放进公开栏' }).click();
  await page.getByText('已放进公开栏。').waitFor();
  // A month has one 办事公开: posting it again takes the earlier one down, after asking.
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: '放进公开栏' }).click();
  await page.getByText('已放进公开栏，原来的 1 份已撤下。').waitFor();
  await tab(page, '公开栏');
  const board = page.getByRole('table', { name: '公开栏登记' });
  assert.equal(await board.getByRole('row').filter({ hasText: '在公开' }).count(), 1);
  await board.getByRole('row').filter({ hasText: '在公开' }).getByRole('button', { name: '查看和打印' }).click();
  await page.getByLabel('公开表').getByRole('heading', { name: '2026年11月便民服务办事公开' }).waitFor();
  const excel = await readOffice(page, () => board.getByRole('row').filter({ hasText: '在公开' }).getByRole('button', { name: '导出 Excel' }).click());
  assert.equal(excel.rows[0][0], '2026年11月便民服务办事公开');
  assert.match(excel.rows[1][0], /公开期间：2026年11月/);
  const head = excel.rows.findIndex((r) => r[0] === '受理日期');
  assert.deepEqual(excel.rows[head], ['受理日期', '办事群众', '村（社区）', '事项', '办理情况', '办结日期']);
  assert.equal(excel.rows.length - head - 1, 3);
  await context.close();
});

test('设置事项清单：第一次打开就是现有的 8 项，加一项后保存，原来的都还在', async () => {
  const context = await freshContext(app.browser);
  const page = await openApp(context, app.server.url);
  await setProfile(page, { name: '王干事', unit: '便民服务中心' });
  await nav(page, '驻村与便民');
  await tab(page, '便民服务台账');
  await page.getByText('设置事项清单').click();
  const list = page.getByLabel('可办事项（每行一项）');
  assert.equal((await list.inputValue()).split('\n').length, 8, 'the stored list, not an empty box');
  await list.fill(`${await list.inputValue()}\n老年证办理`);
  await page.getByRole('button', { name: '保存事项清单' }).click();
  await page.getByText('事项清单已保存，共 9 项。').waitFor();
  await page.reload();
  await tab(page, '便民服务台账');
  const matter = page.getByRole('form', { name: '登记办事' }).getByLabel('事项');
  const options = await matter.locator('option').allInnerTexts();
  assert.ok(options.includes('老年证办理') && options.includes('证明开具') && options.length === 10, options.join('、'));
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('一条驻村日志改过再发：党政办只有一条，是改后的，原话留在修改记录里', async () => {
  const context = await freshContext(app.browser);
  const cadre = await openApp(context, app.server.url);
  await setProfile(cadre, { name: '刘驻村', unit: '镇政府', cadre: true });
  await nav(cadre, '驻村与便民');
  await tab(cadre, '驻村日志');
  await logEntry(cadre, { date: '2026-11-03', village: '东村 ', role: '传达员', done: '宣讲' });
  await logEntry(cadre, { date: '2026-11-05', village: '东村', role: '督查员', done: '写重了的一条' });
  const first = await download(cadre, () => cadre.getByRole('button', { name: '导出我的日志（2 条）发给党政办' }).click());
  await cadre.getByText('我最近写的日志（2 条，可修改）').click();
  const mine = cadre.getByRole('table', { name: '我最近写的日志' });
  // The entry written by mistake is deleted; the deletion goes to the office with the next file.
  cadre.once('dialog', (d) => d.accept());
  await mine.getByRole('row').filter({ hasText: '写重了的一条' }).getByRole('button', { name: '删除' }).click();
  await cadre.getByText('已删除 2026-11-05 东村的日志。').waitFor();
  await mine.getByRole('row').filter({ hasText: '写重了的一条' }).waitFor({ state: 'detached' });
  await mine.getByRole('button', { name: '修改' }).click();
  const form = cadre.getByRole('form', { name: '修改驻村日志' });
  assert.equal(await form.getByLabel('村（社区）').inputValue(), '东村', 'the name was stored without the space');
  await form.getByLabel('做了什么').fill('宣讲惠农补贴政策');
  await form.getByRole('button', { name: '保存修改' }).click();
  await cadre.getByText('已记下 2026-11-03 传达员的日志。').waitFor();
  await cadre.getByRole('table', { name: '我最近写的日志' }).getByText('刘驻村 改了 做了什么：宣讲 → 宣讲惠农补贴政策').waitFor();
  const second = await download(cadre, () => cadre.getByRole('button', { name: '导出我的日志（1 条）发给党政办' }).click());
  await context.close();

  const officeContext = await freshContext(app.browser);
  const office = await openApp(officeContext, app.server.url);
  await setProfile(office, { name: '王秘书', unit: '党政办' });
  await nav(office, '驻村与便民');
  await tab(office, '驻村日志');
  await chooseFiles(office, '选择驻村日志文件（.json，可多选）', [json(first), json(second)]);
  await office.getByRole('button', { name: '确认导入' }).click();
  await office.getByRole('button', { name: '导入下一个文件' }).click();
  await office.getByRole('button', { name: '确认导入' }).click();
  await office.getByText(/导入完成/).waitFor();
  await office.getByLabel('月份').fill('2026-11');
  const month = office.locator('.village-month');
  await month.getByRole('heading', { name: '东村 2026年11月 驻村工作汇总' }).waitFor();
  const rows = month.getByRole('table', { name: '该村本月驻村日志' }).getByRole('row');
  assert.equal(await rows.count(), 2, 'one entry, not two');
  await rows.nth(1).getByText('宣讲惠农补贴政策').waitFor();
  await rows.nth(1).getByText('刘驻村 改了 做了什么：宣讲 → 宣讲惠农补贴政策').waitFor();
  assert.deepEqual(office.problems, []);
  await officeContext.close();
});

test('公开栏：从 Excel 粘贴的表格，单元格里有换行也还是一个单元格，打印和导出都一样', async () => {
  const context = await freshContext(app.browser);
  const page = await openApp(context, app.server.url);
  await setProfile(page, { name: '王秘书', unit: '党政办' });
  await nav(page, '驻村与便民');
  await tab(page, '公开栏');
  const title = '2026年第四季度工程招投标结果公示';
  const form = page.getByRole('form', { name: '登记公开事项' });
  await form.getByLabel('类别').selectOption({ label: '工程招投标结果' });
  await form.getByLabel('标题').fill(title);
  await form.getByLabel('公开期间').fill('2026年12月');
  // As Excel puts it on the clipboard: the cell with a line break quoted, its quotes doubled.
  await form.getByLabel('表格（可从 Excel/WPS 复制粘贴，第一行为表头）')
    .fill('项目\t中标单位\t金额（元）\r\n"村道硬化\r\n（二期）"\t"某""宏达""建设公司"\t1,250,000.00\t\r\n');
  await form.getByRole('button', { name: '登记' }).click();
  await page.getByText(`已保存公开事项：${title}`).waitFor();
  await page.getByRole('button', { name: '查看和打印' }).click();
  const rows = page.getByLabel('公开表').getByRole('row');
  assert.equal(await rows.count(), 2, 'the header and one row');
  assert.deepEqual(await rows.nth(1).getByRole('cell').allInnerTexts(), ['村道硬化\n（二期）', '某"宏达"建设公司', '1,250,000.00']);
  const excel = await readOffice(page, () => page.getByRole('button', { name: '导出 Excel' }).click());
  assert.equal(excel.rows[0][0], title);
  assert.match(excel.rows[1][0], /公开期间：2026年12月/);
  const head = excel.rows.findIndex((r) => r[0] === '项目');
  assert.deepEqual(excel.rows[head + 1], ['村道硬化\n（二期）', '某"宏达"建设公司', 1250000]);
  assert.equal(excel.rows.length, head + 2);
  await context.close();
});

test('党政办的村（社区）名单随驻村安排发到驻村干部；名单外的村在党政办导入时被指出', async () => {
  const officeContext = await freshContext(app.browser);
  const office = await openApp(officeContext, app.server.url);
  await setProfile(office, { name: '王秘书', unit: '党政办' });
  await addCadre(office, { name: '刘驻村', unit: '镇政府' });
  await nav(office, '驻村与便民');
  const add = office.getByRole('form', { name: '加入村（社区）' });
  for (const [name, contact] of [['东村', '王支书'], ['南坪社区', '']]) {
    await add.getByLabel('村（社区）名称').fill(name);
    await add.getByLabel('两委联系人（可空）').fill(contact);
    await add.getByRole('button', { name: '加入名单' }).click();
    await office.getByText(`已加入名单：${name}`).waitFor();
  }
  // The same village written with a space is the same village.
  await add.getByLabel('村（社区）名称').fill('南坪 社区 ');
  await add.getByRole('button', { name: '加入名单' }).click();
  await office.getByText('名单里已经有“南坪社区”。').waitFor();
  const posting = office.getByRole('form', { name: '安排驻村' });
  await posting.getByLabel('驻村干部').selectOption({ label: '刘驻村（镇政府）' });
  await posting.getByLabel('村（社区）').fill('东村');
  await posting.getByLabel('开始日期').fill('2026-03-01');
  await posting.getByRole('button', { name: '保存驻村安排' }).click();
  await office.getByText('已保存驻村安排：东村').waitFor();
  const plan = await download(office, () => office.getByRole('button', { name: '导出驻村安排（发给驻村干部）' }).click());

  const cadreContext = await freshContext(app.browser);
  const cadre = await openApp(cadreContext, app.server.url);
  await setProfile(cadre, { name: '刘驻村', unit: '镇政府', cadre: true });
  await nav(cadre, '驻村与便民');
  await tab(cadre, '驻村日志');
  await chooseFiles(cadre, '选择驻村安排文件（.json）', [json(plan)]);
  await cadre.getByRole('button', { name: '确认导入' }).click();
  await cadre.getByText(/导入完成/).waitFor();
  const form = cadre.getByRole('form', { name: '写驻村日志' });
  // The village of the cadre's own posting is filled in, and the list is offered.
  assert.equal(await eventually(() => form.getByLabel('村（社区）').inputValue(), (v) => v === '东村'), '东村');
  const offered = await cadre.locator('datalist#villages option').evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(offered.sort(), ['东村', '南坪社区'].sort());
  await logEntry(cadre, { date: '2026-11-03', village: '东村', role: '传达员', done: '传达会议精神' });
  await form.getByLabel('村（社区）').fill('桃花源村');
  await form.getByText('“桃花源村”不在党政办的村（社区）名单里').waitFor();
  await logEntry(cadre, { date: '2026-11-04', village: '桃花源村', role: '指导员', done: '指导产业规划' });
  await logEntry(cadre, { date: '2026-11-06', village: '东庄', role: '办事员', done: '代办医保' });
  const logs = await download(cadre, () => cadre.getByRole('button', { name: '导出我的日志（3 条）发给党政办' }).click());
  await cadreContext.close();

  await tab(office, '驻村日志');
  await chooseFiles(office, '选择驻村日志文件（.json，可多选）', [json(logs)]);
  const preview = office.getByLabel('导入预览');
  // Named in the order the file holds them.
  const flagged = preview.getByText(/^这些日志写的村（社区）不在本单位的名单里：/);
  await flagged.waitFor();
  assert.match(await flagged.innerText(), /：(桃花源村（1 条）、东庄（1 条）|东庄（1 条）、桃花源村（1 条）)。/);
  assert.equal(await preview.getByText('不在干部名册里').count(), 0, 'the writer is on the roster');
  // 东庄 is 东村 misspelt: mapped, as the office's own edit; 桃花源村 is left out this time.
  const unknown = preview.getByRole('group', { name: '名单外的村（社区）' });
  await unknown.locator('p', { hasText: '“东庄”' }).getByLabel('是名单中的').selectOption('东村');
  await unknown.getByText('已改为“东村”。').waitFor();
  await unknown.locator('p', { hasText: '“桃花源村”' }).getByLabel('这些日志不导入（请驻村干部改正村名后重发）').check();
  await office.getByRole('button', { name: '确认导入' }).click();
  await office.getByText(/导入完成：写入 2 条记录/).waitFor();
  await office.getByRole('button', { name: '完成' }).click();
  // The same file again: this time the office adds the village to its list and takes it in.
  await chooseFiles(office, '选择驻村日志文件（.json，可多选）', [json(logs)]);
  await unknown.getByRole('button', { name: '把“桃花源村”加入名单' }).click();
  await office.getByText('已把“桃花源村”加入村（社区）名单。').waitFor();
  await office.getByRole('button', { name: '确认导入' }).click();
  await office.getByText(/导入完成：写入 1 条记录/).waitFor();
  await office.getByLabel('月份').fill('2026-11');
  const month = office.locator('.village-month');
  await month.getByLabel('村（社区）').selectOption('东村');
  // The village's month is read on its own: wait for the entry this import added.
  const rows = month.getByRole('table', { name: '该村本月驻村日志' }).getByRole('row');
  await rows.nth(2).waitFor();
  assert.equal(await rows.count(), 3, '东村 and 东庄 mapped to it');
  await tab(office, '驻村安排');
  await office.getByRole('table', { name: '村（社区）名单' }).getByRole('cell', { name: '桃花源村' }).waitFor();
  assert.deepEqual(office.problems, []);
  await officeContext.close();
});
