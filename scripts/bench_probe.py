#!/usr/bin/env python3
"""Runs a command under /usr/bin/time -v and samples the scheduler statistics of its threads
(/proc/PID/task/TID/schedstat: nanoseconds on a CPU, nanoseconds waiting for one) until it exits.
Writes JSON to OUT: wall seconds, and per thread: lifetime, on-CPU and run-queue wait seconds.

On a shared machine the run-queue wait is the time other people's processes took; subtracting it
estimates what the run would take with the cores to itself (see scripts/bench-batch.sh).

    python3 scripts/bench_probe.py OUT.json TIME.txt -- command args...
"""
import json
import os
import subprocess
import sys
import time


def children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(x) for x in f.read().split()]
    except OSError:
        return []


def main():
    out, time_file, _, *command = sys.argv[1:]
    started = time.monotonic()
    runner = subprocess.Popen(["/usr/bin/time", "-v", "-o", time_file] + command,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    threads = {}
    while runner.poll() is None:
        for pid in children(runner.pid):
            try:
                tids = os.listdir(f"/proc/{pid}/task")
            except OSError:
                continue
            for tid in tids:
                try:
                    with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                        cpu, wait, _ = map(int, f.read().split())
                except (OSError, ValueError):
                    continue
                first = threads.get(tid, {}).get("first", time.monotonic())
                threads[tid] = {"first": first, "last": time.monotonic(), "cpu": cpu / 1e9, "wait": wait / 1e9}
        time.sleep(0.02)
    wall = time.monotonic() - started
    busy = [t for t in threads.values() if t["cpu"] > 0.05]
    json.dump({"wall": wall, "status": runner.returncode,
               "threads": [{"life": t["last"] - t["first"], "cpu": t["cpu"], "wait": t["wait"]} for t in busy]},
              open(out, "w"))


if __name__ == "__main__":
    main()
