// 机读评议票 as the office uses them: a round's ballots printed from the app, marked by hand
// (ticks, crosses, filled boxes), one sheet turned a little on the glass, one upside down, one
// with two marks for a person; scanned to a PDF of JPEG pages as office scanners write it, with
// one page also sent again as a PNG; read in one pass, the doubtful row decided by the clerk,
// and counted to the tally of the marks made — the page fed twice counted once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, freshContext, openApp, setProfile, nav, chooseFiles, addCadre, axeViolations } from './harness.mjs';

let server;
let browser;
const dir = mkdtempSync(join(tmpdir(), 'zuofeng-paper-'));
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

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

/** Marks the printed sheets as raters do, then turns sheet 4 a little and sheet 3 upside down. */
async function markSheets(page) {
  await page.evaluate(({ sheets }) => {
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
        }
      });
      const turn = { 2: 'rotate(180 105 148.5)', 3: 'rotate(1.5 105 148.5)' }[s];
      if (turn) {
        const g = document.createElementNS(ns, 'g');
        g.setAttribute('transform', turn);
        while (svg.firstChild) g.appendChild(svg.firstChild);
        svg.appendChild(g);
      }
    });
  }, { sheets: SHEETS });
}

test('机读评议票：打印、手工打勾、扫描成 PDF，一次读完，存疑的一格由人确认后计票', async () => {
  const context = await freshContext(browser);
  const page = await openApp(context, server.url);
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
  await markSheets(page);
  const printed = join(dir, 'printed.pdf');
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: printed, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });

  // The scanner: 150 dpi grey JPEG pages in one PDF (stored as JPEG, as scanners do), and page 2
  // once more as a PNG.
  execFileSync('pdftoppm', ['-r', '150', '-gray', '-jpeg', '-jpegopt', 'quality=75', printed, join(dir, 'scan')]);
  execFileSync('pdftoppm', ['-r', '150', '-gray', '-png', '-f', '2', '-l', '2', printed, join(dir, 'again')]);
  const jpegs = readdirSync(dir).filter((f) => f.startsWith('scan')).sort();
  assert.equal(jpegs.length, SHEETS.length, 'one printed page per sheet');
  const scanner = await context.newPage();
  await scanner.setContent(`<style>@page{size:A4;margin:0}body{margin:0}img{width:210mm;height:297mm;display:block;break-after:page}</style>${jpegs
    .map((f) => `<img src="data:image/jpeg;base64,${readFileSync(join(dir, f)).toString('base64')}">`).join('')}`);
  const scanned = join(dir, '扫描.pdf');
  await scanner.pdf({ path: scanned, preferCSSPageSize: true });
  await scanner.close();
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
  await doubt.getByLabel(GRADES[DECIDED], { exact: true }).check();
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
