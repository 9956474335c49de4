#!/usr/bin/env python3
"""Reads a folder of real-world PDFs with `bulletin-pdf extract --keep-furniture` and with pdftotext, and
prints, per file and in total, the characters pdftotext finds that ours does not (and the reverse):
a hunt for text our reader loses, not a score (pdftotext is wrong too at times — garbage from fonts
with no Unicode, RTL marks). Whitespace and control characters are not counted; NFKC-folded.
A tool for us (not part of the test suite).

    python3 scripts/realworld-compare.py DIR [--bin PATH] [--top N] [--jobs N]

e.g. the ~970 PDFs of pdf.js's test suite: fetch mozilla/pdf.js and copy test/pdfs/*.pdf to DIR.
"""
import argparse, collections, concurrent.futures, glob, os, re, subprocess, unicodedata

parser = argparse.ArgumentParser()
parser.add_argument('folder')
parser.add_argument('--bin', default=os.path.join(os.path.dirname(__file__), '..', '.build', 'release', 'bulletin-pdf'))
parser.add_argument('--top', type=int, default=40)
parser.add_argument('--jobs', type=int, default=os.cpu_count() or 2)
args = parser.parse_args()


def characters(text):
    return collections.Counter(c for c in unicodedata.normalize('NFKC', text)
                               if not c.isspace() and unicodedata.category(c)[0] != 'C')


def run(command):
    try:
        done = subprocess.run(command, capture_output=True, timeout=60)
        return done.returncode, done.stdout.decode('utf-8', 'replace'), done.stderr.decode('utf-8', 'replace')
    except subprocess.TimeoutExpired:
        return 'timeout', '', ''


def compare(path):
    code, ours, errors = run([args.bin, 'extract', '--keep-furniture', path])
    _, theirs, _ = run(['pdftotext', '-enc', 'UTF-8', path, '-'])
    a, b = characters(ours), characters(theirs)
    return path, code, sum(b.values()), sum((b - a).values()), sum((a - b).values()), errors


paths = sorted(glob.glob(os.path.join(args.folder, '*.pdf')))
with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
    rows = list(pool.map(compare, paths))
failed = [r for r in rows if r[1] != 0]
rows.sort(key=lambda r: -r[3])
print(f'{"file":40} {"exit":>5} {"pdftotext":>9} {"we miss":>8} {"we add":>7}')
for path, code, total, missing, extra, _ in rows[:args.top]:
    if missing:
        print(f'{os.path.basename(path)[:40]:40} {code!s:>5} {total:9} {missing:8} {extra:7}')
total = sum(r[2] for r in rows)
missing = sum(r[3] for r in rows)
# Glyphs drawn outside the crop box are left out by design (pdftotext reads the whole media box);
# a warning names each page that has them. The misses in the other files compare with pdftotext
# like for like.
off_page_pattern = re.compile(r'glyph\(s\) drawn outside the visible page')
cropped = [r for r in rows if off_page_pattern.search(r[5])]
rest_total = sum(r[2] for r in rows if r not in cropped)
rest_missing = sum(r[3] for r in rows if r not in cropped)
print(f'\n{len(rows)} files, {len(failed)} refused by us (exit ≠ 0); pdftotext characters {total}, '
      f'of which we miss {missing} ({100 * missing / max(total, 1):.2f} %); we add {sum(r[4] for r in rows)}')
print(f'{len(cropped)} files have text drawn off the visible page (crop box), which we leave out by design '
      f'(we miss {missing - rest_missing} there); in the other files we miss {rest_missing} of {rest_total} '
      f'({100 * rest_missing / max(rest_total, 1):.2f} %)')
for path, code, *_, errors in failed:
    print(f'  {os.path.basename(path)}: {errors.strip().splitlines()[-1] if errors.strip() else code}')
