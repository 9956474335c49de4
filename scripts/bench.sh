#!/usr/bin/env bash
# Benchmarks (they print figures; no test asserts on time):
#  1. in-process: `bulletin-pdf bench` renders every sample N times in one process;
#  2. cold: hyperfine runs one whole process per issue for every sample, and Typst 0.15 on the
#     same issue (seed 000) in the same run when ../shared/anchors is there and `typst` is
#     installed (pip install typst==0.15.0); peak RSS from /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
command -v hyperfine >/dev/null || { apt-get install -y -qq hyperfine >/dev/null 2>&1 || true; }
bin=$(bash scripts/build-release.sh 2>/dev/null)
out=$(mktemp -d)
echo "== in-process (warm) =="
"$bin" bench --runs "${RUNS:-20}"
echo "== cold, one process per issue =="
commands=()
for issue in Samples/*.json; do
  commands+=("$bin render $issue -o $out/$(basename "$issue" .json).pdf")
done
anchor=../shared/anchors/typst
if [ -f "$anchor/seed-000.typ" ] && python3 -c "import typst" 2>/dev/null; then
  commands+=("python3 $anchor/typst_compile.py Fonts $anchor/seed-000.typ $out/typst.pdf")
fi
hyperfine -N -w 3 -r "${COLD_RUNS:-20}" "${commands[@]}" --export-markdown "$out/cold.md" >/dev/null
cat "$out/cold.md"
echo "== peak RSS, whole process =="
for issue in Samples/*.json; do
  /usr/bin/time -f "$(basename "$issue"): %M KB, %e s" "$bin" render "$issue" -o "$out/rss.pdf"
done
rm -rf "$out"
