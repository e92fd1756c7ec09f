#!/usr/bin/env bash
# Builds the release and prints the benchmark figures (sizes, first render, 10,000-record
# backup import, against a JavaScript baseline, and export; work-line reports and timeline at 200 lines × 50 tasks; question
# bank import against a JavaScript baseline, search and grading; a rating round of 50 × 400 ballots; 首页 and the 驻村日志 lists with 200,000 log entries) measured in
# headless Chromium; and what each screen and module costs the download. Not part of the test
# suite.
set -euo pipefail
source "$(dirname "$0")/setup.sh" --browser
cd "$ZUOFENG_ROOT"
"$ZUOFENG_ROOT/scripts/release.sh"
node bench/run.mjs
node bench/workline.mjs
node bench/quiz.mjs
node bench/assessment.mjs
node bench/village.mjs
cargo test --release --locked --target wasm32-unknown-unknown --test bench_workline --test bench_quiz --test bench_assessment --test bench_paper -- --nocapture 2>&1 \
  | grep -E '^(200 lines|10,000|  filter|filtering|grading|tally|paper reader)'
# The 25 screens and modules that cost the download most.
node scripts/screen-cost.mjs --top 25
node -e "const fs=require('fs'),z=require('zlib');const b=fs.readFileSync('release/zuofeng.html');console.log('single file release/zuofeng.html: '+(b.length/1024).toFixed(1)+' KB raw, '+(z.gzipSync(b,{level:9}).length/1024).toFixed(1)+' KB gzip')"
