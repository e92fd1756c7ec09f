#!/usr/bin/env bash
# Sets up what is missing, then runs every check and test: formatting, lints (native and wasm),
# native tests, storage tests in headless Chromium, and end-to-end tests against the release build.
set -euo pipefail
source "$(dirname "$0")/setup.sh" --browser
cd "$ZUOFENG_ROOT"

say "cargo fmt --check"
cargo fmt --check
say "cargo clippy (native and wasm32)"
cargo clippy --all-targets --locked -- -D warnings
cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
say "native tests"
cargo test --locked
say "storage tests in headless Chromium"
cargo test --locked --target wasm32-unknown-unknown --test storage --test text_in_browser
"$ZUOFENG_ROOT/scripts/release.sh"
say "end-to-end tests in the real Chromium 86 and 109 kernels"
# On their own and first. The old kernels run in their normal multi-process mode: started with
# --single-process, Chromium 86 now and then hung, spinning, before its first step.
node --test --test-concurrency=1 --test-timeout=240000 tests/e2e/old_browsers.test.mjs
say "end-to-end tests in headless Chromium"
node --test --test-concurrency=1 --test-timeout=240000 \
  $(find tests/e2e -name '*.test.mjs' ! -name 'old_browsers.test.mjs' | sort)
