#!/usr/bin/env bash
# Builds the package and serves the demo page. Does its own set-up first.
set -euo pipefail
. "$(dirname "$0")/setup.sh"
bash "$ROOT/scripts/build.sh"
exec node "$ROOT/scripts/serve.mjs" "$@"
