#!/usr/bin/env bash
# The whole test suite: installs what is missing, then runs `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
swift test "$@"
