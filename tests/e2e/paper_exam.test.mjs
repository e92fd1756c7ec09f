// A paper exam as an office sits it: a 20-question exam (单选, 多选, 判断) for ten cadres, the
// paper printed without answers and an answer card per person; each cadre marks their 答题码
// and answers by hand (ticks, crosses, fills); one marks two boxes on a 单选, one leaves a
// digit of the code blank, one mismarks a digit so the code names nobody; the cards are scanned
// to a PDF of JPEG pages, one sent again as a PNG. Read in one pass, the doubts decided by the
// clerk, the sheets taken: every score is what the marks earn, the card fed twice counted once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servedApp, serve, launch, freshContext, openApp, setProfile, nav, chooseFiles, addCadre, eventually, axeViolations } from './harness.mjs';

const dir = mkdtempSync(join(tmpdir(), 'zuofeng-exam-'));
const app = servedApp(() => rmSync(dir, { recursive: true, force: true }));

const TITLE = '2026年下半年纸质测验';
// Ten 单选 (A–D), five 多选 (A–D), five 判断; each worth 5 points.
const QUESTIONS = [
  ...Array.from({ length: 10 }, (_, i) => ({ kind: '单选', stem: `单选第${i + 1}问`, right: [i % 4] })),
  ...Array.from({ length: 5 }, (_, i) => ({ kind: '多选', stem: `多选第${i + 1}问`, right: [0, 2 + (i % 2)] })),
  ...Array.from({ length: 5 }, (_, i) => ({ kind: '判断', stem: `判断第${i + 1}问`, right: [i % 2] })),
];
const LETTERS = 'ABCD';
const BANK = ['题型,题干,选项A,选项B,选项C,选项D,答案,解析,难度,分类', ...QUESTIONS.map((q) => q.kind === '判断'
  ? `判断,${q.stem},,,,,${q.right[0] === 0 ? '对' : '错'},,简单,测验`
  : `${q.kind},${q.stem},甲,乙,丙,丁,${q.right.map((o) => LETTERS[o]).join('')},,简单,测验`)].join('\n');
const PEOPLE = ['赵一', '钱二', '孙三', '李四', '周五', '吴六', '郑七', '王八', '冯九', '陈十'];
// Cadre i answers question q wrong when (q + i) % 4 === 0; card 3 marks two boxes on its first
// wrong 单选 (decided as the right answer), card 6 leaves the code's 2nd digit blank, card 8
// mismarks the code's last digit.
const wrong = (i, q) => (q + i) % 4 === 0;

/** What person `i` marks for question `q` (option indices). */
function marked(i, q) {
  const { kind, right } = QUESTIONS[q];
  if (!wrong(i, q)) return right;
  if (kind === '判断') return [1 - right[0]];
  return [(right[0] + 1) % 4];
}

test('纸质考试：打印试卷和答题卡，手工作答，扫描成 PDF 一次阅完，存疑的由人确认，成绩与作答一致', async () => {
  const context = await freshContext(app.browser);
  const page = await openApp(context, app.server.url);
  await setProfile(page, { name: '王秘书', unit: '党政办' });
  for (const name of PEOPLE) await addCadre(page, { name, unit: '综合办' });
  await nav(page, '学习测验');
  await chooseFiles(page, '选择试题文件（.xlsx / .csv / .txt / .gift）', { name: '题库.csv', mimeType: 'text/csv', buffer: Buffer.from(BANK) });
  await page.locator('[aria-label="试题导入预览"]').getByRole('button', { name: '确认导入' }).click();
  await page.getByText('试题导入完成：新增 20 道。').waitFor();
  const tab = (label) => page.getByRole('navigation', { name: '学习测验' }).getByRole('link', { name: label, exact: true }).click();
  await tab('组卷与发放');
  await page.getByRole('button', { name: '新建测验' }).click();
  const builder = page.getByRole('form', { name: '组卷' });
  await builder.getByLabel('测验名称').fill(TITLE);
  await builder.getByLabel('每题分值').fill('5');
  for (const box of await builder.locator('.pick-list input[type=checkbox]').all()) await box.check();
  await builder.getByRole('button', { name: '生成测验' }).click();
  await page.getByText(`已生成测验“${TITLE}”：20 道题，总分 100。`).waitFor();

  // The paper as printed for the room: the questions in order, without answers.
  await page.getByRole('button', { name: `预览 ${TITLE}` }).click();
  const preview = page.getByRole('article', { name: `试卷预览 ${TITLE}` });
  await preview.getByLabel(/显示答案和解析/).uncheck();
  assert.doesNotMatch(await preview.innerText(), /答案：/);
  const order = (await preview.locator('ol.paper > li').allInnerTexts()).map((t) => QUESTIONS.findIndex((q) => t.includes(q.stem)));
  assert.equal(order.length, 20);
  assert.ok(order.every((q) => q >= 0));
  await preview.getByRole('button', { name: '关闭预览' }).click();

  // Each person's 答题码, as the office hands them out.
  await page.getByRole('button', { name: `答题码 ${TITLE}` }).click();
  const slips = page.getByRole('article', { name: `答题码 ${TITLE}` });
  const codes = {};
  for (const name of PEOPLE) codes[name] = await slips.locator('li.slip', { hasText: name }).locator('.code').innerText();
  await slips.getByRole('button', { name: '关闭' }).click();

  // Ten cards, numbered.
  await page.getByRole('button', { name: `打印答题卡 ${TITLE}` }).click();
  await page.getByRole('img', { name: '答题卡 第 10 张' }).waitFor();
  assert.equal(await page.locator('svg.omr-sheet').count(), 10);
  assert.deepEqual(await axeViolations(page), [], 'the printable cards');

  // The card's rows: its sections list 单选, then 多选, then 判断, each by paper number.
  const kindOrder = ['单选', '多选', '判断'];
  const rows = order.map((q, position) => ({ q, position })).sort((a, b) =>
    kindOrder.indexOf(QUESTIONS[a.q].kind) - kindOrder.indexOf(QUESTIONS[b.q].kind) || a.position - b.position);
  const cards = PEOPLE.map((name, i) => {
    const code = [...codes[name]].map(Number);
    const digits = code.map((d, c) => (i === 5 && c === 1 ? null : i === 7 && c === 5 ? (d + 1) % 10 : d));
    const answers = rows.map(({ q }) => marked(i, q));
    // Card 3's first wrong 单选 row gets a second mark.
    if (i === 2) {
      const r = rows.findIndex(({ q }) => QUESTIONS[q].kind === '单选' && wrong(i, q));
      answers[r] = [...answers[r], QUESTIONS[rows[r].q].right[0]];
    }
    return { digits, answers };
  });
  await page.evaluate(({ cards }) => {
    const ns = 'http://www.w3.org/2000/svg';
    const pens = ['tick', 'cross', 'fill'];
    const add = (svg, name, attrs) => {
      const el = document.createElementNS(ns, name);
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
      svg.appendChild(el);
    };
    document.querySelectorAll('svg.omr-sheet').forEach((svg, s) => {
      const boxes = [...svg.querySelectorAll('rect[fill="none"][stroke-width="0.3"]')].map((r) => ['x', 'y', 'width', 'height'].map((k) => Number(r.getAttribute(k))));
      const mark = (b, pen) => {
        const [x, y, w, h] = boxes[b];
        const line = (x1, y1, x2, y2) => add(svg, 'line', { x1, y1, x2, y2, stroke: '#123', 'stroke-width': 0.5, 'stroke-linecap': 'round' });
        if (pen === 'fill') add(svg, 'rect', { x: x + 0.5, y: y + 0.5, width: w - 1, height: h - 1, fill: '#222' });
        if (pen === 'tick') { line(x + 0.15 * w, y + 0.55 * h, x + 0.4 * w, y + 0.85 * h); line(x + 0.4 * w, y + 0.85 * h, x + 0.9 * w, y + 0.1 * h); }
        if (pen === 'cross') { line(x + 0.1 * w, y + 0.1 * h, x + 0.9 * w, y + 0.9 * h); line(x + 0.9 * w, y + 0.1 * h, x + 0.1 * w, y + 0.9 * h); }
      };
      const { digits, answers } = cards[s];
      digits.forEach((d, c) => d !== null && mark(c * 10 + d, pens[s % 3]));
      let first = 60;
      answers.forEach((options, r) => {
        options.forEach((o) => mark(first + o, pens[(s + r) % 3]));
        first += r < 15 ? 4 : 2;
      });
      if (s === 4) {
        const g = document.createElementNS(ns, 'g');
        g.setAttribute('transform', 'rotate(-1.2 105 148.5)');
        while (svg.firstChild) g.appendChild(svg.firstChild);
        svg.appendChild(g);
      }
    });
  }, { cards });
  const printed = join(dir, 'cards.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: printed, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: '关闭' }).click();

  execFileSync('pdftoppm', ['-r', '150', '-gray', '-jpeg', '-jpegopt', 'quality=70', printed, join(dir, 'scan')]);
  execFileSync('pdftoppm', ['-r', '200', '-gray', '-png', '-f', '2', '-l', '2', printed, join(dir, 'again')]);
  const jpegs = readdirSync(dir).filter((f) => f.startsWith('scan')).sort();
  assert.equal(jpegs.length, 10, 'one printed page per card');
  const scanner = await context.newPage();
  await scanner.setContent(`<style>@page{size:A4;margin:0}body{margin:0}img{width:210mm;height:297mm;display:block;break-after:page}</style>${jpegs
    .map((f) => `<img src="data:image/jpeg;base64,${readFileSync(join(dir, f)).toString('base64')}">`).join('')}`);
  const scanned = join(dir, '答题卡扫描.pdf');
  await scanner.pdf({ path: scanned, preferCSSPageSize: true });
  await scanner.close();
  const again = join(dir, readdirSync(dir).find((f) => f.startsWith('again')));

  await page.getByRole('button', { name: `扫描答题卡 ${TITLE}` }).click();
  await chooseFiles(page, '选择扫描的答题卡（图片或 PDF，可多选）', [scanned, again]);
  await page.getByText('读了 11 张：可以计入 8 张，待确认 3 张，不能计入 0 张。').waitFor({ timeout: 60_000 });
  assert.deepEqual(await axeViolations(page), [], 'the review of the cards');
  // Card 3: two marks on a 单选, decided as the right answer.
  const doubled = rows.findIndex(({ q }) => QUESTIONS[q].kind === '单选' && wrong(2, q));
  const doubt = page.getByRole('group', { name: new RegExp(`^第 ${rows[doubled].position + 1} 题（单选）：打了不止一个格`) });
  await doubt.getByLabel(LETTERS[QUESTIONS[rows[doubled].q].right[0]], { exact: true }).check();
  // Card 6: the blank digit, read from what the cadre wrote above it, typed with one key.
  const digit = page.getByRole('group', { name: /^答题码第 2 位：没有打记号/ });
  await digit.getByRole('radio').first().focus();
  await page.keyboard.press(codes[PEOPLE[5]][1]);
  assert.equal(await digit.getByLabel(codes[PEOPLE[5]][1], { exact: true }).isChecked(), true, 'the key chose the digit');
  // Card 8: the code names nobody; the clerk reads the name on the card.
  await page.getByText(/答题码涂作 \d{6}，校验位对不上/).waitFor();
  await page.getByRole('img', { name: '第 8 张答题卡的扫描图' }).waitFor();
  await page.getByLabel('答题人').selectOption({ label: `${PEOPLE[7]}（综合办）` });
  await page.getByText('读了 11 张：可以计入 11 张，待确认 0 张，不能计入 0 张。').waitFor();
  await page.getByRole('button', { name: '计入 11 份答卷' }).click();
  await page.getByText(/^已计入 10 份答卷，可在“成绩”中查看。第 2 张卡没有计入：已经阅过（或扫了两次），只计一次。王八：答卷没有答题码核对信息/).waitFor();

  // Every score is what the marks earn (the doubled row as decided).
  await tab('阅卷与分析');
  await page.getByRole('combobox', { name: '测验' }).selectOption({ label: TITLE });
  const table = page.getByRole('table', { name: '成绩表' });
  const got = await eventually(() => table.locator('tbody tr').allInnerTexts(), (r) => r.length === 10);
  for (const [i, name] of PEOPLE.entries()) {
    const right = order.filter((q) => !wrong(i, q) || (i === 2 && q === rows[doubled].q)).length;
    const row = got.find((r) => r.startsWith(`${name}\t`));
    assert.ok(row, name);
    assert.equal(row.split('\t')[2], String(right * 5), `${name}'s score`);
  }
  await page.getByText('名册中未交卷：0 人').waitFor();
  await context.close();
});
