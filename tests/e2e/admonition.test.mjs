// 谈话诫勉 as the office uses it: open a case at the talk and see the deadline; the cadre hands
// in the rectification a day late and it is flagged; the observation runs, lifting before its
// end is refused, the review lifts it; the notice gets its number, prints on A4 and opens in
// Word with the official layout. A template with a wrong field is refused by line. Case files go
// out only on an explicit choice, and a backup says whether it holds cases.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, freshContext, openApp, setProfile, nav, download, chooseFiles, addCadre, readOffice, openCase, printed } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

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
  const context = await freshContext(browser);
  const page = await openApp(context, server.url);
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
  await form.getByText('即 2026-11-25 前提交整改措施').waitFor();
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

  // The circular takes the next number of its own kind; without its 代字 it says so.
  await page.getByLabel('文书种类').selectOption({ label: '诫勉情况通报' });
  await page.getByRole('button', { name: '编文号' }).click();
  await sheet.getByText('〔2026〕1号').waitFor();
  await page.getByText('这份文书还没有发文机关代字').waitFor();
  await context.close();
});

test('a template with a wrong field is named by line; cases leave only on an explicit choice', async () => {
  const context = await freshContext(browser);
  const page = await openApp(context, server.url);
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

  // A backup leaves the cases out unless asked.
  await nav(page, '数据管理');
  const backup = await download(page, () => page.getByRole('button', { name: '导出全部数据' }).click());
  await page.getByText(/不含诫勉案件/).waitFor();
  const records = JSON.parse(backup.text).records;
  assert.equal(records.admonitions, undefined, 'no cases in a default backup');
  assert.equal(records.document_templates.length, 1);

  // The case file needs the explicit choice.
  await nav(page, '谈话诫勉');
  await tab(page, '文件交换');
  const out = page.getByRole('button', { name: '导出 1 个案件' });
  assert.equal(await out.isDisabled(), true);
  await page.getByLabel(/我已了解/).check();
  const caseFile = await download(page, () => out.click());
  assert.match(caseFile.name, /诫勉案卷/);
  const templates = await download(page, () => page.getByRole('button', { name: /导出本单位模板/ }).click());

  // Another office takes both in; the preview says the file holds personal data.
  const other = await freshContext(browser);
  const them = await openApp(other, server.url);
  await setProfile(them, { name: '县纪委', unit: '县纪委' });
  await nav(them, '谈话诫勉');
  await tab(them, '文件交换');
  await chooseFiles(them, '选择诫勉案卷文件（.json）', [{ name: caseFile.name, mimeType: 'application/json', buffer: Buffer.from(caseFile.text) }]);
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
