// Shared set-up for the end-to-end tests and the benchmark: a static server for dist/ on a free
// loopback port, and Debian's Chromium driven by playwright-core.
import { createServer } from 'node:http';
import { readFile, stat, mkdtemp } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

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
  if (cadre) await page.getByLabel('干部（答题、填表、上报）').check();
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
  const python = process.env.ZUOFENG_PYTHON ?? 'python3';
  const script = new URL(path.endsWith('.docx') ? './docx_check.py' : './xlsx_check.py', import.meta.url).pathname;
  return { name: dl.suggestedFilename(), ...JSON.parse(execFileSync(python, [script, path], { encoding: 'utf8' })) };
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
