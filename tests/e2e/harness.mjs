// Shared set-up for the end-to-end tests and the benchmark: a static server for dist/ on a free
// loopback port, and Debian's Chromium driven by playwright-core.
import { createServer } from 'node:http';
import { readFile, stat, mkdtemp } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';
import { before, after } from 'node:test';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export const DIST = resolve(process.env.ZUOFENG_DIST ?? new URL('../../dist', import.meta.url).pathname);

/** Serves `root` on 127.0.0.1 at a free port, under `prefix` (a sub-path like "/apps/zuofeng/"). */
export async function serve(root = DIST, prefix = '/') {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      if (!url.pathname.startsWith(prefix)) {
        res.writeHead(404).end();
        return;
      }
      let path = normalize(decodeURIComponent(url.pathname.slice(prefix.length)));
      if (path.startsWith('..')) throw new Error('outside root');
      let file = join(root, path);
      if (path === '.' || path === '' || (await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    // Kept-alive connections are cut too, so that "stopped" really means nothing answers.
    close: () => new Promise((ok) => {
      server.close(ok);
      server.closeAllConnections();
    }),
  };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

/**
 * The release build served and a browser launched for a test file, both closed after it (and
 * `cleanup` run then): `app.server.url`, `app.browser`.
 */
export function servedApp(cleanup = () => {}) {
  const app = {};
  before(async () => {
    app.server = await serve();
    app.browser = await launch();
  });
  after(async () => {
    await app.browser?.close();
    await app.server?.close();
    cleanup();
  });
  return app;
}

/** A fresh browser profile: its own IndexedDB, as on another person's computer. */
export async function freshContext(browser) {
  const context = await browser.newContext({ acceptDownloads: true, locale: 'zh-CN' });
  return context;
}

/** Opens the app and waits until the wasm has rendered. */
export async function openApp(context, url) {
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  page.problems = problems;
  await page.goto(url);
  await page.waitForSelector('main');
  return page;
}

/** First use: the person says who they are. */
export async function setProfile(page, { name, unit, post = '', cadre = false }) {
  await page.getByRole('heading', { name: '欢迎使用作风建设工作台' }).waitFor();
  await page.getByLabel('姓名').fill(name);
  await page.getByLabel('单位').fill(unit);
  await page.getByLabel('职务').fill(post);
  // Nothing is chosen for the person: the office says so as much as a cadre does.
  await page.getByLabel(cadre ? '干部（答题、填表、上报）' : '党政办（组织评议测验、收集文件）').check();
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
}

export async function nav(page, title) {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** Clicks `button` and returns the downloaded file's name and text. */
export async function download(page, trigger) {
  const [dl] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), text: await readFile(path, 'utf8') };
}

/** Chooses files in the file input with this label. */
export async function chooseFiles(page, label, files) {
  await page.getByLabel(label).setInputFiles(files);
}

/** Adds a person to the roster through its form. */
export async function addCadre(page, { name, unit, post = '', phone = '' }) {
  await nav(page, '干部名册');
  await page.getByRole('button', { name: '添加干部' }).click();
  const form = page.getByRole('form', { name: '添加干部' });
  await form.getByLabel('姓名').fill(name);
  await form.getByLabel('单位').fill(unit);
  await form.getByLabel('职务').fill(post);
  await form.getByLabel('电话').fill(phone);
  await form.getByRole('button', { name: '保存' }).click();
  await page.getByText(`已保存：${name}（${unit}）`).waitFor();
}

/**
 * Retries `read` until `check` accepts its result (screens reload their data a moment after a
 * write), failing with the last value after `timeout` ms.
 */
export async function eventually(read, check, timeout = 10_000) {
  const start = Date.now();
  let value;
  for (;;) {
    value = await read();
    if (check(value)) return value;
    if (Date.now() - start > timeout) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Clicks `trigger`, saves the .docx or .xlsx it downloads, and reads it with python-docx or
 * openpyxl (`docx_check.py` / `xlsx_check.py`) as Word or Excel would.
 */
export async function readOffice(page, trigger) {
  const [dl] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const dir = await mkdtemp(join(tmpdir(), 'zuofeng-office-'));
  const path = join(dir, dl.suggestedFilename());
  await dl.saveAs(path);
  const script = new URL(path.endsWith('.docx') ? './docx_check.py' : './xlsx_check.py', import.meta.url).pathname;
  const file = { name: dl.suggestedFilename(), path, ...JSON.parse(execFileSync(PYTHON, [script, path], { encoding: 'utf8' })) };
  // Every office file the app offers is also printed as a clerk prints it, and checked.
  file.printed = printed(path);
  checkPrinted(file);
  return file;
}

const PYTHON = process.env.ZUOFENG_PYTHON ?? 'python3';

/** What LibreOffice prints of `path` (a .docx or .xlsx; a .pdf is read as it is). */
export function printed(path) {
  const script = new URL('./print_check.py', import.meta.url).pathname;
  return JSON.parse(execFileSync(PYTHON, [script, path], { encoding: 'utf8', timeout: 240_000 }));
}

const PAGE_NUMBER = /^—\s*\d+\s*—$/;
const HEADING = /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/;
const DATE = /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$/;
const near = (a, b, mm = 1) => Math.abs(a - b) <= mm;

/**
 * The rules a filed copy keeps (GB/T 9704-2012 for Word files): A4 paper; Excel text at 9 pt
 * or more; in Word, the text inside the 156 mm 版心 (28 mm from the left, 26 mm from the right),
 * 28 characters on a full line, no page ending in a heading, no page holding only the 落款, an
 * Arabic 成文日期, and table columns as wide as what they hold.
 */
export function checkPrinted(file) {
  const { pages } = file.printed;
  assert.ok(pages.length > 0, `${file.name}: printed`);
  for (const [i, p] of pages.entries()) {
    const a4 = (near(p.width, 210) && near(p.height, 297)) || (near(p.width, 297) && near(p.height, 210));
    assert.ok(a4, `${file.name} page ${i + 1} is A4 (${p.width} × ${p.height} mm)`);
  }
  const lines = pages.flatMap((p) => p.lines);
  if (file.name.endsWith('.xlsx')) {
    const smallest = Math.min(...lines.map((l) => l.min_pt));
    assert.ok(smallest >= 9, `${file.name}: the smallest printed text is ${smallest} pt (at least 9)`);
    return;
  }
  const body = (p) => p.lines.filter((l) => !PAGE_NUMBER.test(l.text));
  for (const l of lines.filter((l) => l.min_pt === 16 && l.max_pt === 16)) {
    // A closing punctuation mark may hang past the line's end, as Chinese typesetting allows.
    const right = /[，。、；：？！”’）》]$/.test(l.text) ? 184 + 5.6 + 1 : 185;
    assert.ok(l.left >= 27 && l.right <= right, `${file.name}: "${l.text}" inside the 版心 (${l.left}–${l.right} mm)`);
  }
  const full = lines.filter((l) => l.min_pt === 16 && near(l.left, 28) && near(l.right, 184) && !/[0-9A-Za-z]/.test(l.text));
  for (const l of full) {
    assert.ok(l.chars === 28 || (l.chars === 29 && /[，。、；：）”]$/.test(l.text)), `${file.name}: 28 characters a line, not ${l.chars}: "${l.text}"`);
  }
  for (const [i, p] of pages.entries()) {
    const last = body(p).at(-1);
    if (i < pages.length - 1 && last) {
      assert.ok(!HEADING.test(last.text), `${file.name}: page ${i + 1} ends in the heading "${last.text}"`);
    }
  }
  assert.ok(!lines.some((l) => /[〇一二三四五六七八九十]{4}年/.test(l.text)), `${file.name}: the 成文日期 in Arabic digits`);
  const end = body(pages.at(-1));
  if (end.length > 0 && DATE.test(end.at(-1).text)) {
    // The 落款 (署名 and date, maybe a 报告人) never stands alone on the last page.
    const signature = end.filter((l) => DATE.test(l.text) || l.top >= end.at(-1).top - 12);
    assert.ok(end.length > signature.length, `${file.name}: the last page holds only the 落款`);
  }
  for (const widths of file.tables ?? []) {
    if (widths.length > 2) {
      assert.ok(new Set(widths).size > 1, `${file.name}: table columns ${widths} are not all the same width`);
    }
  }
}

/** Opens a short admonition case for `person` (as listed in the picker) on the 谈话诫勉 page. */
export async function openCase(page, person, onForm = async () => {}) {
  await nav(page, '谈话诫勉');
  await page.getByRole('button', { name: '新建诫勉案件' }).click();
  await onForm();
  const form = page.getByRole('form', { name: '新建诫勉案件' });
  await form.getByLabel('被诫勉人').selectOption({ label: person });
  await form.getByLabel('事由（一句话）').fill('工作拖沓');
  await form.getByLabel('谈话地点').fill('会议室');
  await form.getByRole('button', { name: '立案' }).click();
  await page.getByText(/已立案/).waitFor();
}

let axeSource;
/** The WCAG 2 A/AA violations axe-core finds on the page as it is now, one line each. */
export async function axeViolations(page) {
  axeSource ??= await readFile(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    const lines = r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    return { lines, passes: r.passes.length };
  });
  // axe ran and checked something: a screen that passes nothing is no proof.
  assert.ok(found.passes > 5, `axe checked only ${found.passes} rules`);
  return found.lines;
}
