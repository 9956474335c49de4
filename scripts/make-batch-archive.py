#!/usr/bin/env python3
"""Generates a test archive for `bulletin-pdf batch` benchmarks: COUNT issues made by repeating
Samples/*.json with new issue numbers, total numbers and dates, 50 issues a year, laid out as
ARCHIVE/<year>/<nnn>.json (the tree `batch` mirrors).

    python3 scripts/make-batch-archive.py /tmp/archive 2000
"""
import datetime
import glob
import json
import os
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    target, count = sys.argv[1], int(sys.argv[2])
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    samples = []
    for path in sorted(glob.glob(os.path.join(root, "Samples", "*.json"))):
        with open(path, encoding="utf-8") as f:
            samples.append(json.load(f))
    per_year = 50
    for i in range(count):
        issue = json.loads(json.dumps(samples[i % len(samples)]))
        year, number = 2000 + i // per_year, i % per_year + 1
        masthead = issue["masthead"]
        masthead["number"] = f"第{number}期"
        masthead["totalNumber"] = f"总第{1000 + i}期"
        # Weekly from the first of January; the 50th issue lands in mid-December.
        date = datetime.date(year, 1, 1) + datetime.timedelta(days=7 * (number - 1))
        masthead["date"] = f"{date.year}年{date.month}月{date.day}日"
        directory = os.path.join(target, str(year))
        os.makedirs(directory, exist_ok=True)
        with open(os.path.join(directory, f"{number:03d}.json"), "w", encoding="utf-8") as f:
            json.dump(issue, f, ensure_ascii=False, indent=1)
            f.write("\n")
    print(f"{count} issues in {target}")


if __name__ == "__main__":
    main()
