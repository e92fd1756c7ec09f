// Fetches the real old Chromium kernels the tests prove the floor with, from npm packages that
// ship them (brotli-compressed), and unpacks them once into a cache outside the repository.
// Prints one line per kernel: NAME=PATH. Usage: node scripts/old-chromium.mjs
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';

// Chromium 86: 360 安全浏览器 13 极速模式 and several 信创 browsers. Chromium 109: the last Chrome
// for Windows 7.
export const KERNELS = [
  { name: 'CHROMIUM_86', pkg: 'chrome-aws-lambda@5.3.1' },
  { name: 'CHROMIUM_109', pkg: '@sparticuz/chromium@109.0.6' },
];

const cache = process.env.ZUOFENG_OLD_CHROMIUM_CACHE ?? join(homedir(), '.cache', 'zuofeng', 'old-chromium');

function ensure({ pkg }) {
  const dir = join(cache, pkg.replace(/[@/]/g, '_'));
  const binary = join(dir, 'chromium');
  if (existsSync(binary)) return binary;
  const work = `${dir}.partial`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  execFileSync('npm', ['pack', pkg, '--pack-destination', work, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error(`npm pack ${pkg} gave no package`);
  execFileSync('tar', ['xzf', join(work, tarball), '-C', work, 'package/bin/chromium.br']);
  writeFileSync(join(work, 'chromium'), brotliDecompressSync(readFileSync(join(work, 'package', 'bin', 'chromium.br'))));
  chmodSync(join(work, 'chromium'), 0o755);
  rmSync(join(work, 'package'), { recursive: true, force: true });
  rmSync(join(work, tarball), { force: true });
  rmSync(dir, { recursive: true, force: true });
  renameSync(work, dir);
  return binary;
}

for (const kernel of KERNELS) {
  console.log(`${kernel.name}=${ensure(kernel)}`);
}
