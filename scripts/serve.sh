#!/usr/bin/env bash
# Sets up what is missing, then builds zuofeng and serves it at http://127.0.0.1:8080
set -euo pipefail
source "$(dirname "$0")/setup.sh"
cd "$ZUOFENG_ROOT"
say "serving at http://127.0.0.1:8080 (Ctrl+C stops)"
# No auto-reload: its inline script would be refused by the content security policy.
exec trunk serve --address 127.0.0.1 --port 8080 --no-autoreload "$@"
