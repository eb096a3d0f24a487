#!/usr/bin/env bash
# `npm run fuzz -- [--seed N] [--count N]`: builds the package, then runs scripts/fuzz.mjs.
set -euo pipefail
. "$(dirname "$0")/setup.sh"
cd "$ROOT"
bash scripts/build.sh
node scripts/fuzz.mjs "$@"
