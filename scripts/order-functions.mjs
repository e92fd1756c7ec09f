// After `trunk build --release`: puts the module's functions in an order that gzip compresses
// better, then drops their names. Nothing in the code changes, only where each function sits.
//
// gzip finds repeats only within the last 32 KB. The compiler lays functions out in its own
// order, so the many copies of one generic (a reader per record type, a view per screen) lie
// far apart. Here they are put side by side: first by the function's name without its type
// arguments, then, inside that order, each function is followed by the one whose code is most
// alike (MinHash over 8-byte pieces). binaryen applies the order (`--reorder-functions-by-name`
// on names written here) and strips the names. docs/architecture.md, "Size", has the figures.
//
// usage: node scripts/order-functions.mjs dist/zuofeng_bg.wasm
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import {
  customName,
  functionBodies,
  functionNames,
  importedFunctions,
  sections,
  uleb,
} from './wasm-binary.mjs';

const file = process.argv[2];
if (!file) throw new Error('usage: order-functions.mjs <module.wasm>');
const bytes = readFileSync(file);

const all = sections(bytes);
const nameSection = all.find((s) => s.id === 0 && customName(bytes, s)[0] === 'name');
if (!nameSection) {
  throw new Error(`${file} has no function names: build with strip = "debuginfo" and wasm-opt -g`);
}
const imported = importedFunctions(bytes, all);
const code = functionBodies(bytes, all);
const names = functionNames(bytes, all);

// The name without crate hashes and type arguments groups the copies of one generic.
function family(name) {
  let n = name.replace(/\[[0-9a-f]+\]/g, '');
  const full = n;
  for (let k = 0; k < 3; k++) n = n.replace(/<[^<>]*>/g, '');
  return `${n}|${full}`;
}

// MinHash signatures over 8-byte pieces of each body.
const K = 32;
const seeds = Array.from({ length: K }, (_, k) => Math.imul(k + 1, 0x9e3779b1) >>> 0);
function fmix(h) {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
function signature(body) {
  const sig = new Uint32Array(K).fill(0xffffffff);
  const last = Math.max(1, body.length - 7);
  for (let i = 0; i < last; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < Math.min(i + 8, body.length); j++) h = Math.imul(h ^ body[j], 0x01000193);
    for (let k = 0; k < K; k++) {
      const v = fmix(h ^ seeds[k]);
      if (v < sig[k]) sig[k] = v;
    }
  }
  return sig;
}

const n = code.length;
const keys = code.map((_, i) => family(names.get(imported + i) ?? ''));
const byFamily = [...keys.keys()].sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b));
const rank = new Int32Array(n);
byFamily.forEach((f, r) => (rank[f] = r));
const sigs = code.map(signature);
const buckets = new Map();
for (let f = 0; f < n; f++) {
  for (let k = 0; k < K; k += 2) {
    const key = `${k}:${sigs[f][k]}:${sigs[f][k + 1]}`;
    const list = buckets.get(key);
    if (list) list.push(f);
    else buckets.set(key, [f]);
  }
}
const alike = (a, b) => {
  let same = 0;
  for (let k = 0; k < K; k++) if (sigs[a][k] === sigs[b][k]) same++;
  return same;
};

// Greedy: from each function go on to the most alike one not yet placed (at least 1/8 of the
// signature shared), else to the next in family order.
const placed = new Uint8Array(n);
const order = [];
let next = 0;
let current = -1;
while (order.length < n) {
  if (current < 0) {
    while (placed[byFamily[next]]) next++;
    current = byFamily[next];
  }
  placed[current] = 1;
  order.push(current);
  let best = -1;
  let bestSame = K / 8 - 1;
  for (let k = 0; k < K; k += 2) {
    for (const c of buckets.get(`${k}:${sigs[current][k]}:${sigs[current][k + 1]}`)) {
      if (placed[c]) continue;
      const same = alike(current, c);
      if (same > bestSame || (same === bestSame && best >= 0 && rank[c] < rank[best])) {
        best = c;
        bestSame = same;
      }
    }
  }
  current = best;
}

// A name section holding each function's place, read by binaryen, which moves the functions and
// every reference to them.
const width = String(n).length;
const entries = [];
for (let f = 0; f < imported; f++) entries.push([f, `i${String(f).padStart(width, '0')}`]);
order.forEach((f, place) => entries.push([imported + f, `f${String(place).padStart(width, '0')}`]));
const sub = Buffer.concat([
  uleb(entries.length),
  ...entries.map(([index, name]) => Buffer.concat([uleb(index), uleb(name.length), Buffer.from(name)])),
]);
const payload = Buffer.concat([uleb(4), Buffer.from('name'), Buffer.from([1]), uleb(sub.length), sub]);
const rest = all.filter((s) => s !== nameSection).map((s) => bytes.subarray(s.from, s.end));
const named = Buffer.concat([bytes.subarray(0, 8), ...rest, Buffer.from([0]), uleb(payload.length), payload]);

const tmp = `${file}.named`;
writeFileSync(tmp, named);
// The features are index.html's data-wasm-opt-params: the browser floor's, and no more.
const features = readFileSync(new URL('../index.html', import.meta.url), 'utf8')
  .match(/data-wasm-opt-params="([^"]*)"/)[1]
  .split(/\s+/)
  .filter((p) => p === '--mvp-features' || p.startsWith('--enable-'));
const wasmOpt = (...args) => execFileSync('wasm-opt', [...features, ...args], { stdio: 'inherit' });
// The module keeps no custom section: names, the compiler's feature list (LLVM's names, which
// check-floor.mjs would misread; it validates the code itself) and its producers.
const strip = ['--strip-debug', '--strip-target-features', '--strip-producers'];
// The size as the compiler ordered it, for the log.
wasmOpt(...strip, file, '-o', tmp);
const before = gzipSync(readFileSync(tmp), { level: 9 }).length;
writeFileSync(tmp, named);
wasmOpt('--reorder-functions-by-name', ...strip, tmp, '-o', file);
rmSync(tmp);
const after = gzipSync(readFileSync(file), { level: 9 }).length;
console.log(`${n} functions ordered for gzip: ${before} → ${after} bytes gzip`);
