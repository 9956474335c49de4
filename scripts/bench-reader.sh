#!/usr/bin/env bash
# Benchmarks the PDF reader against pdftotext on a 75-page bulletin PDF (a tool; reads ../shared).
#
#   bash scripts/bench-reader.sh [producer ...]      (default: cairo chromium xelatex)
#
# Makes .build-bench/<producer>-75.pdf by concatenating the extraction corpus's PDFs of that producer
# with qpdf until 75 pages, builds bench/ReaderBenchMain.swift with the reader's sources as one
# optimized module (swiftc -O -wmo, the same code SwiftPM's release build makes), and times
#   reader:     read every page (glyphs, rules, warnings)
#   reader+text: the same plus joining each page's glyph text
#   pdftotext:  poppler's text extraction to /dev/null
# with hyperfine, printing medians and pages/s. Also times a cold start on a small corpus file.
# BENCH_INSTRUCTIONS=1 adds callgrind instruction counts (repeatable on a loaded machine).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=../shared/extract-corpus/pdf
out=.build-bench
mkdir -p "$out"
command -v qpdf >/dev/null || { echo "qpdf is needed (apt-get install qpdf)" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "hyperfine is needed (apt-get install hyperfine)" >&2; exit 1; }
root=$(pwd)
# Compiled from inside $out so swiftc's by-products (module files) land there, not in the work tree.
# The reader's hashes (MD5, SHA-2) come from BulletinDigest, compiled first as a module of its own.
(cd "$out" && swiftc -O -wmo -parse-as-library -module-name BulletinDigest -emit-module \
  -emit-module-path BulletinDigest.swiftmodule -c $(find "$root/Sources/BulletinDigest" -name '*.swift' | sort) \
  -o BulletinDigest.o \
  && swiftc -O -wmo -parse-as-library -module-name BulletinPDFReader -I "$root/Sources/CZlib" -I . \
  $(find "$root/Sources/BulletinPDFReader" -name '*.swift' | sort) "$root/bench/ReaderBenchMain.swift" BulletinDigest.o -lz \
  -o reader-bench)
producers=("$@")
[ ${#producers[@]} -gt 0 ] || producers=(cairo chromium xelatex)
for producer in "${producers[@]}"; do
  pdf="$out/$producer-75.pdf"
  if [ ! -f "$pdf" ]; then
    files=()
    pages=0
    while [ "$pages" -lt 75 ]; do
      for f in "$corpus/$producer"/*.pdf; do
        files+=("$f")
        pages=$((pages + $(qpdf --show-npages "$f")))
      done
    done
    qpdf --empty --pages "${files[@]}" -- "$out/$producer-long.pdf"
    qpdf --empty --pages "$out/$producer-long.pdf" 1-75 -- "$pdf"
  fi
  echo "== $producer: $(qpdf --show-npages "$pdf") pages, $(stat -c %s "$pdf") bytes"
  "$out/reader-bench" --text "$pdf"
  hyperfine -N --warmup 3 --runs 30 --export-json "$out/$producer.json" \
    -n reader "$out/reader-bench $pdf" \
    -n reader+text "$out/reader-bench --text $pdf" \
    -n pdftotext "pdftotext -enc UTF-8 $pdf /dev/null" >/dev/null
  python3 - "$out/$producer.json" <<'PY'
import json, statistics, sys
results = json.load(open(sys.argv[1]))["results"]
medians = {r["command"]: statistics.median(r["times"]) for r in results}
base = medians["pdftotext"]
for name, median in medians.items():
    print(f"  {name:12s} median {median*1000:8.2f} ms  {75/median:8.0f} pages/s  ({base/median:.2f}x pdftotext)")
PY
done
small=$(ls "$corpus"/cairo/*.pdf | head -1)
echo "== cold start, $(qpdf --show-npages "$small")-page file"
hyperfine -N --warmup 3 --runs 50 --export-json "$out/cold.json" -n reader "$out/reader-bench --text $small" \
  -n pdftotext "pdftotext -enc UTF-8 $small /dev/null" >/dev/null
python3 - "$out/cold.json" <<'PY'
import json, statistics, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"  {r['command']:12s} median {statistics.median(r['times'])*1000:8.2f} ms")
PY
# Wall time on a shared 2-core machine is noisy; instruction counts (callgrind) are repeatable.
if [ "${BENCH_INSTRUCTIONS:-0}" = 1 ] && command -v valgrind >/dev/null; then
  echo "== instructions (callgrind), reader+text vs pdftotext"
  count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 | awk '/refs/ {print $NF}'; }
  for producer in "${producers[@]}"; do
    pdf="$out/$producer-75.pdf"
    echo "  $producer: reader $(count "$out/reader-bench" --text "$pdf")  pdftotext $(count pdftotext -enc UTF-8 "$pdf" /dev/null)"
  done
  echo "  cold $small: reader $(count "$out/reader-bench" --text "$small")  pdftotext $(count pdftotext -enc UTF-8 "$small" /dev/null)"
fi
