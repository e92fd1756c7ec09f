// 谈话诫勉 as the office uses it: open a case at the talk and see the deadline; the cadre hands
// in the rectification a day late and it is flagged; the observation runs, lifting before its
// end is refused, the review lifts it; the notice gets its number, prints on A4 and opens in
// Word with the official layout. A template with a wrong field is refused by line. Case files go
// out only on an explicit choice, and a backup says whether it holds cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createDecipheriv, pbkdf2Sync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servedApp, serve, launch, freshContext, openApp, setProfile, nav, download, chooseFiles, addCadre, readOffice, openCase, printed } from './harness.mjs';

const app = servedApp();

async function tab(page, label) {
  await page.getByRole('navigation', { name: '谈话诫勉' }).getByRole('link', { name: label, exact: true }).click();
}

async function step(page, label, fill) {
  await page.getByRole('button', { name: label, exact: true }).click();
  const form = page.getByRole('form', { name: label });
  await fill(form);
  await form.getByRole('button', { name: '确定' }).click();
}

test('a case from the talk to lifting, with a late rectification, numbered documents and Word', async () => {
  const context = await freshContext(app.browser);
  const page = await openApp(context, app.server.url);
  await page.clock.setFixedTime(new Date(2026, 10, 28, 10, 0, 0));
  await setProfile(page, { name: '王秘书', unit: '党政办' });
  await addCadre(page, { name: '张三', unit: '农业站', post: '站长' });

  await nav(page, '谈话诫勉');
  // First use: the office's name, 署名 and 代字, once.
  const office = page.getByRole('form', { name: '单位信息' });
  await office.getByText('第一次使用谈话诫勉').waitFor();
  await office.getByLabel('乡镇（街道）名称').fill('某某镇');
  await office.getByLabel('发文机关署名').fill('中共某某镇委员会');
  await office.getByLabel('诫勉谈话通知书的发文机关代字').fill('某镇诫');
  await office.getByRole('button', { name: '保存单位信息' }).click();
  await page.getByText('单位信息已保存').waitFor();
  await page.reload();
  await page.getByRole('button', { name: '新建诫勉案件' }).waitFor();
  assert.equal(await page.getByRole('form', { name: '单位信息' }).count(), 0, 'asked once');
  await page.getByRole('button', { name: '新建诫勉案件' }).click();
  const form = page.getByRole('form', { name: '新建诫勉案件' });
  await form.getByLabel('被诫勉人').selectOption({ label: '张三（农业站）' });
  assert.equal(await form.getByLabel('职务').inputValue(), '站长', 'the post comes from the roster');
  await form.getByLabel('事由类别').selectOption({ label: '履责乏力' });
  await form.getByLabel('事由（一句话）').fill('群众反映办事推诿<b>不改</b>');
  await form.getByLabel('查明的事实').fill('经核实，10 月以来三次推诿群众办事。');
  await form.getByLabel('谈话日期').fill('2026-11-20');
  await form.getByLabel('谈话地点').fill('镇党委会议室');
  await form.getByLabel('谈话人').fill('李书记');
  await form.getByLabel('记录人').fill('王秘书');
  await form.getByText('谈话当天不计，从次日起算第 5 天为期限').waitFor();
  await form.getByText('即2026年11月25日（周三）前提交整改措施').waitFor();
  await form.getByRole('button', { name: '立案' }).click();
  await page.getByText('已立案，整改期限 2026-11-25。').waitFor();
  // Text from the form stays text.
  assert.equal(await page.locator('.admonition b').count(), 0);

  // 首页 lists the overdue rectification.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '首页' }).click();
  await page.getByRole('heading', { name: '谈话诫勉：需要办理' }).waitFor();
  await page.getByText('整改措施已逾期 3 天').waitFor();
  await page.getByRole('link', { name: /张三/ }).click();
  await page.getByTestId('stage').getByText('已谈话，待交整改措施').waitFor();

  // The measures come a day late.
  await step(page, '登记整改措施', async (f) => {
    await f.getByLabel('提交日期').fill('2026-11-26');
    await f.getByLabel('整改措施').fill('一、每周二、四到村办公。\n二、办事限时办结。');
  });
  await page.getByTestId('stage').getByText('整改措施已提交').waitFor();
  await page.getByText('（逾期 1 天）', { exact: true }).waitFor();
  await page.getByRole('cell', { name: '提交整改措施（逾期 1 天）' }).waitFor();

  await step(page, '进入考察期', async (f) => f.getByLabel('考察期开始日期').fill('2026-11-27'));
  await page.getByText('2026-11-27 至 2027-05-27').waitFor();

  // Lifting before the period ends is refused, and so is a review dated after today.
  const review = async (on) => step(page, '考察', async (f) => {
    await f.getByLabel('考察日期').fill(on);
    await f.getByLabel('考察人').fill('组织委员');
    await f.getByLabel('考察结论').fill('整改到位，群众满意。');
    await f.getByLabel('考察合格，解除诫勉').check();
  });
  await review('2026-11-28');
  await page.getByText('考察期到 2027-05-27 才满').waitFor();
  await page.getByRole('button', { name: '取消' }).click();
  await review('2027-05-28');
  await page.getByText('日期不能晚于今天').waitFor();
  await page.getByRole('button', { name: '取消' }).click();
  await page.clock.setFixedTime(new Date(2027, 4, 28, 10, 0, 0));
  await review('2027-05-28');
  await page.getByTestId('stage').getByText('已解除').waitFor();
  await page.getByRole('cell', { name: '考察合格，解除诫勉' }).waitFor();

  // The notice: numbered in sequence, laid out as an official document.
  await page.getByLabel('文书种类').selectOption({ label: '诫勉谈话通知书' });
  await page.getByLabel('成文日期').fill('2026-11-18');
  await page.getByRole('button', { name: '编文号' }).click();
  const sheet = page.getByLabel('文书预览');
  await sheet.getByText('某镇诫〔2026〕1号').waitFor();
  await sheet.getByText('张三同志：').waitFor();
  await sheet.getByText('2026年11月18日').waitFor();
  await sheet.getByText('中共某某镇委员会').waitFor();
  assert.match(await sheet.innerText(), /按期（2026年11月25日前）提交书面整改措施/);

  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByRole('navigation', { name: '主导航' }).isVisible(), false);
  assert.equal(await page.getByRole('form', { name: /考察/ }).count(), 0);
  assert.ok(await sheet.isVisible(), 'the sheet prints');
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  assert.ok(pdf.length > 5_000, 'an A4 PDF is made');
  // The printed page keeps the standard's 版心: 28 mm from the left, inside 26 mm on the right,
  // the number 37 mm from the top; the 署名 centred over the date.
  const pdfPath = join(await mkdtemp(join(tmpdir(), 'zuofeng-print-')), 'notice.pdf');
  await writeFile(pdfPath, pdf);
  const [first] = printed(pdfPath).pages;
  const number = first.lines.find((l) => l.text.replace(/\s/g, '') === '某镇诫〔2026〕1号');
  assert.ok(number && Math.abs(number.top - 37) <= 2, `the number at the 版心's top: ${JSON.stringify(number)}`);
  const addressee = first.lines.find((l) => l.text === '张三同志：');
  assert.ok(Math.abs(addressee.left - 28) <= 1, `left margin 28 mm: ${addressee.left}`);
  assert.ok(first.lines.every((l) => l.right <= 185), 'nothing past the right margin');
  const issuer = first.lines.find((l) => l.text === '中共某某镇委员会');
  const date = first.lines.find((l) => l.text.replace(/\s/g, '') === '2026年11月18日');
  assert.ok(issuer && date, JSON.stringify(first.lines.slice(-4)));
  // One page number, at the right of this odd page, under the 版心.
  const numbers = first.lines.filter((l) => /^—\s*1\s*—$/.test(l.text));
  assert.equal(numbers.length, 1, JSON.stringify(numbers));
  assert.ok(numbers[0].right > 170 && numbers[0].top > 262, JSON.stringify(numbers[0]));
  assert.ok(Math.abs((issuer.left + issuer.right) / 2 - (date.left + date.right) / 2) <= 1.5, 'the 署名 centred over the date');
  await page.emulateMedia({ media: 'screen' });

  const word = await readOffice(page, () => page.getByRole('button', { name: '导出 Word' }).click());
  assert.equal(word.name, '诫勉谈话通知书-张三.docx');
  const text = word.paragraphs.filter((p) => p.trim());
  assert.deepEqual(text.slice(0, 3), ['某镇诫〔2026〕1号', '诫勉谈话通知书', '张三同志：']);
  assert.ok(text.some((p) => p.includes('群众反映办事推诿<b>不改</b>')), 'markup-like text stays text');
  assert.deepEqual(text.slice(-2), ['中共某某镇委员会', '2026年11月18日']);
  const title = word.runs.find((r) => r.text === '诫勉谈话通知书');
  assert.equal(title.east_asia, '方正小标宋简体');
  assert.equal(title.pt, 22);
  const body = word.runs.find((r) => r.text === '张三同志：');
  assert.equal(body.east_asia, '仿宋_GB2312');
  assert.equal(body.pt, 16);
  assert.deepEqual(word.page, { width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26 });

  // The cadre's own report: addressed to the office, signed and dated once, by the cadre.
  await page.getByLabel('文书种类').selectOption({ label: '整改措施报告' });
  await sheet.getByText('中共某某镇委员会：').waitFor();
  const report = await readOffice(page, () => page.getByRole('button', { name: '导出 Word' }).click());
  const reportText = report.paragraphs.filter((p) => p.trim());
  assert.deepEqual(reportText.slice(-2), ['报告人：张三', '2026年11月26日']);
  assert.equal(reportText.filter((p) => p.includes('2026年11月26日')).length, 1, 'dated once');
  assert.ok(!reportText.some((p) => p.includes('＿')), 'nothing left blank');

  // The circular has no 代字 yet: numbering it is refused, saying where to fill it in.
  await page.getByLabel('文书种类').selectOption({ label: '诫勉情况通报' });
  await page.getByText('这份文书还没有发文机关代字').waitFor();
  await page.getByRole('button', { name: '编文号' }).click();
  await page.getByText('诫勉情况通报还没有发文机关代字').waitFor();
  // Under the notice's 代字 it takes that 代字's next number: one sequence for both kinds.
  const caseUrl = page.url();
  await page.getByRole('link', { name: /王秘书/ }).click();
  await page.getByRole('heading', { level: 1, name: '个人信息' }).waitFor();
  await page.getByLabel('诫勉情况通报的发文机关代字').fill('某镇诫');
  await page.getByRole('button', { name: '保存单位信息' }).click();
  await page.getByText('单位信息已保存').waitFor();
  await page.goto(caseUrl);
  await page.getByLabel('文书种类').selectOption({ label: '诫勉情况通报' });
  await page.getByLabel('成文日期').fill('2026-11-30');
  await page.getByRole('button', { name: '编文号' }).click();
  await sheet.getByText('某镇诫〔2026〕2号').waitFor();
  // A date moved into the next year asks to renumber; the old number stays used.
  await page.getByLabel('成文日期').fill('2027-01-04');
  await page.getByText('文号 某镇诫〔2026〕2号 是 2026 年的，成文日期在 2027 年。').waitFor();
  await page.getByRole('button', { name: '作废原文号并重新编号' }).click();
  await sheet.getByText('某镇诫〔2027〕1号').waitFor();
  // A number given by mistake is withdrawn with a reason, and listed.
  await page.getByRole('button', { name: '作废文号' }).click();
  await page.getByRole('button', { name: '确认作废' }).click();
  await page.getByText('请填写作废原因').waitFor();
  await page.getByLabel('作废原因').fill('误编');
  await page.getByRole('button', { name: '确认作废' }).click();
  await page.getByRole('button', { name: '编文号' }).waitFor();
  await tab(page, '文号登记');
  await page.getByLabel('年份').fill('2026');
  await page.getByLabel('年份').press('Tab');
  const register = page.getByRole('table', { name: '2026 年文号登记' });
  await register.getByRole('row', { name: /某镇诫〔2026〕1号 诫勉谈话通知书 张三：群众反映办事推诿<b>不改<\/b> 2026-11-18 在用/ }).waitFor();
  await register.getByRole('row', { name: /某镇诫〔2026〕2号 诫勉情况通报 .* 作废：成文日期改为 2027 年，重新编号/ }).waitFor();
  await page.getByLabel('年份').fill('2027');
  await page.getByLabel('年份').press('Tab');
  await page.getByRole('table', { name: '2027 年文号登记' }).getByRole('row', { name: /某镇诫〔2027〕1号 .* 作废：误编/ }).waitFor();
  await context.close();
});

test('a template with a wrong field is named by line; cases leave chosen and sealed with a password', async () => {
  const context = await freshContext(app.browser);
  const page = await openApp(context, app.server.url);
  await setProfile(page, { name: '王秘书', unit: '党政办' });
  await addCadre(page, { name: '李四', unit: '城建办' });
  await openCase(page, '李四（城建办）');

  await tab(page, '文书模板');
  await page.getByRole('row', { name: /诫勉谈话通知书（内置）/ }).getByRole('button', { name: '复制为新模板' }).click();
  const editor = page.getByRole('form', { name: '编辑模板' });
  await editor.getByLabel('发文机关代字').fill('某镇诫');
  await editor.getByLabel('发文机关署名').fill('中共某镇委员会');
  const bodyField = editor.getByLabel(/^正文/);
  await bodyField.fill('{{被诫勉人}}同志：\n请到{{部门}}报到。');
  await editor.getByText('正文第 2 行的“{{部门}}”不是可用的字段').waitFor();
  await bodyField.fill('{{被诫勉人}}同志：\n请于{{谈话日期}}到{{谈话地点');
  await editor.getByText('正文第 2 行有“{{”没有配对的“}}”').waitFor();
  await bodyField.fill('{{被诫勉人}}同志：\n请于');
  await editor.getByRole('button', { name: '谈话日期' }).click();
  assert.equal(await bodyField.inputValue(), '{{被诫勉人}}同志：\n请于{{谈话日期}}');
  await editor.getByLabel('用哪个案件预览').selectOption({ label: '李四：工作拖沓' });
  await editor.getByLabel('文书预览').getByText('李四同志：').waitFor();
  await editor.getByRole('button', { name: '保存模板' }).click();
  await page.getByText('已保存模板：诫勉谈话通知书（本单位）').waitFor();

  // The editor opened on a stored template keeps what was typed when another window saves the
  // same template: it asks, and taking the other window's version shows theirs.
  const own = page.getByRole('row', { name: /诫勉谈话通知书（本单位）/ });
  await own.getByRole('button', { name: '修改' }).click();
  await editor.getByLabel('发文机关署名').fill('中共某镇纪律检查委员会');
  const second = await context.newPage();
  await second.goto(page.url());
  await second.getByRole('row', { name: /诫勉谈话通知书（本单位）/ }).getByRole('button', { name: '修改' }).click();
  await second.getByRole('form', { name: '编辑模板' }).getByLabel('发文机关代字').fill('某镇纪诫');
  await second.getByRole('button', { name: '保存模板' }).click();
  await second.getByText('已保存模板：诫勉谈话通知书（本单位）').waitFor();
  await second.close();
  await editor.getByText('另一个窗口刚保存了这一项').waitFor();
  assert.equal(await editor.getByLabel('发文机关署名').inputValue(), '中共某镇纪律检查委员会');
  await editor.getByRole('button', { name: '改用新的版本（放弃我的修改）' }).click();
  assert.equal(await editor.getByLabel('发文机关代字').inputValue(), '某镇纪诫');
  assert.equal(await editor.getByLabel('发文机关署名').inputValue(), '中共某镇委员会');
  // Saved after taking theirs: the edit follows the stored version.
  await editor.getByLabel('发文机关代字').fill('某镇诫');
  await editor.getByRole('button', { name: '保存模板' }).click();
  await page.getByText('已保存模板：诫勉谈话通知书（本单位）').waitFor();

  // A backup leaves the cases out unless asked.
  await nav(page, '数据管理');
  const backup = await download(page, () => page.getByRole('button', { name: '导出全部数据' }).click());
  await page.getByText(/不含诫勉案件/).waitFor();
  const records = JSON.parse(backup.text).records;
  assert.equal(records.admonitions, undefined, 'no cases in a default backup');
  assert.equal(records.document_templates.length, 1);

  // The case file: chosen by name, sealed with a password typed twice.
  await nav(page, '谈话诫勉');
  await tab(page, '文件交换');
  const out = page.getByRole('button', { name: /加密导出 \d+ 个案件/ });
  assert.equal(await out.isDisabled(), true, 'nothing chosen yet');
  await page.getByLabel(/^李四：工作拖沓/).check();
  await page.getByLabel('设置密码').fill('县纪委案卷2026');
  await page.getByLabel('再输一次').fill('县纪委案卷2025');
  await out.click();
  await page.getByText('两次输入的密码不一样').waitFor();
  await page.getByLabel('再输一次').fill('县纪委案卷2026');
  const caseFile = await download(page, () => out.click());
  assert.match(caseFile.name, /诫勉案卷.*加密/);
  assert.ok(!caseFile.text.includes('工作拖沓') && !caseFile.text.includes('李四'), 'nothing personal in the clear');
  assert.equal(JSON.parse(caseFile.text).record_counts.admonitions, 1);
  const templates = await download(page, () => page.getByRole('button', { name: /导出本单位模板/ }).click());

  // Another office takes both in; the preview says the file holds personal data.
  const other = await freshContext(app.browser);
  const them = await openApp(other, app.server.url);
  await setProfile(them, { name: '县纪委', unit: '县纪委' });
  await nav(them, '谈话诫勉');
  await tab(them, '文件交换');
  await chooseFiles(them, '选择诫勉案卷文件（.json）', [{ name: caseFile.name, mimeType: 'application/json', buffer: Buffer.from(caseFile.text) }]);
  // What the file is, before the password; a wrong password writes nothing.
  const unlock = them.getByRole('form', { name: '这个文件加了密码' });
  await unlock.getByText(/由 王秘书（党政办）.*共 2 条记录/).waitFor();
  await unlock.getByLabel('导出时设置的密码').fill('县纪委案卷2025');
  await unlock.getByRole('button', { name: '打开文件' }).click();
  await unlock.getByText('密码不对').waitFor();
  await unlock.getByLabel('导出时设置的密码').fill('县纪委案卷2026');
  await unlock.getByRole('button', { name: '打开文件' }).click();
  await them.getByText('这个文件含诫勉案件 1 个，属于干部个人信息').waitFor();
  await them.getByRole('button', { name: '确认导入' }).click();
  await them.getByText(/导入完成/).waitFor();
  await chooseFiles(them, '选择诫勉模板文件（.json）', [{ name: templates.name, mimeType: 'application/json', buffer: Buffer.from(templates.text) }]);
  await them.getByRole('button', { name: '确认导入' }).click();
  await them.getByText(/诫勉模板.*导入完成/).waitFor();
  await tab(them, '诫勉案件');
  await them.getByRole('link', { name: '李四' }).click();
  await them.getByLabel('模板').selectOption({ label: '诫勉谈话通知书（本单位）' });
  await them.getByRole('button', { name: '编文号' }).click();
  await them.getByLabel('文书预览').getByText(/^某镇诫〔\d{4}〕1号$/).waitFor();
  await them.getByLabel('文书预览').getByText('中共某镇委员会').waitFor();
  await other.close();
  await context.close();
});

async function goHome(page) {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '首页' }).click();
}

// Node's own crypto opens a sealed file from docs/file-format.md alone, as another tool would.
function openSealed(text, password) {
  const file = JSON.parse(text);
  const s = file.sealed;
  const key = pbkdf2Sync(Buffer.from(password, 'utf8'), Buffer.from(s.salt, 'base64'), s.iterations, 32, 'sha256');
  const data = Buffer.from(s.data, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(s.nonce, 'base64'));
  decipher.setAAD(Buffer.from(`zuofeng:${file.kind}`, 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - 16));
  const plain = Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]);
  return JSON.parse(plain.toString('utf8'));
}

test('across the year end: the notice pasted, a provisional deadline corrected, a deleted case in no file, a sealed backup restored', async () => {
  const context = await freshContext(app.browser);
  const page = await openApp(context, app.server.url);
  await page.clock.setFixedTime(new Date(2026, 11, 30, 10, 0, 0));
  await setProfile(page, { name: '王秘书', unit: '党政办' });
  await addCadre(page, { name: '赵六', unit: '司法所' });
  await addCadre(page, { name: '钱七', unit: '财政所' });

  // Working days, and the 2026 notice pasted as the office receives it.
  await nav(page, '谈话诫勉');
  await tab(page, '期限与节假日');
  await page.locator('label', { hasText: /^按/ }).locator('select').selectOption({ label: '工作日' });
  await page.getByText('新案件的整改期限：5 个工作日').waitFor();
  const notice = await readFile(new URL('../fixtures/admonition/holidays-2026.txt', import.meta.url), 'utf8');
  const year = page.getByRole('form', { name: '2026 年节假日安排' });
  await year.getByLabel(/^放假安排/).fill(notice);
  const preview = year.getByLabel('读出的日期');
  await preview.getByText('读出：放假 33 天，调休上班 6 天。').waitFor();
  await preview.getByRole('row', { name: /“放假安排”第 9 行.*10月1日至10月7日（7天）.*9月20日、10月10日/ }).waitFor();
  await year.getByLabel(/^调休上班日期/).fill('10月10日（周六）上班\n10月7日');
  await year.getByText('10月7日 在“放假安排”第 9 行是放假，在“调休上班日期”第 2 行又是上班').waitFor();
  await year.getByLabel(/^调休上班日期/).fill('');
  await year.getByRole('button', { name: '保存 2026 年安排' }).click();
  await page.getByText('已保存 2026 年节假日安排：放假 33 天，调休上班 6 天。').waitFor();

  // A talk after today is refused; one today, before 2027's holidays exist, is provisional.
  await tab(page, '诫勉案件');
  await page.getByRole('button', { name: '新建诫勉案件' }).click();
  const form = page.getByRole('form', { name: '新建诫勉案件' });
  await form.getByLabel('被诫勉人').selectOption({ label: '赵六（司法所）' });
  await form.getByLabel('事由（一句话）').fill('调解台账不全');
  await form.getByLabel('谈话地点').fill('会议室');
  await form.getByLabel('谈话日期').fill('2027-01-05');
  await form.getByRole('button', { name: '立案' }).click();
  await form.getByText('日期不能晚于今天').waitFor();
  await form.getByLabel('谈话日期').fill('2026-12-30');
  await form.getByText('第 5 个工作日为期限').waitFor();
  await form.getByText('即2027年1月6日（周三）前').waitFor();
  await form.getByText('还没有录入2027 年的节假日安排').waitFor();
  await form.getByRole('button', { name: '立案' }).click();
  await page.getByText('已立案，整改期限 2027-01-06。').waitFor();
  await page.getByRole('cell', { name: '2027-01-06（暂定）' }).waitFor();
  await openCase(page, '钱七（财政所）');

  // 2027's holidays typed in the notice's style: the deadline is counted again and says so.
  await tab(page, '期限与节假日');
  await page.getByLabel('年份', { exact: true }).fill('2027');
  await page.getByLabel('年份', { exact: true }).press('Tab');
  const next = page.getByRole('form', { name: '2027 年节假日安排' });
  await next.getByLabel(/^放假安排/).fill('2027年1月1日（周五）放假');
  await next.getByRole('button', { name: '保存 2027 年安排' }).click();
  // Both cases opened on 12-30 waited for 2027.
  await page.getByText('2 个案件的整改期限已重新核算').waitFor();
  await goHome(page);
  const recounted = page.getByRole('region', { name: '谈话诫勉：整改期限已重新核算' });
  const zhao = recounted.getByRole('listitem').filter({ hasText: '赵六' });
  assert.match(await zhao.innerText(), /赵六（调解台账不全）：节假日安排录入后，整改期限由 1月6日 改为 1月7日。/);
  await recounted.getByRole('button', { name: '知道了' }).click();
  await recounted.waitFor({ state: 'detached' });
  await page.reload();
  await page.getByText('上次备份').waitFor();
  assert.equal(await page.getByRole('region', { name: '谈话诫勉：整改期限已重新核算' }).count(), 0, 'shown once');
  await nav(page, '谈话诫勉');
  await page.getByRole('link', { name: '赵六', exact: true }).click();
  await page.getByRole('cell', { name: '节假日安排录入后，整改期限由 1月6日 改为 1月7日' }).waitFor();
  await page.getByText('2027-01-07（谈话当天不计').waitFor();

  // Days late are working days, and say so.
  await page.clock.setFixedTime(new Date(2027, 0, 12, 10, 0, 0));
  await goHome(page);
  const late = page.getByRole('listitem').filter({ hasText: '赵六' });
  assert.match(await late.innerText(), /整改措施已逾期 3 个工作日/);

  // 钱七's case is deleted: only its id is left, in the store and in the sealed backup.
  await nav(page, '谈话诫勉');
  await page.getByRole('link', { name: '钱七', exact: true }).click();
  await page.getByRole('button', { name: '删除案件……' }).click();
  await page.getByRole('button', { name: '确认删除' }).click();
  await page.getByText('找不到这个案件').waitFor();
  await nav(page, '数据管理');
  await page.getByLabel(/同时导出诫勉案件/).check();
  await page.getByLabel('设置密码').fill('备份密码2027');
  await page.getByLabel('再输一次').fill('备份密码2027');
  const backup = await download(page, () => page.getByRole('button', { name: '导出全部数据' }).click());
  await page.getByText(/含诫勉案件，已加密/).waitFor();
  assert.ok(!backup.text.includes('调解台账不全'), 'the cases are not in the clear');
  const records = openSealed(backup.text, '备份密码2027');
  assert.equal(records.admonitions.length, 2);
  const gone = records.admonitions.find((c) => c.deleted);
  assert.deepEqual([gone.matter, gone.facts, gone.talk.place, gone.history.length], ['', '', '', 0]);
  assert.equal(gone.cadre, '00000000-0000-0000-0000-000000000000');
  assert.ok(!JSON.stringify(records.admonitions).includes('工作拖沓'), 'the deleted case\'s matter is in no file');
  assert.throws(() => openSealed(backup.text, '备份密码2026'), 'a wrong password opens nothing');

  // A fresh browser restores it with the password, and counts the live case only.
  const other = await freshContext(app.browser);
  const them = await openApp(other, app.server.url);
  await setProfile(them, { name: '王秘书', unit: '党政办' });
  await nav(them, '数据管理');
  await chooseFiles(them, '选择备份文件（.json）', [{ name: backup.name, mimeType: 'application/json', buffer: Buffer.from(backup.text) }]);
  const unlock = them.getByRole('form', { name: '这个文件加了密码' });
  await unlock.getByLabel('导出时设置的密码').fill('备份密码2026');
  await unlock.getByRole('button', { name: '打开文件' }).click();
  await unlock.getByText('密码不对').waitFor();
  await unlock.getByLabel('导出时设置的密码').fill('备份密码2027');
  await unlock.getByRole('button', { name: '打开文件' }).click();
  await them.getByRole('button', { name: '确认导入' }).click();
  await them.getByText(/导入完成/).waitFor();
  await goHome(them);
  await them.getByText(/诫勉案件：1 条/).waitFor();
  await nav(them, '谈话诫勉');
  await them.getByRole('link', { name: '赵六', exact: true }).waitFor();
  assert.equal(await them.getByRole('link', { name: '钱七' }).count(), 0);

  // A year later there, a provisional deadline is corrected by a calendar that arrives as a file.
  await them.clock.setFixedTime(new Date(2027, 11, 30, 10, 0, 0));
  await tab(them, '期限与节假日');
  await them.locator('label', { hasText: /^按/ }).locator('select').selectOption({ label: '工作日' });
  await them.getByText('新案件的整改期限：5 个工作日').waitFor();
  await openCase(them, '赵六（司法所）');
  await them.getByRole('cell', { name: '2028-01-06（暂定）' }).waitFor();
  await nav(page, '谈话诫勉');
  await tab(page, '期限与节假日');
  await page.getByLabel('年份', { exact: true }).fill('2028');
  await page.getByLabel('年份', { exact: true }).press('Tab');
  const y2028 = page.getByRole('form', { name: '2028 年节假日安排' });
  await y2028.getByLabel(/^放假安排/).fill('2028年1月1日（周六）至3日（周一）放假');
  await y2028.getByRole('button', { name: '保存 2028 年安排' }).click();
  await page.getByText('已保存 2028 年节假日安排').waitFor();
  await tab(page, '文件交换');
  const calendars = await download(page, () => page.getByRole('button', { name: /导出节假日安排/ }).click());
  await tab(them, '文件交换');
  await chooseFiles(them, '选择节假日安排文件（.json）', [{ name: calendars.name, mimeType: 'application/json', buffer: Buffer.from(calendars.text) }]);
  await them.getByRole('button', { name: '确认导入' }).click();
  await them.getByText(/导入完成/).waitFor();
  await tab(them, '诫勉案件');
  await them.getByRole('cell', { name: '2028-01-07', exact: true }).waitFor();

  // One calendar a year: both type 2029, differently; the office's file is refused there, day
  // by day, and nothing changes.
  const type2029 = async (who, text) => {
    await tab(who, '期限与节假日');
    await who.getByLabel('年份', { exact: true }).fill('2029');
    await who.getByLabel('年份', { exact: true }).press('Tab');
    const form = who.getByRole('form', { name: '2029 年节假日安排' });
    await form.getByLabel(/^放假安排/).fill(text);
    await form.getByRole('button', { name: '保存 2029 年安排' }).click();
    await who.getByText('已保存 2029 年节假日安排').waitFor();
  };
  await type2029(them, '2029年1月1日（周一）放假');
  await type2029(page, '2029年1月1日（周一）至2日（周二）放假');
  await tab(page, '文件交换');
  const clash = await download(page, () => page.getByRole('button', { name: /导出节假日安排/ }).click());
  await tab(them, '文件交换');
  await chooseFiles(them, '选择节假日安排文件（.json）', [{ name: clash.name, mimeType: 'application/json', buffer: Buffer.from(clash.text) }]);
  const refused = them.getByRole('alert').filter({ hasText: `“${clash.name}”没有导入。` });
  await refused.getByText(/2029 年的节假日安排本机已有一份，与文件中的不同——文件中放假、本机没有：1月2日。/).waitFor();
  await other.close();
  await context.close();
});

test('a year being typed stays when another window saves the deadline rule', async () => {
  const context = await freshContext(app.browser);
  const page = await openApp(context, app.server.url);
  await setProfile(page, { name: '王秘书', unit: '党政办' });
  await nav(page, '谈话诫勉');
  await tab(page, '期限与节假日');
  const second = await context.newPage();
  await second.goto(page.url());
  // Typed, not yet taken (the field is still in focus): another window changes the rule and
  // this one redraws with it.
  await page.getByLabel('年份', { exact: true }).fill('2029');
  await second.getByLabel('谈话后几天内提交整改措施').fill('7');
  await second.getByLabel('谈话后几天内提交整改措施').press('Tab');
  await second.getByText(/新案件的整改期限：7 个/).waitFor();
  await page.waitForFunction(() => [...document.querySelectorAll('label')]
    .find((l) => l.textContent.startsWith('谈话后几天内提交整改措施'))?.querySelector('input')?.value === '7');
  assert.equal(await page.getByLabel('年份', { exact: true }).inputValue(), '2029', 'the redraw keeps the typed year');
  await page.getByLabel('年份', { exact: true }).press('Tab');
  await page.getByRole('form', { name: '2029 年节假日安排' }).waitFor();
  await second.close();
  await context.close();
});
