#!/usr/bin/env bash
# `npm run differential -- [--seed N] [--count N] [--subject MODULE] [--index I]`: builds the
# baseline package (908fa2d, scripts/reference.sh) and this tree's package, then compares
# them with scripts/fuzz.mjs over generated inputs (1,000,000 unless --count says), the
# small module (`coc-incident/validate`) as the subject unless --subject names another
# (`--subject coc-incident`: the main entry, on the full module). The baseline's answers
# are renewed by the changes made to reports on purpose since (RENEWALS in fuzz.mjs).
set -euo pipefail
. "$(dirname "$0")/setup.sh"
cd "$ROOT"
bash scripts/reference.sh
bash scripts/build.sh
exec node scripts/fuzz.mjs --reference target/reference/src/src/index.js --subject coc-incident/validate "$@"
