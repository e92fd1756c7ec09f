// After `trunk build --release`: the JS glue and the style sheet without the spaces, comments
// and long forms a reader needs (esbuild, for the floor's Chromium 86), and index.html's
// integrity check of the style sheet made anew. The glue keeps its names: pack.mjs joins it to
// boot.js by them. docs/architecture.md, "Size", has the figures.
//
// usage: node scripts/minify.mjs dist
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { transformSync } from 'esbuild';

const dist = process.argv[2];
if (!dist) throw new Error('usage: minify.mjs <dist>');
const target = 'chrome86';
const gz = (text) => gzipSync(text, { level: 9 }).length;

const cssFile = join(dist, 'main.css');
const css = readFileSync(cssFile, 'utf8');
const smallCss = transformSync(css, { loader: 'css', minify: true, target }).code;
const indexFile = join(dist, 'index.html');
const index = readFileSync(indexFile, 'utf8');
const integrity = /(href="\.\/main\.css" integrity=")sha384-[A-Za-z0-9+/=]+(")/;
if (!integrity.test(index)) throw new Error(`${indexFile} no longer checks main.css with an integrity hash`);
const hash = createHash('sha384').update(smallCss).digest('base64');
writeFileSync(cssFile, smallCss);
writeFileSync(indexFile, index.replace(integrity, `$1sha384-${hash}$2`));

const glueFile = join(dist, 'zuofeng.js');
const glue = readFileSync(glueFile, 'utf8');
const smallGlue = transformSync(glue, {
  loader: 'js',
  format: 'esm',
  minifyWhitespace: true,
  minifySyntax: true,
  target,
}).code;
writeFileSync(glueFile, smallGlue);
console.log(
  `minified: main.css ${gz(css)} → ${gz(smallCss)}, zuofeng.js ${gz(glue)} → ${gz(smallGlue)} bytes gzip`,
);
