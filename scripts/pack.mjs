// After `trunk build --release`: stamps dist/sw.js with this build's id and files, and writes
// release/zuofeng.html, the whole app in one file for USB sticks and desktops (file://).
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const dist = join(root, 'dist');
const outDir = join(root, 'release');

// Mark the release's page so that boot.js registers the worker.
const indexPath = join(dist, 'index.html');
const index = await readFile(indexPath, 'utf8');
if (!index.includes('zuofeng-service-worker')) {
  await writeFile(indexPath, index.replace('</head>', '    <meta name="zuofeng-service-worker" content="sw.js" />\n</head>'));
}

const files = (await readdir(dist)).filter((f) => !f.startsWith('.') && f !== 'sw.js').sort();
const hash = createHash('sha256');
for (const f of files) hash.update(f).update(await readFile(join(dist, f)));
const build = hash.digest('hex').slice(0, 16);

const swTemplate = await readFile(join(root, 'web', 'sw.js'), 'utf8');
const precache = ['./', ...files.filter((f) => f !== 'index.html').map((f) => `./${f}`)];
await writeFile(
  join(dist, 'sw.js'),
  swTemplate.replace('__ZUOFENG_BUILD__', build).replace('__ZUOFENG_FILES__', JSON.stringify(precache)),
);

// The single file: styles, JS glue and wasm (base64) inline. Chromium will not load module
// files from file://, so nothing may be fetched; the CSP allows exactly these inline blocks by
// their hashes.
const css = await readFile(join(dist, 'main.css'), 'utf8');
const glue = await readFile(join(dist, 'zuofeng.js'), 'utf8');
const wasm = (await readFile(join(dist, 'zuofeng_bg.wasm'))).toString('base64');
const icon = (await readFile(join(dist, 'icon.svg'))).toString('base64');
// The same start as the server build (web/boot.js), with the module's bytes in place of its URL.
const boot = await readFile(join(root, 'web', 'boot.js'), 'utf8');
const importLine = "import init from './zuofeng.js';";
const startLine = "start(new URL('./zuofeng_bg.wasm', import.meta.url))";
if (!boot.includes(importLine) || !boot.includes(startLine)) {
  throw new Error('web/boot.js no longer has the lines pack.mjs replaces');
}
const script = `${glue}
${boot
  .replace(importLine, 'const init = __wbg_init;')
  .replace(startLine, `start(Uint8Array.from(atob(${JSON.stringify(wasm)}), (c) => c.charCodeAt(0)))`)}`;
const guard = await readFile(join(root, 'web', 'guard.js'), 'utf8');
const sha = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const csp = [
  "default-src 'none'",
  // 'unsafe-eval' only until the module is compiled: boot.js then adds this policy without it.
  `script-src ${sha(guard)} ${sha(script)} 'unsafe-eval'`,
  `style-src ${sha(css)}`,
  'img-src data: blob:',
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const html = `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8" />
<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1" />
<meta name="renderer" content="webkit" />
<meta name="force-rendering" content="webkit" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta http-equiv="Content-Security-Policy" content="${csp}" />
<meta name="zuofeng-build" content="${build}" />
<title>作风建设工作台</title>
<link rel="icon" href="data:image/svg+xml;base64,${icon}" />
<style>${css}</style>
<script>${guard}</script>
<script type="module">${script}</script>
</head>
<body>
<noscript>作风建设工作台需要启用 JavaScript。请使用新版 Chrome、Edge、360 或 QQ 浏览器打开。</noscript>
</body>
</html>
`;
await mkdir(outDir, { recursive: true });
await writeFile(join(outDir, 'zuofeng.html'), html);
console.log(`build ${build}: dist/ (${files.length + 1} files with sw.js) and release/zuofeng.html (${(html.length / 1024).toFixed(0)} KB)`);
