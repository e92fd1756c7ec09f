// 机读评议票 as the office uses them: a round's ballots printed from the app, marked by hand
// (ticks, crosses, filled boxes), one sheet turned a little on the glass, one upside down, one
// with two marks for a person; scanned to a PDF of JPEG pages as office scanners write it, with
// one page also sent again as a PNG; read in one pass, the doubtful row decided by the clerk,
// and counted to the tally of the marks made — the page fed twice counted once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { servedApp, serve, launch, freshContext, openApp, setProfile, nav, chooseFiles, addCadre, axeViolations } from './harness.mjs';

const dir = mkdtempSync(join(tmpdir(), 'zuofeng-paper-'));
const app = servedApp(() => rmSync(dir, { recursive: true, force: true }));

const PEOPLE = ['赵一', '钱二', '孙三'];
const GRADES = ['优秀', '称职', '基本称职', '不称职', '不了解'];
// Sheet by sheet, each person's grade (an index into GRADES, null for a blank row) and pen.
const SHEETS = [
  [[0, 'tick'], [1, 'cross'], [0, 'fill']],
  [[1, 'tick'], [1, 'tick'], [2, 'cross']],
  [[0, 'fill'], [null], [4, 'tick']],
  [[3, 'cross'], [0, 'tick'], [1, 'fill']],
  [[0, 'tick'], [2, 'fill'], [0, 'cross']],
  [[1, 'cross'], [[0, 1], 'tick'], [0, 'tick']],
];
// What the clerk decides for sheet 6's second row after looking at it.
const DECIDED = 1;

/** Marks the printed sheets as raters do, then turns some on the glass (sheet index → SVG turn). */
async function markSheets(page, sheets, turns) {
  await page.evaluate(({ sheets, turns }) => {
    const ns = 'http://www.w3.org/2000/svg';
    const add = (svg, name, attrs) => {
      const el = document.createElementNS(ns, name);
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
      svg.appendChild(el);
    };
    document.querySelectorAll('svg.omr-sheet').forEach((svg, s) => {
      const boxes = [...svg.querySelectorAll('rect[fill="none"]')].map((r) => ['x', 'y', 'width', 'height'].map((k) => Number(r.getAttribute(k))));
      sheets[s].forEach(([grade, pen], row) => {
        for (const g of grade === null ? [] : [grade].flat()) {
          const [x, y, w, h] = boxes[row * 5 + g];
          const line = (x1, y1, x2, y2) => add(svg, 'line', { x1, y1, x2, y2, stroke: '#123', 'stroke-width': 0.5, 'stroke-linecap': 'round' });
          if (pen === 'fill') add(svg, 'rect', { x: x + 0.5, y: y + 0.5, width: w - 1, height: h - 1, fill: '#222' });
          if (pen === 'tick') { line(x + 0.15 * w, y + 0.55 * h, x + 0.4 * w, y + 0.85 * h); line(x + 0.4 * w, y + 0.85 * h, x + 0.9 * w, y + 0.1 * h); }
          if (pen === 'cross') { line(x + 0.1 * w, y + 0.1 * h, x + 0.9 * w, y + 0.9 * h); line(x + 0.9 * w, y + 0.1 * h, x + 0.1 * w, y + 0.9 * h); }
          // A ring round the box instead of a mark in it.
          if (pen === 'ring') add(svg, 'circle', { cx: x + w / 2, cy: y + h / 2, r: Math.hypot(w, h) / 2 + 0.6, fill: 'none', stroke: '#123', 'stroke-width': 0.5 });
        }
      });
      const turn = turns[s];
      if (turn) {
        const g = document.createElementNS(ns, 'g');
        g.setAttribute('transform', turn);
        while (svg.firstChild) g.appendChild(svg.firstChild);
        svg.appendChild(g);
      }
    });
  }, { sheets, turns });
}

/** The printed pages as a scanner writes them: grey JPEG pages at `dpi` and `quality` in one PDF. */
async function scannerPdf(context, printed, name, dpi, quality) {
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-jpeg', '-jpegopt', `quality=${quality}`, printed, join(dir, name)]);
  const jpegs = readdirSync(dir).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.jpg')).sort();
  const scanner = await context.newPage();
  await scanner.setContent(`<style>@page{size:A4;margin:0}body{margin:0}img{width:210mm;height:297mm;display:block;break-after:page}</style>${jpegs
    .map((f) => `<img src="data:image/jpeg;base64,${readFileSync(join(dir, f)).toString('base64')}">`).join('')}`);
  const scanned = join(dir, `${name}-扫描.pdf`);
  await scanner.pdf({ path: scanned, preferCSSPageSize: true });
  await scanner.close();
  return scanned;
}

test('机读评议票：打印、手工打勾、扫描成 PDF，一次读完，存疑的一格由人确认后计票', async () => {
  const context = await freshContext(app.browser);
  const page = await openApp(context, app.server.url);
  await setProfile(page, { name: '王秘书', unit: '党政办' });
  for (const [name, unit] of [['赵一', '农业站'], ['钱二', '财政所'], ['孙三', '城建办']]) {
    await addCadre(page, { name, unit, post: '站长' });
  }
  await nav(page, '述职评议');
  await page.getByRole('button', { name: '新建评议' }).click();
  const setup = page.getByRole('form', { name: '评议设置' });
  for (const who of ['赵一（农业站）', '钱二（财政所）', '孙三（城建办）']) await setup.getByLabel(who).check();
  await setup.getByLabel('村干部发票数').fill(String(SHEETS.length));
  await setup.getByRole('button', { name: '保存评议' }).click();
  const saved = await page.getByText(/^已保存评议：/).innerText();
  await page.getByRole('link', { name: saved.replace('已保存评议：', ''), exact: true }).click();

  // Printed from the app: one numbered sheet per ballot issued.
  await page.getByRole('button', { name: '打印机读评议票' }).click();
  await page.getByLabel('评议组').selectOption({ label: '村干部' });
  await page.getByRole('img', { name: `机读评议票 第 ${SHEETS.length} 张` }).waitFor();
  assert.equal(await page.locator('svg.omr-sheet').count(), SHEETS.length);
  assert.deepEqual(await axeViolations(page), [], 'the printable sheets');
  await markSheets(page, SHEETS, { 2: 'rotate(180 105 148.5)', 3: 'rotate(1.5 105 148.5)' });
  const printed = join(dir, 'printed.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: printed, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });

  // The scanner: 150 dpi grey JPEG pages in one PDF (stored as JPEG, as scanners do), and page 2
  // once more as a PNG.
  const scanned = await scannerPdf(context, printed, 'scan', 150, 75);
  execFileSync('pdftoppm', ['-r', '150', '-gray', '-png', '-f', '2', '-l', '2', printed, join(dir, 'again')]);
  const again = join(dir, readdirSync(dir).find((f) => f.startsWith('again')));

  await page.getByRole('button', { name: '扫描计票' }).click();
  await page.getByLabel('评议组').selectOption({ label: '村干部' });
  // A PDF printed from a document, not scanned, is named and nothing else happens.
  await chooseFiles(page, '选择扫描的票（图片或 PDF，可多选）', [printed]);
  await page.getByText(/printed\.pdf：这个 PDF 里没有扫描的图片/).waitFor();

  await chooseFiles(page, '选择扫描的票（图片或 PDF，可多选）', [scanned, again]);
  await page.getByText(`读了 ${SHEETS.length + 1} 张：可以计入 ${SHEETS.length} 张，待确认 1 张，不能计入 0 张。`).waitFor({ timeout: 60_000 });
  // The doubtful row, shown over its scan, decided by the clerk.
  const doubt = page.getByRole('group', { name: /第 2 行 钱二：打了不止一个格/ });
  await page.getByRole('img', { name: `第 ${SHEETS.length} 号票的扫描图` }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the review of a scan');
  // One key, as at the typing desk: 2 is 称职.
  await doubt.getByRole('radio').first().focus();
  await page.keyboard.press(String(DECIDED + 1));
  assert.equal(await doubt.getByLabel(GRADES[DECIDED], { exact: true }).isChecked(), true, 'the key chose the grade');
  await page.getByRole('button', { name: `计入 ${SHEETS.length + 1} 张` }).click();
  await page.getByText(`已计入 ${SHEETS.length} 张。第 2 号票已经计过（或扫了两次），只计一次。`).waitFor();

  // The tally is the marks made, counted once each.
  const tally = PEOPLE.map(() => [0, 0, 0, 0, 0]);
  SHEETS.forEach((sheet) => sheet.forEach(([grade], person) => {
    const g = Array.isArray(grade) ? DECIDED : grade ?? 4;
    tally[person][g] += 1;
  }));
  await page.getByRole('button', { name: '纸质票计票' }).click();
  await page.getByRole('heading', { name: `本组已计 ${SHEETS.length} 张，发出 ${SHEETS.length} 张` }).waitFor();
  const totals = page.getByRole('table', { name: '本组计票合计' });
  for (const [i, person] of PEOPLE.entries()) {
    assert.deepEqual(await totals.getByRole('row', { name: new RegExp(person) }).getByRole('cell').allInnerTexts(), tally[i].map(String), person);
  }
  await context.close();
});

// Thirty ballots of five people, as a village cadres' meeting returns them (some grades ringed
// rather than ticked): typed at the desk into one group, and the very same papers printed,
// marked, scanned and read into another.
const FIVE = ['赵一', '钱二', '孙三', '李四', '周五'];
const THIRTY = Array.from({ length: 30 }, (_, b) => FIVE.map((_, p) => {
  const grade = [0, 0, 1, 0, 1, 2, 0, 1, 3, 4][(b * 7 + p * 3) % 10];
  return [grade, ['tick', 'cross', 'fill', 'tick', 'cross', 'fill', 'ring'][(b + p) % 7]];
}));

test('同样 30 张评议票，键盘录入与扫描读票得到相同的计票结果', async () => {
  const context = await freshContext(app.browser);
  const page = await openApp(context, app.server.url);
  await setProfile(page, { name: '王秘书', unit: '党政办' });
  const units = ['农业站', '财政所', '城建办', '综治办', '计生办'];
  for (const [i, name] of FIVE.entries()) await addCadre(page, { name, unit: units[i], post: '站长' });
  await nav(page, '述职评议');
  await page.getByRole('button', { name: '新建评议' }).click();
  const setup = page.getByRole('form', { name: '评议设置' });
  for (const [i, name] of FIVE.entries()) await setup.getByLabel(`${name}（${units[i]}）`).check();
  await setup.getByLabel('村干部发票数').fill('30');
  await setup.getByLabel('人大代表发票数').fill('30');
  await setup.getByRole('button', { name: '保存评议' }).click();
  const saved = await page.getByText(/^已保存评议：/).innerText();
  await page.getByRole('link', { name: saved.replace('已保存评议：', ''), exact: true }).click();

  // Typed: each paper five keys (1 优秀 … 5 不了解) and Enter, into 村干部.
  await page.getByRole('button', { name: '纸质票计票' }).click();
  await page.getByLabel('评议组').selectOption({ label: '村干部' });
  await page.getByLabel(/号票，请输入/).focus();
  for (const ballot of THIRTY) await page.keyboard.type(`${ballot.map(([g]) => g + 1).join('')}\n`, { delay: 20 });
  await page.getByRole('heading', { name: '本组已计 30 张，发出 30 张' }).waitFor();
  const totalsOf = async () => {
    const table = page.getByRole('table', { name: '本组计票合计' });
    return Promise.all(FIVE.map((name) => table.getByRole('row', { name: new RegExp(name) }).getByRole('cell').allInnerTexts()));
  };
  const typed = await totalsOf();

  // Scanned: the same papers printed for 人大代表, marked, two turned on the glass, one upside down.
  await page.getByRole('button', { name: '打印机读评议票' }).click();
  await page.getByLabel('评议组').selectOption({ label: '人大代表' });
  await page.getByRole('img', { name: '机读评议票 第 30 张' }).waitFor();
  await markSheets(page, THIRTY, { 7: 'rotate(180 105 148.5)', 12: 'rotate(2.5 105 148.5)', 20: 'rotate(-1.8 105 148.5)' });
  const printed = join(dir, 'thirty.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: printed, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  const scanned = await scannerPdf(context, printed, 'thirty', 200, 65);
  await page.getByRole('button', { name: '扫描计票' }).click();
  await page.getByLabel('评议组').selectOption({ label: '人大代表' });
  await chooseFiles(page, '选择扫描的票（图片或 PDF，可多选）', [scanned]);
  await page.getByText('读了 30 张：可以计入 30 张，待确认 0 张，不能计入 0 张。').waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: '计入 30 张' }).click();
  await page.getByText('已计入 30 张。').waitFor();
  await page.getByRole('button', { name: '纸质票计票' }).click();
  await page.getByLabel('评议组').selectOption({ label: '人大代表' });
  await page.getByRole('heading', { name: '本组已计 30 张，发出 30 张' }).waitFor();
  const read = await totalsOf();

  const tally = FIVE.map((_, p) => [0, 1, 2, 3, 4].map((g) => String(THIRTY.filter((b) => b[p][0] === g).length)));
  assert.deepEqual(typed, tally, 'typed at the desk');
  assert.deepEqual(read, typed, 'scanned and read: the same totals as typed');
  await context.close();
});
