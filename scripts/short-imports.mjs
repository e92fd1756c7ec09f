// After `trunk build --release`: gives the functions the module imports from its JavaScript
// glue short names, in both files. wasm-bindgen names each one after the Web API it calls and a
// hash (`__wbg_preventDefault_cfb06b02e7406899`); the hashes, some 320 of them written in both
// files, are numbers gzip cannot shrink. Only the names change: each import stays the same
// function, found by the same key. docs/architecture.md, "Size", has the figures.
//
// usage: node scripts/short-imports.mjs dist/zuofeng_bg.wasm dist/zuofeng.js
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { imports, sections, uleb } from './wasm-binary.mjs';

const [wasmFile, jsFile] = process.argv.slice(2);
if (!wasmFile || !jsFile) throw new Error('usage: short-imports.mjs <module.wasm> <glue.js>');
const bytes = readFileSync(wasmFile);
let glue = readFileSync(jsFile, 'utf8');
const size = (module, js) => gzipSync(module, { level: 9 }).length + gzipSync(js, { level: 9 }).length;

const all = sections(bytes);
const section = all.find((s) => s.id === 2);
if (!section) throw new Error(`${wasmFile} imports nothing`);
const entries = imports(bytes, section);
// The glue's import object is the module `./zuofeng_bg.js`; anything else is left as it is.
const glueModule = './zuofeng_bg.js';
const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const short = (k) => (k < letters.length ? '' : short(Math.floor(k / letters.length) - 1)) + letters[k % letters.length];

const before = size(bytes, glue);
let next = 0;
const renamed = entries.map((e) => {
  if (e.module !== glueModule) return e;
  const name = `$${short(next++)}`;
  // The glue writes each import once, as a key of its import object: `name: function(…`.
  const key = new RegExp(`(^|[^\\w$])${e.name.replace(/\$/g, '\\$')}(?=:)`, 'g');
  const found = glue.match(key)?.length ?? 0;
  if (found !== 1 || glue.split(e.name).length !== 2) {
    throw new Error(`${jsFile} has ${e.name} ${glue.split(e.name).length - 1} times, not once as a key`);
  }
  glue = glue.replace(key, `$1${name}`);
  return { ...e, name };
});
if (!next) throw new Error(`${wasmFile} imports nothing from ${glueModule}`);

const vec = (text) => Buffer.concat([uleb(Buffer.byteLength(text)), Buffer.from(text)]);
const content = Buffer.concat([uleb(renamed.length), ...renamed.flatMap((e) => [vec(e.module), vec(e.name), e.desc])]);
const out = Buffer.concat([
  bytes.subarray(0, section.from),
  Buffer.from([2]),
  uleb(content.length),
  content,
  bytes.subarray(section.end),
]);
writeFileSync(wasmFile, out);
writeFileSync(jsFile, glue);
const after = size(out, glue);
console.log(`${next} imports given short names: ${before} → ${after} bytes gzip (module and glue)`);
