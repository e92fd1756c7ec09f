// Checks a release against the browser floor, Chromium 86, so that a new dependency or compiler
// cannot raise it silently: the WebAssembly uses no feature that 86 lacks, and every script
// parses as the JavaScript 86 knows (ES2021; the guard in ES5, because it must run even in IE).
// Usage: node scripts/check-floor.mjs [dist]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'acorn';

const root = resolve(new URL('..', import.meta.url).pathname);
const dist = resolve(process.argv[2] ?? join(root, 'dist'));

// WebAssembly features shipped by Chromium 86 (reference types came in 96, so no externref).
export const WASM_FEATURES = ['bulk-memory', 'sign-ext', 'nontrapping-float-to-int', 'mutable-globals', 'multivalue'];

const problems = [];

/** The names in a module's `target_features` custom section, if it has one. */
function targetFeatures(bytes) {
  let at = 8;
  const leb = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[at++];
      result += (byte & 0x7f) * 2 ** shift;
      shift += 7;
      if (byte < 0x80) return result;
    }
  };
  const text = (length) => {
    const s = Buffer.from(bytes.subarray(at, at + length)).toString('utf8');
    at += length;
    return s;
  };
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const end = at + size;
    if (id === 0) {
      const name = text(leb());
      if (name === 'target_features') {
        const features = [];
        for (let n = leb(); n > 0; n--) {
          const prefix = String.fromCharCode(bytes[at++]);
          features.push({ prefix, name: text(leb()) });
        }
        return features;
      }
    }
    at = end;
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
