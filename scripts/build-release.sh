#!/usr/bin/env bash
# Builds the release `bulletin-pdf` and prints the executable's path (build output goes to stderr).
# Swift's runtime and Foundation are linked in statically (--static-swift-stdlib): a process then
# starts in ~7 ms instead of ~11 ms, because the dynamic loader no longer binds thousands of
# symbols across twenty Swift libraries — most of a short `extract` or `render` (the binary grows
# from 17 MB to 87 MB; system C libraries stay shared). Every script that builds for use or
# measurement calls this, so they share one build.
# Usage: bin=$(bash scripts/build-release.sh [--scratch-path DIR])
set -euo pipefail
cd "$(dirname "$0")/.."
flags=(-c release --static-swift-stdlib "$@")
# The static Foundation archive makes the linker warn about its own use of mktemp (not ours): hidden.
# A failed build must stop here: the executable of an earlier build would otherwise be used.
status=0
swift build "${flags[@]}" --product bulletin-pdf 2>&1 | { grep -vE '^\[[0-9]+/[0-9]+\]|use of .mktemp. is dangerous' >&2 || true; } \
  || status=$?
[ "$status" -eq 0 ] || { echo "build failed (swift build exit $status)" >&2; exit 1; }
bin="$(swift build "${flags[@]}" --show-bin-path)/bulletin-pdf"
[ -x "$bin" ] || { echo "build failed: no $bin" >&2; exit 1; }
echo "$bin"
