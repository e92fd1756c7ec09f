#!/usr/bin/env bash
# Builds the release and prints the benchmark figures (sizes, first render, 10,000-record
# backup import and export) measured in headless Chromium. Not part of the test suite.
set -euo pipefail
source "$(dirname "$0")/setup.sh" --browser
cd "$ZUOFENG_ROOT"
trunk build --release
node bench/run.mjs
