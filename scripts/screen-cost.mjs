// What each screen and module costs the download: the release's function bodies grouped by the
// source file they were written in, each group gzipped on its own (so a group's figure is a
// little more than its share of the module, whose gzip also finds repeats across groups).
// Generic code counts where its type argument was written: yew's lifecycle for a screen's
// component counts to the screen, a reader for a record type to the type's file. Code the
// compiler inlined counts to the function it went into.
//
// usage: node scripts/screen-cost.mjs [module.wasm] [--top N]
// The module must still have its function names: scripts/release.sh keeps that copy as
// target/zuofeng-named.wasm (the one it ships has none; `$CARGO_TARGET_DIR` if set).
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { functionBodies, functionNames, importedFunctions, sections } from './wasm-binary.mjs';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : Infinity;
const file = args[0] ?? `${process.env.CARGO_TARGET_DIR ?? `${root}target`}/zuofeng-named.wasm`;
const bytes = readFileSync(file);
const all = sections(bytes);
const names = functionNames(bytes, all);
if (names.size === 0) throw new Error(`${file} has no function names: run scripts/release.sh`);
const imported = importedFunctions(bytes, all);

// zuofeng::quiz::ui::results::ResultsTab → quiz/ui/results: the path as long as it names a
// file or folder under src/.
const known = new Map();
function sourceFile(path) {
  const parts = path.split('::').slice(1);
  let file = 'src (crate root)';
  for (let n = 1; n <= parts.length; n++) {
    const p = parts.slice(0, n).join('/');
    if (!known.has(p)) known.set(p, existsSync(`${root}src/${p}.rs`) || existsSync(`${root}src/${p}`));
    if (!known.get(p)) break;
    file = p;
  }
  return file;
}

function group(name) {
  const plain = name.replace(/\[[0-9a-f]+\]/g, '');
  const ours = plain.match(/zuofeng::[A-Za-z0-9_:]+/);
  if (ours) return sourceFile(ours[0]);
  const crate = plain.replace(/^[<&(\s*]+(mut |const |dyn )?/, '').split(/::|[<>\s]/)[0];
  return `(crate) ${crate || '?'}`;
}

const groups = new Map();
functionBodies(bytes, all).forEach((body, i) => {
  const key = group(names.get(imported + i) ?? '');
  const g = groups.get(key) ?? { functions: 0, raw: 0, bodies: [] };
  g.functions++;
  g.raw += body.length;
  g.bodies.push(body);
  groups.set(key, g);
});
const rows = [...groups]
  .map(([key, g]) => ({ key, ...g, gzip: gzipSync(Buffer.concat(g.bodies), { level: 9 }).length }))
  .sort((a, b) => b.gzip - a.gzip);
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
const sum = (k) => rows.reduce((n, r) => n + r[k], 0);
console.log(`${file}: ${kb(sum('raw')).trim()} KB of code in ${sum('functions')} functions, ${kb(sum('gzip')).trim()} KB gzip by group`);
console.log('KB gzip  KB raw  functions  where');
for (const r of rows.slice(0, top)) {
  console.log(`${kb(r.gzip)} ${kb(r.raw)} ${String(r.functions).padStart(10)}  ${r.key}`);
}
