#!/usr/bin/env bash
# `npm run bench`: set-up, a release build, then the benchmark (bench/run.mjs).
set -euo pipefail
. "$(dirname "$0")/setup.sh" browser
bash "$ROOT/scripts/build.sh"
exec node "$ROOT/bench/run.mjs" "$@"
