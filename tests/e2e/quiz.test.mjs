// 学习测验 as people use it: a secretary imports a question bank, builds a quiz and sends the
// package; a cadre in their own browser takes it, reloads half-way and finds the answers kept,
// submits and sends the sheet back; the secretary takes the sheets in and sees correct scores.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { xlsxOf } from './xlsx.mjs';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { servedApp, serve, launch, freshContext, openApp, setProfile, nav, download, chooseFiles, addCadre, eventually, readOffice } from './harness.mjs';

const app = servedApp();

async function tab(page, label) {
  await page.getByRole('navigation', { name: '学习测验' }).getByRole('link', { name: label, exact: true }).click();
}

const BANK = [
  '题型,题干,选项A,选项B,选项C,选项D,答案,解析,难度,分类',
  '单选,“四个一”中每半年一次的是,自我学习,集中学习,测验考试,封闭培训,C,每半年一次测验考试,简单,培训教育',
  '多选,述职评议面向哪些人,农村干部,人大代表,政协委员,外地游客,ABC,,中等,述职评议',
  '判断,诫勉对象应在5日内写出整改措施,,,,,对,,简单,谈话诫勉',
  '填空,工作分线实行周调度和____,,,,,月总结|每月总结,,中等,工作分线',
  '单选,坏题：答案不存在,甲,乙,,,E,,,',
].join('\n');

async function sheetOf(cadre, packageFile, answer, { backup = false } = {}) {
  const context = await freshContext(app.browser);
  const page = await openApp(context, app.server.url);
  await setProfile(page, { ...cadre, cadre: true });
  await nav(page, '学习测验');
  await tab(page, '参加测验');
  await chooseFiles(page, '选择试卷包（.json）', { name: packageFile.name, mimeType: 'application/json', buffer: Buffer.from(packageFile.text) });
  // The preview says what the package is: its title, questions and time limit.
  await page.getByText(/^测验“2026年上半年作风建设测验”：\d+ 道题，(限时 \d+ 分钟|不限时)。$/).waitFor();
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByText(/导入完成/).waitFor();
  await page.getByRole('button', { name: /开始答题 2026年上半年作风建设测验/ }).click();
  const identity = page.getByRole('form', { name: '确认身份' });
  if (cadre.mistyped) {
    // A slip in typing the code is caught here, not at the office.
    await identity.getByLabel(/答题码/).fill(cadre.mistyped);
    await identity.getByRole('button', { name: '确认并开始答题' }).click();
    await identity.getByText('答题码不对：应为党政办发给您本人的 6 位数字，请核对后重新输入。').waitFor();
  }
  await identity.getByLabel(/答题码/).fill(cadre.code);
  await identity.getByRole('button', { name: '确认并开始答题' }).click();
  await page.getByRole('region', { name: '答题' }).or(page.locator('[aria-label="答题"]')).first().waitFor();
  await answer(page);
  await page.getByRole('button', { name: '交卷', exact: true }).click();
  await page.getByRole('button', { name: '确认交卷' }).click();
  const sheet = await download(page, () => page.getByRole('button', { name: '导出答卷文件' }).click());
  // The cadre's home lists the test received and what is left: sending the sheet back.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '首页', exact: true }).click();
  const tests = page.getByRole('table', { name: '收到的测验' });
  await tests.waitFor();
  assert.match(await tests.innerText(), /2026年上半年作风建设测验\t.*\t已交卷，请导出答卷发回/);
  if (backup) {
    // The whole of this app.browser, with the key-less package copy and the sheet in it.
    await nav(page, '数据管理');
    sheet.backup = await download(page, () => page.getByRole('button', { name: '导出全部数据' }).click());
  }
  assert.deepEqual(page.problems, []);
  await context.close();
  return sheet;
}

/** The 答题码 the office prints for `name` (on the roster, or typed in for anyone else). */
async function codeOf(secretary, title, name) {
  await tab(secretary, '组卷与发放');
  await secretary.getByRole('button', { name: `答题码 ${title}` }).click();
  const codes = secretary.getByRole('article', { name: `答题码 ${title}` });
  const slip = codes.locator('li.slip', { hasText: name });
  let code;
  if (await slip.count()) {
    code = await slip.locator('.code').innerText();
  } else {
    await codes.getByLabel('名册外的人，姓名').fill(name);
    code = await codes.getByRole('status').locator('.code').innerText();
  }
  await codes.getByRole('button', { name: '关闭' }).click();
  assert.match(code, /^\d{6}$/);
  return code;
}

function question(page, stemPart) {
  return page.locator('li.question').filter({ hasText: stemPart });
}

test('秘书导入题库、组卷发出，干部答题（中途刷新不丢答案）交回，秘书阅卷看到正确成绩', async () => {
  const context = await freshContext(app.browser);
  const secretary = await openApp(context, app.server.url);
  await setProfile(secretary, { name: '王秘书', unit: '党政办' });
  for (const [name, unit] of [['李四', '城建办'], ['赵六', '财政所'], ['孙七', '综治办']]) await addCadre(secretary, { name, unit });

  // The bank, saved by WPS as GBK; one bad row is reported with its line.
  await nav(secretary, '学习测验');
  await chooseFiles(secretary, '选择试题文件（.xlsx / .csv / .txt / .gift）', { name: '题库.csv', mimeType: 'text/csv', buffer: iconv.encode(BANK, 'gbk') });
  const preview = secretary.locator('[aria-label="试题导入预览"]');
  await preview.getByText('可导入 4 道，其中与题库重复 0 道；有问题 1 处（不会导入）。').waitFor();
  await preview.getByText('第 6 行：答案中的选项不存在').waitFor();
  await preview.getByRole('button', { name: '确认导入' }).click();
  await secretary.getByText('试题导入完成：新增 4 道。').waitFor();
  await secretary.getByText('共 4 道试题').waitFor();
  await secretary.getByLabel('搜索').fill('述职');
  await secretary.getByText('共 1 道试题').waitFor();
  await secretary.getByLabel('搜索').fill('');

  // A quiz of all four questions: 30 + 30 + 20 + 20 points, pass mark 60.
  await tab(secretary, '组卷与发放');
  await secretary.getByRole('button', { name: '新建测验' }).click();
  const builder = secretary.getByRole('form', { name: '组卷' });
  await builder.getByLabel('测验名称').fill('2026年上半年作风建设测验');
  // On an office screen 1366 px wide no label wraps a character a line, and each question's
  // check box sits on its line.
  await secretary.setViewportSize({ width: 1366, height: 768 });
  const wrapped = await builder.evaluate((form) => [...form.querySelectorAll('label.inline, label.choice')]
    .filter((l) => l.getBoundingClientRect().height > 2.5 * (parseFloat(getComputedStyle(l).lineHeight) || 1.5 * parseFloat(getComputedStyle(l).fontSize)))
    .map((l) => l.textContent));
  assert.deepEqual(wrapped, []);
  await builder.getByLabel('每题分值').fill('20');
  await builder.getByLabel('时间限制（分钟）').fill('30');
  // Nothing picked yet: the builder says so beside its button, not at the top of the page.
  await builder.getByRole('button', { name: '生成测验' }).click();
  await builder.getByRole('alert').waitFor();
  for (const box of await builder.locator('.pick-list input[type=checkbox]').all()) await box.check();
  // Two questions are worth more than the default.
  await builder.getByLabel('分值 “四个一”中每半年一次的是').fill('30');
  await builder.getByLabel('分值 述职评议面向哪些人').fill('30');
  await builder.getByRole('button', { name: '生成测验' }).click();
  await secretary.getByText('已生成测验“2026年上半年作风建设测验”：4 道题，总分 100。').waitFor();

  // Before sending, the secretary reads the paper with its answers, changes the time limit, and
  // makes a copy for the second half-year; 新建测验 then starts from nothing.
  await secretary.getByRole('button', { name: '预览 2026年上半年作风建设测验' }).click();
  const paper = secretary.getByRole('article', { name: '试卷预览 2026年上半年作风建设测验' });
  assert.match(await paper.innerText(), /考试；4 道题，总分 100，及格 60；时间限制 30 分钟/);
  assert.match(await paper.innerText(), /“四个一”中每半年一次的是[\s\S]*答案：[A-D]\. 测验考试/);
  await paper.getByRole('button', { name: '关闭预览' }).click();
  await secretary.getByRole('button', { name: '修改 2026年上半年作风建设测验' }).click();
  const change = secretary.getByRole('form', { name: '修改测验' });
  assert.equal(await change.getByLabel('测验名称').inputValue(), '2026年上半年作风建设测验');
  assert.equal(await change.locator('.pick-list input[type=checkbox]:checked').count(), 4);
  assert.equal(await change.getByLabel('分值 “四个一”中每半年一次的是').inputValue(), '30');
  await change.getByLabel('时间限制（分钟）').fill('45');
  await change.getByRole('button', { name: '保存修改' }).click();
  await secretary.getByText('已保存测验“2026年上半年作风建设测验”：4 道题，总分 100。').waitFor();
  const quizzes = secretary.getByRole('table', { name: '测验列表' });
  await quizzes.getByRole('row', { name: /2026年上半年作风建设测验.*45 分钟/ }).waitFor();
  await secretary.getByRole('button', { name: '复制 2026年上半年作风建设测验' }).click();
  const copy = secretary.getByRole('form', { name: '组卷' });
  assert.equal(await copy.getByLabel('测验名称').inputValue(), '2026年上半年作风建设测验（副本）');
  await copy.getByLabel('测验名称').fill('2026年下半年作风建设测验');
  await copy.getByRole('button', { name: '生成测验' }).click();
  await secretary.getByText('已生成测验“2026年下半年作风建设测验”：4 道题，总分 100。').waitFor();
  await secretary.getByRole('button', { name: '新建测验' }).click();
  assert.match(await builder.getByLabel('测验名称').inputValue(), /^\d{4}年作风建设测验$/);
  assert.equal(await builder.locator('.pick-list input[type=checkbox]:checked').count(), 0);
  await builder.getByRole('button', { name: '取消' }).click();

  const pkg = await download(secretary, () => secretary.getByRole('button', { name: '导出试卷包 2026年上半年作风建设测验' }).click());
  assert.match(pkg.name, /^zuofeng-试卷包-王秘书-\d{8}-\d{4}\.json$/);
  // Sent: cadres may hold this paper now, so it no longer changes (a copy still can).
  await quizzes.getByRole('row', { name: /2026年上半年作风建设测验.*已发出，不能再修改/ }).waitFor();
  assert.equal(await secretary.getByRole('button', { name: '修改 2026年上半年作风建设测验' }).count(), 0);
  assert.equal(await secretary.getByRole('button', { name: '修改 2026年下半年作风建设测验' }).count(), 1);
  assert.ok(!pkg.text.includes('每半年一次测验考试'), 'an exam package carries no explanation');
  assert.ok(!/"answer":\{/.test(pkg.text), 'an exam package carries no answer key');

  // Each cadre gets their own 答题码 on a printed slip.
  const title = '2026年上半年作风建设测验';
  const [liCode, zhaoCode] = [await codeOf(secretary, title, '李四'), await codeOf(secretary, title, '赵六')];
  assert.notEqual(liCode, zhaoCode);
  const slipped = liCode.slice(0, 5) + ((Number(liCode[5]) + 1) % 10);

  // 李四 answers everything right, reloading half-way.
  const fromLi = await sheetOf({ name: '李四', unit: '城建办', code: liCode, mistyped: slipped }, pkg, async (page) => {
    await question(page, '每半年一次').getByLabel(/测验考试/).check();
    await question(page, '述职评议面向').getByLabel(/农村干部/).check();
    await question(page, '述职评议面向').getByLabel(/人大代表/).check();
    await page.waitForTimeout(300);
    await page.reload();
    await page.getByRole('navigation', { name: '主导航' }).waitFor();
    await page.getByRole('button', { name: /继续答题/ }).click();
    assert.equal(await question(page, '每半年一次').getByLabel(/测验考试/).isChecked(), true, 'kept after reload');
    assert.equal(await question(page, '述职评议面向').getByLabel(/人大代表/).isChecked(), true);
    await question(page, '述职评议面向').getByLabel(/政协委员/).check();
    await question(page, '5日内').getByLabel('正确').check();
    await question(page, '周调度').getByLabel('第 1 空').fill('每月总结');
    await page.getByText('已答 4 / 4').waitFor();
  });
  // 赵六 gets only the true/false right and leaves one blank.
  const fromZhao = await sheetOf({ name: '赵六', unit: '财政所', code: zhaoCode }, pkg, async (page) => {
    await question(page, '每半年一次').getByLabel(/封闭培训/).check();
    await question(page, '述职评议面向').getByLabel(/外地游客/).check();
    await question(page, '5日内').getByLabel('正确').check();
    await question(page, '述职评议面向').getByLabel('标记，稍后检查').check();
    await page.getByRole('button', { name: '交卷', exact: true }).click();
    const check = page.getByRole('alertdialog', { name: '交卷前检查' });
    await check.getByText(/还有 1 题未作答/).waitFor();
    await check.getByText(/标记待查/).waitFor();
    await check.getByRole('button', { name: '继续答题' }).click();
  });
  // A forged score in the file changes nothing: scores are recomputed.
  const forged = JSON.parse(fromZhao.text);
  forged.records.attempts[0].score = 100;

  await tab(secretary, '阅卷与分析');
  await chooseFiles(secretary, '选择答卷文件（.json，可多选）', [
    { name: fromLi.name, mimeType: 'application/json', buffer: Buffer.from(fromLi.text) },
    { name: '赵六.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(forged)) },
    { name: '李四又一份.json', mimeType: 'application/json', buffer: Buffer.from(fromLi.text) },
  ]);
  const intake = secretary.locator('[aria-label="答卷导入预览"]');
  await intake.waitFor();
  assert.match(await intake.innerText(), /李四又一份\.json\t李四\t城建办\t(已导入过|重复提交)/);
  await intake.getByRole('button', { name: /确认导入 2 份答卷/ }).click();
  await secretary.getByText('已导入 2 份答卷，成绩已按本机试卷重新计算。').waitFor();
  const table = secretary.getByRole('table', { name: '成绩表' });
  const rows = await eventually(() => table.locator('tbody tr').allInnerTexts(), (r) => r.length === 2);
  assert.match(rows[0], /^李四\t城建办\t100\t及格/);
  assert.match(rows[1], /^赵六\t财政所\t20\t不及格/);
  await secretary.getByText('名册中未交卷：1 人').waitFor();
  await secretary.getByText('孙七（综治办）').waitFor();
  const stats = await eventually(() => secretary.getByRole('table', { name: '逐题分析' }).innerText(), (t) => t.includes('50%'));
  assert.match(stats, /述职评议面向哪些人\t2\t50%\t份数太少\tD\. 外地游客（1 人）/);
  await secretary.getByRole('img', { name: '成绩分布图' }).waitFor();
  const excel = await readOffice(secretary, () => secretary.getByRole('button', { name: '导出成绩 Excel' }).click());
  assert.match(excel.name, /成绩\.xlsx$/);
  assert.match(String(excel.rows[0][0]), /成绩表$/, 'the sheet names its quiz');
  const scores = excel.rows.find((r) => r[0] === '李四');
  // openpyxl reads a date-time cell as a datetime (printed with its seconds), text as typed.
  assert.match(String(scores[6]), /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:00$/, '交卷时间 is a date and time');
  assert.equal(scores[7], '本人交卷');

  // The study log: a group study is recorded; the half-year test comes from the sheets.
  await tab(secretary, '学习记录');
  const form = secretary.getByRole('form', { name: '记录集中学习或封闭培训' });
  await form.getByLabel('主题').fill('学习谈话诫勉制度');
  await form.getByLabel('李四').check();
  await form.getByRole('button', { name: '保存记录' }).click();
  await secretary.getByText('已记录集中学习：学习谈话诫勉制度（1 人参加）').waitFor();
  const log = secretary.getByRole('table', { name: '四个一学习记录' });
  const half = new Date().getMonth() < 6 ? 0 : 1;
  const li = (await eventually(() => log.locator('tr', { hasText: '李四' }).innerText(), (t) => t.split('\t')[3] === '1')).split('\t');
  assert.equal(li[3], '1', 'one month of group study');
  assert.equal(li[4 + half], '✓', 'the half-year test from the sheet');
  assert.match(await log.locator('tr', { hasText: '孙七' }).innerText(), new RegExp(`未参加${half ? '下' : '上'}半年测验`));

  assert.deepEqual(secretary.problems, []);
  await context.close();
});

test('干部自学练习，答错的题进入错题本，连续答对两次后移出', async () => {
  const context = await freshContext(app.browser);
  const page = await openApp(context, app.server.url);
  await setProfile(page, { name: '李四', unit: '城建办' });
  await nav(page, '学习测验');
  const csv = '题型,题干,答案,解析\n判断,诫勉对象应在5日内写出整改措施,对,见谈话诫勉制度\n';
  await chooseFiles(page, '选择试题文件（.xlsx / .csv / .txt / .gift）', { name: 'one.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.locator('[aria-label="试题导入预览"]').getByRole('button', { name: '确认导入' }).click();
  await page.getByText('试题导入完成：新增 1 道。').waitFor();
  await tab(page, '自学与错题本');

  const practise = async (button, answer) => {
    await page.getByRole('button', { name: button }).click();
    const card = page.locator('[aria-label="练习"]');
    await card.getByLabel(answer).check();
    await card.getByRole('button', { name: '提交答案' }).click();
    const feedback = await card.getByRole('status').innerText();
    await card.getByRole('button', { name: '查看结果' }).click();
    await page.getByRole('button', { name: '返回' }).click();
    return feedback;
  };
  assert.match(await practise('开始练习', '错误'), /回答错误。正确答案：正确\s+解析：见谈话诫勉制度/);
  await page.getByRole('heading', { name: '错题本（1 道）' }).waitFor();
  assert.match(await practise('只练错题', '正确'), /回答正确/);
  await page.getByRole('heading', { name: '错题本（1 道）' }).waitFor();
  await page.getByText('答错 1 次，已连续答对 1 次').waitFor();
  await practise('只练错题', '正确');
  await page.getByRole('heading', { name: '错题本（0 道）' }).waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('从 Excel（.xlsx）导入试题，表头顺序不限', async () => {
  const context = await freshContext(app.browser);
  const page = await openApp(context, app.server.url);
  await setProfile(page, { name: '王秘书', unit: '党政办' });
  await nav(page, '学习测验');
  const book = xlsxOf([
    ['答案', '题目', '选项A', '选项B', '选项C', '题型', '知识点'],
    ['B', '诫勉对象应在几日内写出整改措施', '3日', '5日', '7日', '单选', '谈话诫勉'],
    ['错', '驻村员只需要做报告员', '', '', '', '判断', '驻村员'],
    ['', '', '', '', '', '', ''],
    ['Z', '答案不对的题', '甲', '乙', '', '单选', ''],
  ]);
  await chooseFiles(page, '选择试题文件（.xlsx / .csv / .txt / .gift）', { name: '题库.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: book });
  const preview = page.locator('[aria-label="试题导入预览"]');
  await preview.getByText('导入预览：题库.xlsx（Excel 表格）').waitFor();
  await preview.getByText('可导入 2 道，其中与题库重复 0 道；有问题 1 处（不会导入）。').waitFor();
  await preview.getByText(/第 5 行：/).waitFor();
  await preview.getByRole('button', { name: '确认导入' }).click();
  await page.getByText('试题导入完成：新增 2 道。').waitFor();
  await page.getByText('共 2 道试题').waitFor();
  // The same file again: every question repeats one in the bank, and the message says so.
  const again = async () => {
    await chooseFiles(page, '选择试题文件（.xlsx / .csv / .txt / .gift）', { name: '题库.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: book });
    await preview.getByText('可导入 2 道，其中与题库重复 2 道；有问题 1 处（不会导入）。').waitFor();
  };
  await again();
  await preview.getByRole('button', { name: '确认导入' }).click();
  await page.getByText('2 道都与题库重复，已跳过，题库没有变化。').waitFor();
  // Keeping copies of identical questions has to be confirmed, naming how many.
  await again();
  await preview.getByLabel('两者都保留').check();
  assert.equal(await preview.getByRole('button', { name: '确认导入' }).isDisabled(), true);
  await preview.getByLabel('确认另存 2 道重复题的副本', { exact: false }).check();
  await preview.getByRole('button', { name: '确认导入' }).click();
  await page.getByText('试题导入完成：另存重复题副本 2 道。').waitFor();
  await page.getByText('共 4 道试题').waitFor();
  assert.match(await eventually(() => page.getByRole('table', { name: '试题列表' }).innerText(), (t) => t.includes('诫勉对象')), /诫勉对象应在几日内写出整改措施\t单选\t谈话诫勉\t中等\tB/);
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('题库导出 Excel 到另一个办公室，经 LibreOffice 打开保存后再导入，题目一字不变', async () => {
  const context = await freshContext(app.browser);
  const page = await openApp(context, app.server.url);
  await setProfile(page, { name: '王秘书', unit: '党政办' });
  await nav(page, '学习测验');
  const csv = '题型,题干,选项A,选项B,选项C,选项D,答案,解析,难度,分类\n'
    + '单选,某村集体收入增长了多少？,20%,30%,40%,50%,B,增长 30%。,简单,乡村振兴\n'
    + '单选,专项资金是多少元？,"50,000.00","1,250,000",0.50,007,A,,中等,财务\n'
    + '单选,哪一天放假？,2026-10-01,2026-10-08,2026-10-01 09:30,=1+1,A,"第一行\n第二行",困难,节假日\n';
  await chooseFiles(page, '选择试题文件（.xlsx / .csv / .txt / .gift）', { name: '题库.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const preview = page.locator('[aria-label="试题导入预览"]');
  await preview.getByRole('button', { name: '确认导入' }).click();
  await page.getByText('试题导入完成：新增 3 道。').waitFor();
  const before = await eventually(() => page.getByRole('table', { name: '试题列表' }).innerText(), (t) => t.includes('哪一天放假'));

  // The Excel copy prints (title, 9 pt or more) and reads in openpyxl as typed values.
  const excel = await readOffice(page, () => page.getByRole('button', { name: '导出 Excel' }).click());
  assert.equal(excel.rows[0][0], '题库');
  const head = excel.rows.findIndex((r) => r[1] === '题干');
  assert.ok(head > 0, 'a title over the header');
  // Another office opens it in LibreOffice and saves it; then imports it into a fresh browser.
  const dir = await mkdtemp(join(tmpdir(), 'zuofeng-saved-'));
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', dir, excel.path], { stdio: 'ignore' });
  const saved = await readFile(join(dir, basename(excel.path)));
  const other = await freshContext(app.browser);
  const them = await openApp(other, app.server.url);
  await setProfile(them, { name: '李秘书', unit: '党政办' });
  await nav(them, '学习测验');
  for (const [name, buffer] of [['题库.xlsx', await readFile(excel.path)], ['题库（LibreOffice 保存）.xlsx', saved]]) {
    await chooseFiles(them, '选择试题文件（.xlsx / .csv / .txt / .gift）', { name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    const p = them.locator('[aria-label="试题导入预览"]');
    await p.getByText(/可导入 3 道/).waitFor();
    await p.getByRole('button', { name: '确认导入' }).click();
    await them.getByText(/试题导入完成|都与题库重复/).waitFor();
  }
  // The second import found all three identical to the first: nothing changed on the way.
  await them.getByText('3 道都与题库重复，已跳过，题库没有变化。').waitFor();
  const after = await eventually(() => them.getByRole('table', { name: '试题列表' }).innerText(), (t) => t.includes('哪一天放假'));
  const rows = (t) => t.split('\n').sort();
  assert.deepEqual(rows(after), rows(before));
  // Every option, answer and explanation as typed: the two banks export the same CSV.
  const lines = async (p) => (await download(p, () => p.getByRole('button', { name: '导出 CSV' }).click())).text.split(/\r?\n/).sort();
  const ours = await lines(page);
  assert.deepEqual(await lines(them), ours);
  assert.ok(ours.some((l) => l.includes('20%,30%,40%,50%')), ours.join('\n'));
  // (CSV marks text a spreadsheet would change with its leading ', as every export does.)
  assert.ok(ours.some((l) => l.includes('"50,000.00","1,250,000",0.50,\'007')), ours.join('\n'));
  assert.ok(ours.some((l) => l.includes('2026-10-01,2026-10-08,2026-10-01 09:30,\'=1+1')), ours.join('\n'));
  assert.deepEqual([...page.problems, ...them.problems], []);
  await other.close();
  await context.close();
});

test('改过的答卷和伪造的试卷包改不了成绩和答案：给分被忽略，改过的答卷并排显示，本机的测验不被覆盖', async () => {
  const context = await freshContext(app.browser);
  const secretary = await openApp(context, app.server.url);
  await setProfile(secretary, { name: '王秘书', unit: '党政办' });
  await nav(secretary, '学习测验');
  await chooseFiles(secretary, '选择试题文件（.xlsx / .csv / .txt / .gift）', { name: '题库.csv', mimeType: 'text/csv', buffer: iconv.encode(BANK, 'gbk') });
  await secretary.locator('[aria-label="试题导入预览"]').getByRole('button', { name: '确认导入' }).click();
  await secretary.getByText('试题导入完成：新增 4 道。').waitFor();
  await tab(secretary, '组卷与发放');
  await secretary.getByRole('button', { name: '新建测验' }).click();
  const builder = secretary.getByRole('form', { name: '组卷' });
  await builder.getByLabel('测验名称').fill('2026年上半年作风建设测验');
  await builder.getByLabel('每题分值').fill('25');
  for (const box of await builder.locator('.pick-list input[type=checkbox]').all()) await box.check();
  await builder.getByRole('button', { name: '生成测验' }).click();
  await secretary.getByText('已生成测验“2026年上半年作风建设测验”：4 道题，总分 100。').waitFor();
  const pkg = await download(secretary, () => secretary.getByRole('button', { name: '导出试卷包 2026年上半年作风建设测验' }).click());

  // 李四 gets one question right (25 points).
  const liCode = await codeOf(secretary, '2026年上半年作风建设测验', '李四');
  const fromLi = await sheetOf({ name: '李四', unit: '城建办', code: liCode }, pkg, async (page) => {
    await question(page, '5日内').getByLabel('正确').check();
  }, { backup: true });
  const sheet = JSON.parse(fromLi.text);
  // He gives himself full marks on every question before sending the file.
  const selfMarked = structuredClone(sheet);
  selfMarked.records.attempts[0].manual_points = { 0: 2500, 1: 2500, 2: 2500, 3: 2500 };
  await tab(secretary, '阅卷与分析');
  await chooseFiles(secretary, '选择答卷文件（.json，可多选）', [{ name: '李四.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(selfMarked)) }]);
  const intake = secretary.locator('[aria-label="答卷导入预览"]');
  await intake.getByText(/文件中带有给分，已忽略/).waitFor();
  await intake.getByRole('button', { name: '确认导入 1 份答卷' }).click();
  const table = secretary.getByRole('table', { name: '成绩表' });
  assert.match(await eventually(() => table.locator('tbody tr').first().innerText(), (t) => t.startsWith('李四')), /^李四\t城建办\t25\t不及格/);

  // The genuine file after an edited one: not refused as "already imported", but shown beside
  // the copy here with both scores, and left out unless the secretary chooses it.
  const edited = structuredClone(sheet);
  const answers = edited.records.attempts[0].answers;
  for (const key of Object.keys(answers)) delete answers[key];
  await chooseFiles(secretary, '选择答卷文件（.json，可多选）', [{ name: '李四改过.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(edited)) }]);
  await intake.getByText(/与已导入的同一份答卷内容不同/).waitFor();
  // Its 答题码 check no longer matches what it says.
  await intake.getByText(/答题码核对不符/).waitFor();
  await intake.getByText(/已导入的：25 分，1 题作答；这份：0 分，0 题作答。/).waitFor();
  assert.equal(await intake.getByRole('button', { name: '确认导入 0 份答卷' }).isDisabled(), true);
  await intake.getByRole('button', { name: '取消' }).click();

  // A forged package: the answer key replaced by 李四's answers, its versions bumped and the
  // secretary's name copied. It cannot change the quiz in the browser that made it.
  const forged = JSON.parse(pkg.text);
  const quiz = forged.records.quizzes[0];
  for (const q of quiz.paper) q.answer = { type: 'true_false', value: true };
  quiz.meta.versions.forger = 5;
  quiz.meta.rev += 5;
  await tab(secretary, '参加测验');
  await chooseFiles(secretary, '选择试卷包（.json）', { name: '试卷包.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(forged)) });
  await secretary.getByText(/文件想修改本机所建的 1 份测验、答案或评议，这些不会改动/).waitFor();
  await secretary.getByRole('button', { name: '确认导入' }).click();
  await secretary.getByText(/导入完成/).waitFor();
  await tab(secretary, '阅卷与分析');
  assert.match(await eventually(() => table.locator('tbody tr').first().innerText(), (t) => t.startsWith('李四')), /^李四\t城建办\t25\t不及格/);

  // 李四's whole backup (his key-less copy of the exam and his sheet) merged at 数据管理: the
  // exam keeps its answer key, its sheet and its score.
  assert.ok(!fromLi.backup.text.includes('"answer":{'), 'the cadre never had the key');
  await nav(secretary, '数据管理');
  await chooseFiles(secretary, '选择备份文件（.json）', { name: fromLi.backup.name, mimeType: 'application/json', buffer: Buffer.from(fromLi.backup.text) });
  await secretary.getByText(/文件想修改本机所建的 1 份测验、答案或评议，这些不会改动/).waitFor();
  assert.doesNotMatch(await secretary.locator('main').innerText(), /"answer"|\{"type"/, 'no raw record on screen');
  await secretary.getByRole('button', { name: /确认导入/ }).click();
  await secretary.getByText(/导入完成/).waitFor();
  await nav(secretary, '学习测验');
  await tab(secretary, '组卷与发放');
  await secretary.getByRole('button', { name: '预览 2026年上半年作风建设测验' }).click();
  const paper = secretary.getByRole('article', { name: '试卷预览 2026年上半年作风建设测验' });
  assert.equal(await paper.getByText('（试卷包不含答案）').count(), 0, 'the key is still here');
  assert.equal((await paper.locator('.answer').allInnerTexts()).length, 4);
  await tab(secretary, '阅卷与分析');
  assert.match(await eventually(() => table.locator('tbody tr').first().innerText(), (t) => t.startsWith('李四')), /^李四\t城建办\t25\t不及格/);
  assert.equal(await table.locator('tbody tr').count(), 1);

  assert.deepEqual(secretary.problems, []);
  await context.close();
});

test('干部在“学习记录”看到自己的四个一并导出自学记录，秘书导入后计入每周自学', async () => {
  const context = await freshContext(app.browser);
  // The cadre's side: their own record, not the office's forms.
  const cadre = await openApp(context, app.server.url);
  await setProfile(cadre, { name: '李四', unit: '城建办', cadre: true });
  await nav(cadre, '学习测验');
  await tab(cadre, '学习记录');
  const mine = cadre.getByRole('region', { name: /我的 \d{4} 年“四个一”学习记录/ });
  await mine.getByText('本机共有您的练习记录 0 次', { exact: false }).waitFor();
  assert.equal(await mine.getByRole('button', { name: '导出我的自学记录' }).isDisabled(), true);
  assert.equal(await cadre.getByRole('form', { name: '记录集中学习或封闭培训' }).count(), 0);
  await context.close();

  // The office's side: a cadre's practice log (two weeks of practice) counts for them.
  const office = await freshContext(app.browser);
  const secretary = await openApp(office, app.server.url);
  await setProfile(secretary, { name: '王秘书', unit: '党政办' });
  await addCadre(secretary, { name: '李四', unit: '城建办' });
  const at = new Date().toISOString();
  const year = new Date().getFullYear();
  const session = (on) => ({
    meta: { id: crypto.randomUUID(), created_at: at, updated_at: at, rev: 1, versions: { cadre: 1 } },
    person: { name: '李四', unit: '城建办' }, on, answered: 10, correct: 8,
  });
  const log = JSON.stringify({
    format: 'zuofeng', format_version: 1, min_app_version: '0.1.0', app_version: '0.1.0', kind: 'practice_log',
    exported_by: { name: '李四', unit: '城建办', post: '', device_id: 'cadre' }, exported_at: at,
    records: { practice: [session(`${year}-03-02`), session(`${year}-03-10`)] },
  });
  await nav(secretary, '学习测验');
  await tab(secretary, '学习记录');
  await chooseFiles(secretary, '选择自学记录文件（.json，可多选）', { name: '李四的自学记录.json', mimeType: 'application/json', buffer: Buffer.from(log) });
  await secretary.getByRole('button', { name: '确认导入' }).click();
  await secretary.getByText(/导入完成：写入 2 条记录/).waitFor();
  const record = secretary.getByRole('table', { name: '四个一学习记录' });
  assert.match(await eventually(() => record.innerText(), (t) => /李四\t城建办\t2/.test(t)), /李四\t城建办\t2\t/);
  assert.deepEqual(secretary.problems, []);
  await office.close();
});
