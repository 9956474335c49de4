#!/usr/bin/env bash
# Benchmarks of `bulletin-pdf diff` (they print figures; no test asserts on time):
#  1. per-page compare alone, in process: `bulletin-pdf bench-diff` (A4 at 150 dpi, medians);
#  2. whole process, hyperfine: diff of two 4-page PDFs at 150 dpi (Samples/2022-017 and the same
#     issue with one sentence edited), and of a PDF with itself; pdftoppm alone for reference.
# Targets (issue 6): compare ≤ 10 ms per page; whole 4-page diff ≤ 0.5 s.
# SCRATCH_PATH=.build-mine bash scripts/bench-diff.sh to build elsewhere than .build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
command -v hyperfine >/dev/null || { apt-get install -y -qq hyperfine >/dev/null 2>&1 || true; }
scratch="${SCRATCH_PATH:-.build}"
bin=$(bash scripts/build-release.sh --scratch-path "$scratch" 2>/dev/null)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
echo "== per-page compare, in process =="
"$bin" bench-diff --runs "${RUNS:-50}"
echo "== whole process: two 4-page PDFs at 150 dpi =="
sed 's/大力推进全域创建全国文明城区/全力推动全域创建全国文明城区/' Samples/2022-017.json > "$out/edited.json"
"$bin" render Samples/2022-017.json -o "$out/base.pdf"
"$bin" render "$out/edited.json" -o "$out/edited.pdf"
# diff exits 1 for "different": -i keeps hyperfine going.
hyperfine -N -i -w 3 -r "${COLD_RUNS:-20}" \
  "$bin diff $out/base.pdf $out/edited.pdf" \
  "$bin diff $out/base.pdf $out/base.pdf" \
  "pdftoppm -r 150 $out/base.pdf $out/ppm" \
  --export-json "$out/cold.json" >/dev/null
# Medians (and min/max) in ms, with the ratio to pdftoppm alone.
python3 - "$out/cold.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
base = results[-1]["median"]
for r in results:
    command = r["command"].replace(r["command"].split(" diff ")[0], "bulletin-pdf") if " diff " in r["command"] else r["command"]
    print(f"{r['median']*1000:7.1f} ms median (min {r['min']*1000:.1f}, max {r['max']*1000:.1f}; "
          f"{r['median']/base:.2f}× pdftoppm)  {command}")
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
