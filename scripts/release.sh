#!/usr/bin/env bash
# Builds the release: dist/ for any static web server (any sub-path, works offline after the
# first visit) and release/zuofeng.html, the whole app in one file for a USB stick.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
cd "$ZUOFENG_ROOT"
say "release build"
# The browser floor is Chromium 86, which has no reference types (they came in 96): none of our
# crates may use them, so wasm-bindgen keeps to plain numbers for JS values (no externref). Only
# the release is built so; the storage tests run on the default features, and the old-kernel
# end-to-end tests run the release itself.
# The standard library is built with the app (rust-src, from scripts/setup.sh), for size: with
# the app's `opt-level = "z"`, its smaller code paths (`optimize_for_size`) and panics that stop
# at once without formatting a message (`immediate-abort`: the app never shows a panic's text,
# and `panic = "abort"` already stopped it) — 66 KB gzip less than the precompiled one, which is
# built for speed. These are unstable options of the stable toolchain, hence RUSTC_BOOTSTRAP,
# for the release build only (docs/architecture.md, "Size").
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-feature=-reference-types -Zunstable-options -Cpanic=immediate-abort"
# Trunk builds offline: this build fetches the standard library's own crates (pinned by its
# Cargo.lock) the first time, and trunk's is then the same build, already done.
cargo build --release --locked --target wasm32-unknown-unknown --bin zuofeng
trunk build --release
# trunk kept the function names (-g in index.html) for this step, which drops them. A copy keeps
# them for scripts/screen-cost.mjs (what each screen costs the download).
cp dist/zuofeng_bg.wasm "${CARGO_TARGET_DIR:-target}/zuofeng-named.wasm"
node scripts/order-functions.mjs dist/zuofeng_bg.wasm
# The imports from the JS glue get short names, in the module and the glue alike.
node scripts/short-imports.mjs dist/zuofeng_bg.wasm dist/zuofeng.js
# The glue and the style sheet without spaces and comments (esbuild, for Chromium 86).
node scripts/minify.mjs dist
node scripts/pack.mjs
node scripts/check-floor.mjs dist
