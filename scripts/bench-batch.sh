#!/usr/bin/env bash
# Benchmark of `bulletin-pdf batch` (a measurement, never a test). Builds a release binary,
# generates an archive of COUNT issues (default 2000) by repeating Samples/*.json with new numbers
# (scripts/make-batch-archive.py), then measures:
#   - a full run with --jobs 1 and with --jobs 2 (fresh output each): wall time, issues/s,
#     scaling, peak RSS (/usr/bin/time -v), CPU time;
#   - peak RSS of a run over a quarter of the archive (memory must not grow with the issue count);
#   - a no-change re-run (hyperfine median of 10);
#   - the batch's own overhead next to typesetting, from the phase timers of --report;
#   - on a shared machine, how long the workers waited for a CPU others held (schedstat), and the
#     wall time and scaling without that wait — an estimate, printed as such.
# Usage: bash scripts/bench-batch.sh [COUNT]      (SCRATCH=.build-xyz to choose the build directory)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-2000}
scratch=${SCRATCH:-.build-bench}
bin=$(bash scripts/build-release.sh --scratch-path "$scratch")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export BULLETIN_PDF_CACHE="$work/cache"

python3 scripts/make-batch-archive.py "$work/archive" "$count" >&2
python3 scripts/make-batch-archive.py "$work/quarter" "$((count / 4))" >&2

run() {  # run NAME ARGS…: one timed batch; report $work/NAME.json, /usr/bin/time -v $work/NAME.time,
         # thread scheduler statistics $work/NAME.probe
  local name=$1; shift
  python3 scripts/bench_probe.py "$work/$name.probe" "$work/$name.time" -- "$bin" batch "$@" -q --report "$work/$name.json"
}
# First run only warms the font-hash cache and the page cache, so both timed runs start alike.
run warm "$work/quarter" -o "$work/warm-out" --jobs 2
for jobs in 1 2; do
  rm -rf "$work/out"
  run "jobs$jobs" "$work/archive" -o "$work/out" --jobs "$jobs"
done
run quarter "$work/quarter" -o "$work/quarter-out" --jobs 2
run rerun "$work/archive" -o "$work/out" --jobs 2
hyperfine --style basic --warmup 1 --runs 10 --export-json "$work/hyperfine.json" \
  "$bin batch $work/archive -o $work/out -q" >&2

python3 - "$work" "$count" <<'PY'
import json, re, sys
work, count = sys.argv[1], int(sys.argv[2])

def time_v(name):
    text = open(f"{work}/{name}.time").read()
    get = lambda key: re.search(re.escape(key) + r": (.*)", text).group(1)
    wall = get("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")
    seconds = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
    return seconds, int(get("Maximum resident set size (kbytes)")) / 1024, float(get("User time (seconds)")) + float(get("System time (seconds)"))

def report(name):
    return json.load(open(f"{work}/{name}.json"))

print(f"archive: {count} issues (Samples repeated), machine: {open('/proc/cpuinfo').read().count('processor')} cores")
rates = {}
for jobs in (1, 2):
    wall, rss, cpu = time_v(f"jobs{jobs}")
    r = report(f"jobs{jobs}")
    c = r["counts"]
    rates[jobs] = c["built"] / wall
    print(f"--jobs {jobs}: {wall:7.2f} s wall, {rates[jobs]:6.1f} issues/s, {c['pagesBuilt'] / wall:6.0f} pages/s, "
          f"peak RSS {rss:5.0f} MB, CPU {cpu:7.2f} s ({1000 * cpu / c['built']:.1f} ms/issue), "
          f"built {c['built']}, failed {c['failed']}")
print(f"scaling 1 → 2 jobs: {rates[2] / rates[1]:.2f}× (measured wall time)")
estimates = {}
for jobs in (1, 2):
    probe = json.load(open(f"{work}/jobs{jobs}.probe"))
    workers = sorted(probe["threads"], key=lambda t: -t["cpu"])[:jobs]
    waited = min(t["wait"] for t in workers)
    estimates[jobs] = probe["wall"] - waited
    print(f"--jobs {jobs}: workers waited {', '.join('%.1f' % t['wait'] for t in workers)} s for a CPU held by other "
          f"processes, blocked {', '.join('%.1f' % max(0, t['life'] - t['cpu'] - t['wait']) for t in workers)} s; "
          f"without the CPU wait ≈ {estimates[jobs]:.1f} s, {report('jobs%d' % jobs)['counts']['built'] / estimates[jobs]:.0f} issues/s")
print(f"estimated scaling 1 → 2 jobs with the cores free: {estimates[1] / estimates[2]:.2f}×")
_, rss_quarter, _ = time_v("quarter")
_, rss_full, _ = time_v("jobs2")
print(f"peak RSS, --jobs 2: {count // 4} issues {rss_quarter:.0f} MB, {count} issues {rss_full:.0f} MB")
runs = json.load(open(f"{work}/hyperfine.json"))["results"][0]
print(f"no-change re-run of {count}: median {runs['median']:.3f} s (min {runs['min']:.3f}, max {runs['max']:.3f}, 10 runs)")

print("\nwhere the time goes (--jobs 2 full run; per-issue phases are summed worker seconds):")
t = report("jobs2")["timings"]
p = t["perIssue"]
typesetting = p["decode"] + p["layout"] + p["pdf"] + p["png"]
overhead = p["readAndHash"] + p["write"]
for key in ("decode", "layout", "pdf", "png", "readAndHash", "write"):
    print(f"  {key:12s} {p[key]:8.2f} s  {1000 * p[key] / count:6.2f} ms/issue")
print(f"  run steps: discovery {t['discovery']:.3f} s, settings {t['settings']:.3f} s, "
      f"manifest open {t['manifestOpen']:.3f} s, close {t['manifestClose']:.3f} s, total wall {t['total']:.2f} s")
print(f"  batch overhead (read+hash, write+journal, run steps): "
      f"{100 * (overhead + t['discovery'] + t['settings'] + t['manifestOpen'] + t['manifestClose']) / (typesetting + overhead):.1f} % of worker time")
t = report("rerun")["timings"]
print(f"no-change re-run phases: discovery {t['discovery']:.3f} s, manifest open {t['manifestOpen']:.3f} s, "
      f"issues (read+hash+check) {t['issues']:.3f} s, manifest close {t['manifestClose']:.3f} s, total {t['total']:.3f} s")
PY
