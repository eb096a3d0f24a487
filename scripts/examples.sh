#!/usr/bin/env bash
# Installs and builds each app in examples/ as a user's app would get the package: from
# the packed tarball (target/pack/coc-incident.tgz, which `npm test` packs first), with
# npm, then `vite build` where the app has one. tests/examples/ drives the results.
# Usage: bash scripts/examples.sh [tarball]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
tarball="${1:-$ROOT/target/pack/coc-incident.tgz}"
if [ ! -f "$tarball" ]; then
  echo "examples: no tarball at $tarball (npm test packs it)" >&2
  exit 1
fi
for app in "$ROOT"/examples/*/; do
  app="${app%/}"
  name="$(basename "$app")"
  echo "examples: $name: npm install (coc-incident from $(basename "$tarball"))"
  # Same version, new contents: npm would keep the old copy, so it goes first.
  rm -rf "$app/node_modules/coc-incident"
  # Exact versions in each package.json; no lockfile, since the tarball's hash changes
  # with every build.
  (cd "$app" && npm install --no-package-lock --no-audit --no-fund --loglevel=error)
  if [ -f "$app/vite.config.js" ] || grep -q '"build": "vite build"' "$app/package.json"; then
    echo "examples: $name: vite build"
    (cd "$app" && npx --no-install vite build --logLevel warn)
  fi
done
