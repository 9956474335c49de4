#!/usr/bin/env bash
# Regenerates Samples/*.json from the archive seeds with `bulletin-pdf import` (names from the
# masthead: <year>-<number>.json). The seeds default to Tests/Fixtures/seeds (copies of
# ../shared/seeds); pass another directory to use it. `swift test --filter SeedImportTests`
# checks that Samples/ is exactly what the import gives.
set -euo pipefail
cd "$(dirname "$0")/.."
seeds="${1:-Tests/Fixtures/seeds}"
bash scripts/ensure-deps.sh
swift build --product bulletin-pdf 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\]' || true
bin="$(swift build --show-bin-path)/bulletin-pdf"
[ -x "$bin" ] || { echo "build failed" >&2; exit 1; }
"$bin" import "$seeds"/*.txt -o Samples --name-from-masthead
ls Samples/*.json
