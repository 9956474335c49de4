#!/usr/bin/env bash
# Peak memory of `extract` against document length (a tool; reads ../shared).
#
#   bash scripts/bench-memory.sh [--bin path/to/bulletin-pdf] [pages ...]   (default: 75 6000 24000 96000)
#
# Makes .build-bench/cairo-<N>.pdf by concatenating the extraction corpus's Cairo PDFs with qpdf
# (copies of one file share fonts; each page keeps its own page object and content stream), then
# runs `extract --retain-budget 0` on each and prints the peak resident set (the kernel's maxrss)
# and the largest anonymous part seen while it ran (RssAnon, polled every 2 ms: what the process
# allocated, as opposed to pages of the mapped file and the executable, which the system can drop).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=""
if [ "${1:-}" = "--bin" ]; then bin=$2; shift 2; fi
if [ -z "$bin" ]; then
  swift build -c release --product bulletin-pdf >/dev/null
  bin=$(swift build -c release --show-bin-path)/bulletin-pdf
fi
command -v qpdf >/dev/null || { echo "qpdf is needed (apt-get install qpdf)" >&2; exit 1; }
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(75 6000 24000 96000)
out=.build-bench
mkdir -p "$out"
base="$out/cairo-long.pdf"
if [ ! -f "$base" ]; then
  qpdf --empty --pages ../shared/extract-corpus/pdf/cairo/*.pdf -- "$base"
fi
for pages in "${sizes[@]}"; do
  pdf="$out/cairo-$pages.pdf"
  if [ ! -f "$pdf" ]; then
    have=$(qpdf --show-npages "$base")
    copies=$(( (pages + have - 1) / have ))
    args=()
    for _ in $(seq "$copies"); do args+=("$base"); done
    qpdf --empty --pages "${args[@]}" -- "$out/cairo-tmp.pdf"
    qpdf --empty --pages "$out/cairo-tmp.pdf" "1-$pages" -- "$pdf"
    rm -f "$out/cairo-tmp.pdf"
  fi
done
python3 - "$bin" "$out" "${sizes[@]}" <<'PY'
import os, subprocess, sys, time
binary, out, sizes = sys.argv[1], sys.argv[2], sys.argv[3:]
print(f"{'pages':>7} {'file MB':>8} {'seconds':>8} {'peak RSS MB':>12} {'peak anon MB':>13}")
for pages in sizes:
    pdf = f"{out}/cairo-{pages}.pdf"
    start = time.monotonic()
    process = subprocess.Popen([binary, "extract", "--retain-budget", "0", pdf, "-o", "/dev/null"])
    anon = 0
    while True:
        # wait4 reaps this child only, with its own peak (ru_maxrss, KB).
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        try:
            for line in open(f"/proc/{process.pid}/status"):
                if line.startswith("RssAnon:"):
                    anon = max(anon, int(line.split()[1]))
        except (OSError, ValueError):
            pass
        time.sleep(0.002)
    seconds = time.monotonic() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"extract failed on {pdf} (exit {os.waitstatus_to_exitcode(status)})")
    print(f"{pages:>7} {os.path.getsize(pdf) / 1e6:8.1f} {seconds:8.2f} {usage.ru_maxrss / 1024:12.1f} {anon / 1024:13.1f}")
PY
