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
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-feature=-reference-types"
trunk build --release
node scripts/pack.mjs
node scripts/check-floor.mjs dist
