#!/usr/bin/env bash
# Builds the release: dist/ for any static web server (any sub-path, works offline after the
# first visit) and release/zuofeng.html, the whole app in one file for a USB stick.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
cd "$ZUOFENG_ROOT"
say "release build"
trunk build --release
node scripts/pack.mjs
node scripts/check-floor.mjs dist
