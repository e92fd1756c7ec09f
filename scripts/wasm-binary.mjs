// The few pieces of the WebAssembly binary format the release's scripts read and write: numbers
// (LEB128), the section list, the import section, the function bodies and their names.

export function leb(b, i) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const x = b[i++];
    value += (x & 0x7f) * 2 ** shift;
    shift += 7;
    if (x < 0x80) return [value, i];
  }
}

export function uleb(n) {
  const out = [];
  do {
    let x = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) x |= 0x80;
    out.push(x);
  } while (n);
  return Buffer.from(out);
}

/** Each section: its id, where it starts (`from`), where its content starts and ends. */
export function sections(b) {
  const out = [];
  let i = 8;
  while (i < b.length) {
    const id = b[i];
    const [len, start] = leb(b, i + 1);
    out.push({ id, from: i, start, end: start + len });
    i = start + len;
  }
  return out;
}

/** The import section's entries: module, name, and the bytes that say what is imported. */
export function imports(b, s) {
  let [count, i] = leb(b, s.start);
  const out = [];
  const text = () => {
    const [len, at] = leb(b, i);
    i = at + len;
    return b.toString('utf8', at, at + len);
  };
  const skipLimits = () => {
    const flags = b[i++];
    i = leb(b, i)[1];
    if (flags & 1) i = leb(b, i)[1];
  };
  while (count--) {
    const module = text();
    const name = text();
    const from = i;
    const kind = b[i++];
    if (kind === 0) i = leb(b, i)[1];
    else if (kind === 1) {
      i++;
      skipLimits();
    } else if (kind === 2) skipLimits();
    else if (kind === 3) i += 2;
    else throw new Error(`unknown import kind ${kind}`);
    out.push({ module, name, kind, desc: b.subarray(from, i) });
  }
  return out;
}

/** A custom section's name, and where its content after the name starts. */
export function customName(b, s) {
  const [len, at] = leb(b, s.start);
  return [b.toString('utf8', at, at + len), at + len];
}

/** How many functions are imported: they come first in the function index space. */
export function importedFunctions(b, all) {
  const s = all.find((x) => x.id === 2);
  return s ? imports(b, s).filter((i) => i.kind === 0).length : 0;
}

/** The code section's function bodies, in order. */
export function functionBodies(b, all) {
  const s = all.find((x) => x.id === 10);
  let [count, i] = leb(b, s.start);
  const out = [];
  while (count--) {
    const [len, at] = leb(b, i);
    out.push(b.subarray(at, at + len));
    i = at + len;
  }
  return out;
}

/** The "name" section's function names by function index (empty if the module has none). */
export function functionNames(b, all) {
  const names = new Map();
  const s = all.find((x) => x.id === 0 && customName(b, x)[0] === 'name');
  if (!s) return names;
  let [, i] = customName(b, s);
  while (i < s.end) {
    const kind = b[i];
    const [len, at] = leb(b, i + 1);
    if (kind === 1) {
      let [count, j] = leb(b, at);
      while (count--) {
        const [index, k] = leb(b, j);
        const [nameLen, n] = leb(b, k);
        names.set(index, b.toString('utf8', n, n + nameLen));
        j = n + nameLen;
      }
      return names;
    }
    i = at + len;
  }
  return names;
}
