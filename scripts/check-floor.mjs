// Checks a release against the browser floor, Chromium 86, so that a new dependency or compiler
// cannot raise it silently: the WebAssembly uses no feature that 86 lacks, and every script
// parses as the JavaScript 86 knows (ES2021; the guard in ES5, because it must run even in IE).
// Usage: node scripts/check-floor.mjs [dist]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'acorn';
import { customName, leb, sections } from './wasm-binary.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const dist = resolve(process.argv[2] ?? join(root, 'dist'));

// WebAssembly features shipped by Chromium 86 (reference types came in 96, so no externref).
export const WASM_FEATURES = ['bulk-memory', 'sign-ext', 'nontrapping-float-to-int', 'mutable-globals', 'multivalue'];

const problems = [];

/** The names in a module's `target_features` custom section, if it has one. */
function targetFeatures(bytes) {
  for (const section of sections(bytes).filter((s) => s.id === 0)) {
    const [name, content] = customName(bytes, section);
    if (name !== 'target_features') continue;
    let [count, i] = leb(bytes, content);
    const features = [];
    while (count-- > 0) {
      const prefix = String.fromCharCode(bytes[i++]);
      const [size, from] = leb(bytes, i);
      features.push({ prefix, name: bytes.toString('utf8', from, from + size) });
      i = from + size;
    }
    return features;
  }
  return [];
}

const wasmPath = join(dist, 'zuofeng_bg.wasm');
const wasm = readFileSync(wasmPath);
for (const { prefix, name } of targetFeatures(wasm)) {
  if (prefix !== '-' && !WASM_FEATURES.includes(name)) {
    problems.push(`zuofeng_bg.wasm declares the feature ${name}, which Chromium 86 lacks`);
  }
}
// binaryen validates every instruction and type against exactly the floor's features.
try {
  execFileSync('wasm-opt', [wasmPath, '--mvp-features', ...WASM_FEATURES.map((f) => `--enable-${f}`), '-o', '/dev/null'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
} catch (error) {
  problems.push(`zuofeng_bg.wasm does not validate with Chromium 86's features:\n${String(error.stderr).slice(0, 2000)}`);
}

const scripts = [
  ['guard.js', 5, 'script'],
  ['boot.js', 2021, 'module'],
  ['zuofeng.js', 2021, 'module'],
  ['sw.js', 2021, 'script'],
];
for (const [file, ecmaVersion, sourceType] of scripts) {
  try {
    parse(readFileSync(join(dist, file), 'utf8'), { ecmaVersion, sourceType });
  } catch (error) {
    problems.push(`${file} uses JavaScript newer than its floor (ES${ecmaVersion}): ${error.message}`);
  }
}

if (problems.length) {
  console.error(`The release would not run in Chromium 86:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`floor: ${dist} runs in Chromium 86 (WebAssembly MVP + ${WASM_FEATURES.join(', ')}; scripts ES2021, guard ES5)`);
