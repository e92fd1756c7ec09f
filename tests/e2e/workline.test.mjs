// 工作分线 as people use it: a secretary plans a line with tasks and sends it out; a member in
// their own browser reports progress and sends an update back; the secretary takes it in and
// sees it in the weekly dispatch. Two members changing the same task are settled by the
// secretary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { servedApp, serve, launch, freshContext, openApp, setProfile, nav, download, chooseFiles, addCadre, eventually, readOffice } from './harness.mjs';

const app = servedApp();

async function tab(page, label) {
  await page.getByRole('navigation', { name: '工作分线' }).getByRole('link', { name: label, exact: true }).click();
}

function isoDay(offset) {
  const d = new Date(Date.now() + offset * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function addTask(page, title, owner, due) {
  await page.getByRole('button', { name: '添加任务' }).click();
  const form = page.getByRole('form', { name: '添加任务' });
  await form.getByLabel('任务名称').fill(title);
  await form.getByLabel(owner, { exact: true }).check();
  await form.getByLabel('完成时间').fill(due);
  await form.getByRole('button', { name: '保存' }).click();
  await page.getByText(`已保存任务：${title}`).waitFor();
}

async function sendLines(page, button = '导出选中的工作线') {
  await nav(page, '工作分线');
  await tab(page, '文件交换');
  await page.getByLabel('道路硬化').check();
  return download(page, () => page.getByRole('button', { name: button }).click());
}

async function importLines(page, files) {
  await nav(page, '工作分线');
  await tab(page, '文件交换');
  await chooseFiles(page, '选择工作线文件（.json，可多选）', files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: Buffer.from(f.text) })));
  await page.locator('[aria-label="导入预览"]').waitFor();
}

async function memberReports(name, unit, lineFile, task, progress, note) {
  const context = await freshContext(app.browser);
  const page = await openApp(context, app.server.url);
  await setProfile(page, { name, unit, cadre: true });
  // A member's page says what to do as a member, and the preview names the line received.
  await nav(page, '工作分线');
  await tab(page, '文件交换');
  await page.getByRole('heading', { name: '第一步：导入党政办发来的工作线文件' }).waitFor();
  await importLines(page, [lineFile]);
  await page.locator('[aria-label="导入预览"]').getByText(/工作线“道路硬化”：任务 \d+ 项。/).waitFor();
  await page.getByRole('button', { name: '确认导入' }).click();
  await page.getByText(/导入完成/).waitFor();
  await nav(page, '工作分线');
  await tab(page, '我的任务');
  const form = page.getByRole('form', { name: `更新 ${task}` });
  await form.getByLabel('进度（%）').fill(String(progress));
  await form.getByLabel('进展说明').fill(note);
  await form.getByRole('button', { name: '保存进度' }).click();
  await page.getByText(`已更新：${task}（${progress}%，进行中）`).waitFor();
  const update = await sendLines(page, '导出我的更新');
  assert.deepEqual(page.problems, []);
  await context.close();
  return update;
}

test('秘书建立工作线并发出，成员更新进度发回，秘书导入后在周调度中看到', async () => {
  const context = await freshContext(app.browser);
  const secretary = await openApp(context, app.server.url);
  await setProfile(secretary, { name: '王秘书', unit: '党政办' });
  await addCadre(secretary, { name: '张镇长', unit: '镇政府' });
  await addCadre(secretary, { name: '李四', unit: '城建办' });
  await addCadre(secretary, { name: '赵六', unit: '城建办' });

  await nav(secretary, '工作分线');
  await secretary.getByRole('button', { name: '新建工作线' }).click();
  const lineForm = secretary.getByRole('form', { name: '新建工作线' });
  await lineForm.getByLabel('工作线名称').fill('道路硬化');
  await lineForm.getByLabel('工作目标').fill('年底前完成三个村的道路硬化');
  await lineForm.getByLabel('责任领导').selectOption({ label: '张镇长（镇政府）' });
  await lineForm.getByLabel('责任单位').fill('城建办');
  await lineForm.getByLabel('开始日期').fill(isoDay(-30));
  await lineForm.getByLabel('完成时限').fill(isoDay(40));
  await lineForm.getByRole('button', { name: '保存' }).click();
  await secretary.getByText('已保存工作线：道路硬化').waitFor();

  await secretary.getByRole('link', { name: '道路硬化' }).click();
  await secretary.getByRole('heading', { name: '道路硬化' }).waitFor();
  await addTask(secretary, '李家村路基', '李四', isoDay(3));
  await addTask(secretary, '王家湾排水', '赵六', isoDay(-2));
  const tasks = secretary.getByRole('table', { name: '任务列表' });
  assert.match(await eventually(() => tasks.innerText(), (t) => t.includes('王家湾排水')), /王家湾排水\t赵六\t.*逾期 2 天/s);

  // Overdue view and timeline show the plan.
  await tab(secretary, '逾期任务');
  assert.match(await secretary.getByRole('table', { name: '逾期任务' }).innerText(), /王家湾排水\t道路硬化\t赵六\t.*\t2\t0%/);
  await tab(secretary, '时间线');
  await secretary.getByRole('img', { name: '工作线时间线' }).waitFor();
  await secretary.getByRole('button', { name: '展开全部任务' }).click();
  assert.equal(await eventually(() => secretary.locator('svg.timeline text.label').count(), (n) => n === 3), 3);

  const lineFile = await sendLines(secretary);
  assert.match(lineFile.name, /^zuofeng-工作线更新-王秘书-\d{8}-\d{4}\.json$/);
  const sent = JSON.parse(lineFile.text);
  assert.equal(sent.kind, 'work_line_update');
  assert.equal(sent.records.tasks.length, 2);
  assert.equal(sent.records.cadres.length, 3);

  // Two members, each in their own app.browser, report on their own task.
  const fromLi = await memberReports('李四', '城建办', lineFile, '李家村路基', 60, '路基已平整一半');
  const fromZhao = await memberReports('赵六', '城建办', lineFile, '王家湾排水', 30, '等待管材');

  // The secretary takes both files at once.
  await importLines(secretary, [fromLi, fromZhao]);
  assert.match(await secretary.locator('[aria-label="导入预览"] table').innerText(), /任务\s+0\s+1\s+0\s+1\s+0/);
  await secretary.getByRole('button', { name: '确认导入' }).click();
  await secretary.getByRole('button', { name: '导入下一个文件' }).click();
  await secretary.locator('[aria-label="导入预览"] table').waitFor();
  // Against the data as Li's file left it: Zhao's copy of Li's task is now the older one.
  assert.match(await secretary.locator('[aria-label="导入预览"] table').innerText(), /任务\s+0\s+1\s+1\s+0\s+0/);
  await secretary.getByRole('button', { name: '确认导入' }).click();
  await secretary.getByText(/导入完成/).waitFor();

  await tab(secretary, '周调度');
  const dispatch = secretary.getByRole('article', { name: '周调度' });
  await dispatch.getByRole('heading', { name: '道路硬化' }).waitFor();
  const text = await eventually(
    () => dispatch.locator('.report-text').allInnerTexts().then((texts) => texts.join('\n')),
    (t) => t.includes('进度 30%') && t.includes('0% → 60%'),
  );
  assert.match(text, /李家村路基（李四），进度 60%.*；进展：路基已平整一半/);
  assert.match(text, /王家湾排水（赵六），应于.*完成，已逾期 2 天，进度 30%；进展：等待管材/);
  assert.match(text, /李家村路基：0% → 60%（路基已平整一半）/);
  assert.match(text, /责任领导：张镇长/);
  // It opens with the figures: the overdue task, and the other one if it falls due by Sunday.
  const figures = dispatch.getByRole('table', { name: '总体情况' });
  // Compared as days: on a Thursday the task due in three days falls due on Sunday itself.
  const sunday = isoDay((7 - new Date().getDay()) % 7);
  const due = isoDay(3) <= sunday ? 2 : 1;
  assert.match(await figures.innerText(), new RegExp(`道路硬化\t${due}\t0\t0\t1\t0%`));
  assert.match(await figures.innerText(), new RegExp(`合计\t${due}\t0\t0\t1\t0%`));
  // The texts read as they print; 修改 opens a line's texts for editing.
  assert.equal(await dispatch.locator('textarea').count(), 0);
  await dispatch.getByRole('button', { name: '修改 道路硬化' }).click();
  assert.match(await dispatch.getByLabel('道路硬化 下周计划').inputValue(), /王家湾排水（赵六），抓紧完成/);

  // Edited, saved, and exported for the meeting.
  await dispatch.locator('textarea').first().fill('年底前完成三个村的道路硬化（已调整）');
  await dispatch.getByRole('button', { name: '保存修改' }).click();
  await secretary.getByText('周调度已保存。').waitFor();
  // The Word file reads as an official document in Word (python-docx): 小标宋 title, 一、 headings
  // in 黑体, 仿宋 三号 body, the standard's margins, page numbers, the office and date at the end.
  const word = await readOffice(secretary, () => dispatch.getByRole('button', { name: '导出 Word' }).click());
  assert.match(word.name, /^工作分线周调度-.*\.docx$/);
  const runs = word.runs;
  assert.equal(runs[0].east_asia, '方正小标宋简体');
  assert.equal(runs[0].pt, 22);
  const heading = runs.find((r) => r.text.startsWith('一、'));
  assert.equal(heading?.east_asia, '黑体', JSON.stringify(runs.slice(0, 6)));
  assert.ok(runs.some((r) => r.text.startsWith('（一）') && r.east_asia === '楷体_GB2312'));
  assert.ok(runs.some((r) => r.east_asia === '仿宋_GB2312' && r.pt === 16));
  assert.deepEqual(word.page, { width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26 });
  assert.ok(word.page_field, 'a page-number field in the footer');
  assert.match(word.footer.join(''), /— 1 —/);
  assert.ok(word.paragraphs.filter((p) => p.trim()).at(-2).includes('党政办'), 'signed by the office');
  // In Excel (openpyxl): the title and the period above the table.
  const excel = await readOffice(secretary, () => dispatch.getByRole('button', { name: '导出 Excel' }).click());
  assert.match(excel.name, /\.xlsx$/);
  assert.match(String(excel.rows[0][0]), /周调度/);
  assert.match(String(excel.rows[1][0]), /2026/);
  // The figures are numbers in Excel, not text.
  const head = excel.rows.findIndex((r) => r[0] === '工作线' && r[1] === '任务数');
  assert.ok(head > 0, JSON.stringify(excel.rows.slice(0, 5)));
  assert.equal(typeof excel.rows[head + 1][1], 'number');

  // Typed text is not thrown away by a tab click: the app asks, and staying keeps it.
  await dispatch.getByRole('button', { name: '修改 道路硬化' }).click();
  const plans = dispatch.getByLabel('道路硬化 下周计划');
  await plans.fill('下周一召开验收会');
  await dispatch.getByText('有未保存的修改。').waitFor();
  // Exporting while editing is not leaving: the file comes without a question.
  const draftCopy = await readOffice(secretary, () => dispatch.getByRole('button', { name: '导出 Excel' }).click());
  assert.match(draftCopy.name, /\.xlsx$/);
  secretary.once('dialog', (d) => d.dismiss());
  await secretary.getByRole('navigation', { name: '工作分线' }).getByRole('link', { name: '工作线', exact: true }).click();
  assert.equal(await plans.inputValue(), '下周一召开验收会');
  secretary.once('dialog', (d) => d.accept());
  await tab(secretary, '工作线');
  await tab(secretary, '周调度');
  await secretary.getByText('显示的是保存过的版本。').waitFor();
  assert.equal(await secretary.getByRole('article', { name: '周调度' }).locator('.report-text').first().innerText(), '年底前完成三个村的道路硬化（已调整）');

  // Text typed here survives a save of the same report in a second window: it stays, and the
  // secretary is asked which version to keep.
  await dispatch.getByRole('button', { name: '修改 道路硬化' }).click();
  await plans.fill('周五前完成验收资料');
  const other = await context.newPage();
  await other.goto(secretary.url());
  const theirs = other.getByRole('article', { name: '周调度' });
  await theirs.getByRole('button', { name: '修改 道路硬化' }).click();
  await theirs.getByLabel('道路硬化 下周计划').fill('另一个窗口写的计划');
  await theirs.getByRole('button', { name: '保存修改' }).click();
  await other.getByText('周调度已保存。').waitFor();
  await secretary.getByText('另一个窗口刚保存了这一项').waitFor();
  assert.equal(await plans.inputValue(), '周五前完成验收资料', 'the typed text is still there');
  await secretary.getByRole('button', { name: '保留我的修改' }).click();
  await dispatch.getByRole('button', { name: '保存修改' }).click();
  await secretary.getByText('显示的是保存过的版本。').waitFor();
  await other.close();
  await secretary.reload();
  await dispatch.getByText('周五前完成验收资料').waitFor();

  // 每周工作安排 and 月总结 as filed: Word with columns as wide as what they hold, the overdue
  // task's 时间 on at most two lines; Excel that prints at 9 pt or more.
  await tab(secretary, '每周工作安排');
  const planWord = await readOffice(secretary, () => secretary.getByRole('article', { name: '每周工作安排' }).getByRole('button', { name: '导出 Word' }).click());
  // 时间 holds "已逾期（原定11月28日）" (11 characters of 四号) on two lines at most.
  const [timeCol] = planWord.tables.at(-1);
  assert.ok(timeCol >= 6 * 4.94 + 3, `时间 column ${timeCol} mm of ${planWord.tables.at(-1)}`);
  assert.ok(planWord.keep_next.includes('每周工作安排'), 'the title keeps with what follows');
  await tab(secretary, '月总结');
  const month = await readOffice(secretary, () => secretary.getByRole('article', { name: '月总结' }).getByRole('button', { name: '导出 Excel' }).click());
  assert.match(String(month.rows[0][0]), /月总结/);
  const monthWord = await readOffice(secretary, () => secretary.getByRole('article', { name: '月总结' }).getByRole('button', { name: '导出 Word' }).click());
  assert.ok(monthWord.printed.pages.length >= 1);

  // Stand-up: a problem carries to the next day until solved.
  await tab(secretary, '每日碰头会');
  await secretary.getByLabel('日期').fill(isoDay(-1));
  await secretary.getByLabel('新问题').fill('管材未到货');
  await secretary.getByRole('button', { name: '添加问题' }).click();
  await secretary.getByRole('button', { name: '保存碰头会记录' }).click();
  await secretary.getByText('碰头会记录已保存。').waitFor();
  await secretary.getByLabel('日期').fill(isoDay(0));
  await secretary.getByRole('form', { name: '碰头会记录' }).getByText('管材未到货').waitFor();

  assert.deepEqual(secretary.problems, []);
  await context.close();
});

test('两名成员改了同一任务，秘书导入时并排看到两个版本并选择', async () => {
  const context = await freshContext(app.browser);
  const secretary = await openApp(context, app.server.url);
  await setProfile(secretary, { name: '王秘书', unit: '党政办' });
  await addCadre(secretary, { name: '李四', unit: '城建办' });
  await addCadre(secretary, { name: '赵六', unit: '城建办' });
  await nav(secretary, '工作分线');
  await secretary.getByRole('button', { name: '新建工作线' }).click();
  const lineForm = secretary.getByRole('form', { name: '新建工作线' });
  await lineForm.getByLabel('工作线名称').fill('道路硬化');
  await lineForm.getByLabel('完成时限').fill(isoDay(30));
  await lineForm.getByRole('button', { name: '保存' }).click();
  await secretary.getByRole('link', { name: '道路硬化' }).click();
  await secretary.getByRole('button', { name: '添加任务' }).click();
  const form = secretary.getByRole('form', { name: '添加任务' });
  await form.getByLabel('任务名称').fill('联合验收');
  await form.getByLabel('李四', { exact: true }).check();
  await form.getByLabel('赵六', { exact: true }).check();
  await form.getByLabel('完成时间').fill(isoDay(10));
  await form.getByRole('button', { name: '保存' }).click();
  await secretary.getByText('已保存任务：联合验收').waitFor();
  const lineFile = await sendLines(secretary);

  const fromLi = await memberReports('李四', '城建办', lineFile, '联合验收', 40, '李四：已约验收组');
  const fromZhao = await memberReports('赵六', '城建办', lineFile, '联合验收', 50, '赵六：资料已备齐');

  await importLines(secretary, [fromLi, fromZhao]);
  await secretary.getByRole('button', { name: '确认导入' }).click();
  await secretary.getByRole('button', { name: '导入下一个文件' }).click();
  const conflict = secretary.getByRole('group', { name: '任务：联合验收' });
  await conflict.waitFor();
  const rows = (await conflict.locator('tbody tr').allInnerTexts()).join('\n');
  assert.match(rows, /进展说明\t李四：已约验收组\t赵六：资料已备齐/);
  assert.match(rows, /进度\t40%\t50%/);
  assert.doesNotMatch(rows, /notes|progress|in_progress|\[\{/);
  // Settled field by field: the progress as Zhao reported it, the note as Li wrote it.
  await conflict.getByLabel('进度用文件的').check();
  assert.equal(await secretary.getByRole('button', { name: '确认导入' }).isDisabled(), true, 'a field is still open');
  for (const field of await conflict.locator('tbody th').allInnerTexts()) {
    if (field !== '进度') await conflict.getByLabel(`${field}用本机的`).check();
  }
  await secretary.getByRole('button', { name: '确认导入' }).click();
  await secretary.getByText(/导入完成/).waitFor();
  await nav(secretary, '工作分线');
  await secretary.getByRole('link', { name: '道路硬化' }).click();
  assert.match(
    await eventually(() => secretary.getByRole('table', { name: '任务列表' }).innerText(), (t) => t.includes('50%')),
    /联合验收.*进展：李四：已约验收组.*50%/s,
  );

  // The line's form keeps what was typed when another window saves the same line meanwhile:
  // asked, "保留我的修改" keeps the typed field and takes the other window's.
  await secretary.getByRole('button', { name: '编辑工作线' }).click();
  const editLine = secretary.getByRole('form', { name: '编辑工作线' });
  await editLine.getByLabel('推进措施').fill('每周三现场调度');
  const other = await context.newPage();
  await other.goto(secretary.url());
  await other.getByRole('button', { name: '编辑工作线' }).click();
  const theirs = other.getByRole('form', { name: '编辑工作线' });
  await theirs.getByLabel('工作目标').fill('年底前全部验收');
  await theirs.getByRole('button', { name: '保存' }).click();
  await other.getByText('已保存工作线：道路硬化').waitFor();
  await other.close();
  await editLine.getByText('另一个窗口刚保存了这一项').waitFor();
  assert.equal(await editLine.getByLabel('推进措施').inputValue(), '每周三现场调度');
  await editLine.getByRole('button', { name: '保留我的修改' }).click();
  assert.equal(await editLine.getByLabel('工作目标').inputValue(), '年底前全部验收');
  await editLine.getByRole('button', { name: '保存' }).click();
  await secretary.getByText('已保存工作线：道路硬化').waitFor();
  await secretary.getByRole('button', { name: '编辑工作线' }).click();
  assert.equal(await editLine.getByLabel('推进措施').inputValue(), '每周三现场调度');
  assert.equal(await editLine.getByLabel('工作目标').inputValue(), '年底前全部验收');
  await editLine.getByRole('button', { name: '取消' }).click();

  // Deleting the line takes its tasks with it.
  await secretary.getByRole('button', { name: '删除工作线……' }).click();
  await secretary.getByRole('button', { name: '确认删除' }).click();
  await secretary.getByRole('table', { name: '工作线列表' }).getByText('还没有工作线').waitFor();
  await tab(secretary, '逾期任务');
  await secretary.getByRole('table', { name: '逾期任务' }).getByText('没有逾期任务。').waitFor();
  assert.deepEqual(secretary.problems, []);
  await context.close();
});

test('星期六打开周调度，看到的是本周（先看过下周的每周工作安排也一样）', async () => {
  const context = await freshContext(app.browser);
  const page = await context.newPage();
  // Saturday 28 November 2026, mid-morning.
  await page.clock.setFixedTime(new Date(2026, 10, 28, 10, 0, 0));
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(String(e)));
  await page.goto(app.server.url);
  await setProfile(page, { name: '王秘书', unit: '党政办' });
  await nav(page, '工作分线');
  await page.getByRole('button', { name: '新建工作线' }).click();
  const lineForm = page.getByRole('form', { name: '新建工作线' });
  await lineForm.getByLabel('工作线名称').fill('安全生产检查');
  await lineForm.getByLabel('开始日期').fill('2026-11-01');
  await lineForm.getByLabel('完成时限').fill('2026-12-31');
  await lineForm.getByRole('button', { name: '保存' }).click();
  await page.getByText('已保存工作线：安全生产检查').waitFor();
  await page.getByRole('link', { name: '安全生产检查' }).click();
  await page.getByRole('button', { name: '添加任务' }).click();
  const taskForm = page.getByRole('form', { name: '添加任务' });
  await taskForm.getByLabel('任务名称').fill('复查整改情况');
  await taskForm.getByLabel('完成时间').fill('2026-12-02');
  await taskForm.getByLabel('备注').fill('会同应急办');
  await taskForm.getByRole('button', { name: '保存' }).click();
  await page.getByText('已保存任务：复查整改情况').waitFor();

  await nav(page, '工作分线');
  await page.getByRole('button', { name: '新建工作线' }).click();
  const second = page.getByRole('form', { name: '新建工作线' });
  await second.getByLabel('工作线名称').fill('环境整治');
  await second.getByLabel('开始日期').fill('2026-11-01');
  await second.getByLabel('完成时限').fill('2026-12-31');
  await second.getByRole('button', { name: '保存' }).click();
  await page.getByText('已保存工作线：环境整治').waitFor();

  // Wednesday's township stand-up covers both lines; each problem is tagged to its line.
  await tab(page, '每日碰头会');
  await page.getByLabel('日期').fill('2026-11-25');
  const meeting = page.getByRole('form', { name: '碰头会记录' });
  await meeting.getByText('2026-11-25 全镇碰头会').waitFor();
  await page.getByLabel('新问题').fill('两家企业拒不整改');
  await page.getByLabel('所属工作线').selectOption({ label: '安全生产检查' });
  await page.getByRole('button', { name: '添加问题' }).click();
  await page.getByLabel('新问题').fill('垃圾清运车辆不足');
  await page.getByLabel('所属工作线').selectOption({ label: '环境整治' });
  await page.getByRole('button', { name: '添加问题' }).click();
  await meeting.getByLabel('环境整治 昨日完成').fill('清理河道两公里');
  await page.getByRole('button', { name: '保存碰头会记录' }).click();
  await page.getByText('碰头会记录已保存。（2 条工作线）').waitFor();
  // One line's own view shows only its part.
  await page.getByLabel('范围').selectOption({ label: '环境整治' });
  assert.match(await page.getByRole('table', { name: '碰头会记录' }).innerText(), /清理河道两公里.*垃圾清运车辆不足/s);
  assert.doesNotMatch(await page.getByRole('table', { name: '碰头会记录' }).innerText(), /两家企业拒不整改/);

  // Text typed in the meeting survives a save of the same day in a second window: the line
  // typed here keeps its text, the line the other window saved keeps theirs.
  await page.getByLabel('范围').selectOption({ label: '全部工作线（全镇碰头会）' });
  await meeting.getByLabel('环境整治 今日计划').fill('调度两辆清运车');
  const other = await page.context().newPage();
  await other.goto(page.url());
  await other.getByLabel('日期').fill('2026-11-25');
  const theirs = other.getByRole('form', { name: '碰头会记录' });
  await theirs.getByLabel('安全生产检查 昨日完成').fill('复查三家企业');
  await other.getByRole('button', { name: '保存碰头会记录' }).click();
  await other.getByText('碰头会记录已保存。（1 条工作线）').waitFor();
  await page.getByText('另一个窗口刚保存了这一项').waitFor();
  assert.equal(await meeting.getByLabel('环境整治 今日计划').inputValue(), '调度两辆清运车', 'the typed text is still there');
  await page.getByRole('button', { name: '保留我的修改' }).click();
  assert.equal(await meeting.getByLabel('安全生产检查 昨日完成').inputValue(), '复查三家企业');
  await page.getByRole('button', { name: '保存碰头会记录' }).click();
  await page.getByText('碰头会记录已保存。（1 条工作线）').waitFor();
  await other.close();
  await page.reload();
  await page.getByLabel('日期').fill('2026-11-25');
  assert.equal(await meeting.getByLabel('环境整治 今日计划').inputValue(), '调度两辆清运车');
  assert.equal(await meeting.getByLabel('安全生产检查 昨日完成').inputValue(), '复查三家企业');

  await tab(page, '每周工作安排');
  assert.equal(await page.getByLabel('周（选其中任一天）').inputValue(), '2026-11-30', 'the plan is for next week');
  // In the table offices file: one row per task, with time, content, leader, unit and notes.
  const plan = page.getByRole('table', { name: '每周工作安排' });
  // (the 操作 column is not printed)
  assert.deepEqual(await plan.locator('thead th:not(.no-print)').allInnerTexts(), ['时间', '工作内容', '责任领导', '责任单位/责任人', '备注']);
  assert.equal(await plan.locator('tbody tr').first().locator('td').first().innerText(), '安全生产检查：复查整改情况');
  await plan.getByRole('button', { name: '修改 第 1 行' }).click();
  assert.equal(await plan.getByLabel('第 1 行 工作内容').inputValue(), '安全生产检查：复查整改情况');
  assert.equal(await plan.locator('tbody th').first().innerText(), '12月2日前');
  assert.equal(await plan.getByLabel('第 1 行 备注').inputValue(), '会同应急办');
  await tab(page, '周调度');
  assert.equal(await page.getByLabel('周（选其中任一天）').inputValue(), '2026-11-23', 'the dispatch is this week');
  const dispatch = page.getByRole('article', { name: '周调度' });
  const text = await eventually(
    () => dispatch.locator('.report-text').allInnerTexts().then((texts) => texts.join('\n')),
    (t) => t.includes('两家企业拒不整改'),
  );
  assert.match(text, /两家企业拒不整改/);
  await dispatch.getByRole('button', { name: '修改 环境整治' }).click();
  assert.match(await dispatch.getByLabel('环境整治 困难和问题及解决情况').inputValue(), /垃圾清运车辆不足（11月25日提出，尚未解决）/);
  assert.deepEqual(page.problems, []);
  await context.close();
});
