#!/usr/bin/env python3
"""Compares `bulletin-pdf extract` with the anchors installed here on the extraction corpus.

    python3 scripts/extract-compare.py [--bin PATH | --scratch-path DIR] [--corpus DIR] [--runs N] [--no-speed]

A tool (it reads ../shared/extract-corpus; the test suite never does). Runs our extractor and every
anchor that is installed — pdftotext (poppler-utils), PyMuPDF, pdfminer.six, pdfplumber (pip) — on
every corpus PDF (pdf/<producer>/<seed>.pdf), scores each text against truth/<seed>.txt with the
corpus's score.py (needs `pip install rapidfuzz`) and prints:

1. the issue's table, one row per extractor, means over the six producers: CER, CER of the body
   (furniture cut; score.py --furniture with the corpus's page number and running head), paragraph
   precision/recall with a blank line as the break, furniture leaks per
   page, spaces between Chinese characters per document, pages/s on 75-page files;
2. our figures per producer, against the targets (CER <= 0.1 %, body CER 0, P/R >= 0.95, no leak, no
   CJK gap) — they must hold on all six;
3. speed per producer: whole-process medians with hyperfine for the command-line tools (ours,
   pdftotext), in-process medians for the Python libraries, each on a 75-page PDF made by
   concatenating the producer's corpus PDFs with qpdf (as scripts/bench-reader.sh does), and a
   cold start on a 4-page file;
4. CER and paragraph precision/recall of every extractor on the repo's pages set in columns and
   in vertical writing (Tests/Fixtures/extract/columns).

--bin defaults to the release build (scripts/build-release.sh, built if
missing). Speed figures are only meaningful on an otherwise idle machine; the load average is
printed with them.
"""
import argparse
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

PRODUCERS = ["cairo", "chromium", "libreoffice", "typst", "weasyprint", "xelatex"]
# The corpus's page furniture (README there): `— N —` at every foot, `首都精神文明建设情况简报 第 N 期`
# at the head of pages 2+ (matched on score.py's normalised text: no whitespace).
FURNITURE = [r"—\d{1,3}—", r"首都精神文明建设情况简报第\d+期"]
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load_score(corpus):
    spec = importlib.util.spec_from_file_location("score", os.path.join(corpus, "score.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def page_count(path):
    out = subprocess.run(["qpdf", "--show-npages", path], capture_output=True, text=True)
    if out.returncode == 0:
        return int(out.stdout.strip())
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    return int(next(l.split()[-1] for l in info.splitlines() if l.startswith("Pages:")))


# ---- extractors: each maps a PDF path to its text -------------------------------------------

def ours(binary):
    def extract(path):
        return subprocess.run([binary, "extract", path], capture_output=True, text=True, check=True).stdout
    return extract


def pdftotext(path):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True, text=True,
                          check=True).stdout


def pymupdf_extract(path):
    import pymupdf
    with pymupdf.open(path) as doc:
        return "\f".join(page.get_text() for page in doc)


def pdfminer_extract(path):
    from pdfminer.high_level import extract_text
    return extract_text(path)


def pdfplumber_extract(path):
    import pdfplumber
    with pdfplumber.open(path) as pdf:
        return "\f".join(page.extract_text() or "" for page in pdf.pages)


def available(module):
    return importlib.util.find_spec(module) is not None


def extractors(binary):
    found = [("bulletin-pdf extract", ours(binary), "cli")]
    if shutil.which("pdftotext"):
        version = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True).stderr.split("\n")[0]
        found.append((f"pdftotext {version.split()[-1] if version else ''}".strip(), pdftotext, "cli"))
    if available("pymupdf"):
        import pymupdf
        found.append((f"PyMuPDF {pymupdf.VersionBind}", pymupdf_extract, "python"))
    if available("pdfminer"):
        import pdfminer
        found.append((f"pdfminer.six {pdfminer.__version__}", pdfminer_extract, "python"))
    if available("pdfplumber"):
        import pdfplumber
        found.append((f"pdfplumber {pdfplumber.__version__}", pdfplumber_extract, "python"))
    return found


# ---- scoring ----------------------------------------------------------------------------------

def score_all(corpus, score, name, extract):
    """Per producer: mean of each measure over its seeds."""
    rows = {}
    for producer in PRODUCERS:
        directory = os.path.join(corpus, "pdf", producer)
        if not os.path.isdir(directory):
            continue
        results = []
        for pdf in sorted(os.listdir(directory)):
            if not pdf.endswith(".pdf"):
                continue
            path = os.path.join(directory, pdf)
            truth = open(os.path.join(corpus, "truth", pdf[:-4] + ".txt"), encoding="utf-8").read()
            try:
                text = extract(path)
            except Exception as error:  # an anchor failing on a file scores as empty text
                print(f"  {name}: {producer}/{pdf}: {error}", file=sys.stderr)
                text = ""
            r = score.score(truth, text, FURNITURE)
            r["leaks_per_page"] = r["leaks"] / page_count(path)
            results.append(r)
        rows[producer] = {k: statistics.mean(r[k] for r in results)
                          for k in ("cer", "cer_body", "p_blank", "r_blank", "leaks_per_page", "cjk_gaps")}
    return rows


# ---- speed ------------------------------------------------------------------------------------

def long_pdf(corpus, producer, directory):
    """A 75-page PDF: the producer's corpus PDFs concatenated until 75 pages (qpdf)."""
    out = os.path.join(directory, f"{producer}-75.pdf")
    if os.path.exists(out):
        return out
    files, pages = [], 0
    sources = sorted(os.path.join(corpus, "pdf", producer, f)
                     for f in os.listdir(os.path.join(corpus, "pdf", producer)) if f.endswith(".pdf"))
    while pages < 75:
        for f in sources:
            files.append(f)
            pages += page_count(f)
    joined = os.path.join(directory, f"{producer}-long.pdf")
    subprocess.run(["qpdf", "--empty", "--pages", *files, "--", joined], check=True)
    subprocess.run(["qpdf", "--empty", "--pages", joined, "1-75", "--", out], check=True)
    return out


def hyperfine_median(commands, runs, directory, cpu=None):
    """Median wall time (s) of each shell command, whole process, with hyperfine; with `cpu` (a
    list), also appends each command's mean CPU time (user + system), which a loaded machine
    disturbs less than wall time."""
    report = os.path.join(directory, "hyperfine.json")
    subprocess.run(["hyperfine", "-N", "--warmup", "3", "--runs", str(runs), "--export-json", report, *commands],
                   check=True, capture_output=True)
    results = json.load(open(report))["results"]
    if cpu is not None:
        cpu += [r["user"] + r["system"] for r in results]   # hyperfine reports their means
    return [statistics.median(r["times"]) for r in results]


def python_median(extract, path, runs):
    times = []
    for _ in range(max(3, runs // 5)):
        start = time.perf_counter()
        extract(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def speed(corpus, binary, found, runs, directory):
    """pages/s per extractor per producer on the 75-page files, and a cold start."""
    table = {name: {} for name, _, _ in found}
    cpu_table = {}
    for producer in PRODUCERS:
        path = long_pdf(corpus, producer, directory)
        pages = page_count(path)
        cli = [(name, f) for name, f, kind in found if kind == "cli"]
        commands = []
        for name, _ in cli:
            commands.append(f"{binary} extract {path} -o {directory}/out.txt" if name.startswith("bulletin-pdf")
                            else f"pdftotext -enc UTF-8 {path} /dev/null")
        cpu = []
        for (name, _), median in zip(cli, hyperfine_median(commands, runs, directory, cpu)):
            table[name][producer] = pages / median
        for (name, _), seconds in zip(cli, cpu):
            cpu_table.setdefault(name, {})[producer] = pages / seconds
        for name, extract, kind in found:
            if kind == "python":
                table[name][producer] = pages / python_median(extract, path, runs)
    small = sorted(os.path.join(corpus, "pdf", "cairo", f) for f in os.listdir(os.path.join(corpus, "pdf", "cairo")))[0]
    cold = hyperfine_median([f"{binary} extract {small} -o {directory}/out.txt",
                             f"pdftotext -enc UTF-8 {small} /dev/null"], runs, directory)
    return table, cpu_table, cold, page_count(small)


# ---- report -----------------------------------------------------------------------------------

def percent(x):
    return f"{100 * x:.2f}%"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", help="bulletin-pdf binary (default: the release build)")
    parser.add_argument("--scratch-path", help="SwiftPM scratch path for the release build (default: .build)")
    parser.add_argument("--corpus", default=os.path.join(REPO, "..", "shared", "extract-corpus"))
    parser.add_argument("--runs", type=int, default=20, help="hyperfine runs per command")
    parser.add_argument("--no-speed", action="store_true", help="skip the speed measurements")
    args = parser.parse_args()

    binary = args.bin
    if not binary:
        scratch = ["--scratch-path", args.scratch_path] if args.scratch_path else []
        binary = subprocess.run(["bash", "scripts/build-release.sh", *scratch], cwd=REPO, check=True,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout.strip()
    if not available("rapidfuzz"):
        sys.exit("score.py needs rapidfuzz: pip install rapidfuzz")
    score = load_score(args.corpus)
    found = extractors(binary)
    print("extractors:", ", ".join(name for name, _, _ in found))

    scores = {name: score_all(args.corpus, score, name, extract) for name, extract, _ in found}
    speeds, cpu_speeds, cold, cold_pages = ({}, {}, None, 0)
    with tempfile.TemporaryDirectory() as directory:
        if not args.no_speed and shutil.which("hyperfine") and shutil.which("qpdf"):
            speeds, cpu_speeds, cold, cold_pages = speed(args.corpus, binary, found, args.runs, directory)

    def mean(name, key):
        return statistics.mean(row[key] for row in scores[name].values())

    print("\nMeans over the six producers (4 seeds each):\n")
    print("| extractor | CER | CER body | para P/R (blank line = break) | leaks/page | CJK gaps/doc "
          "| pages/s, 75-page PDF (median) |")
    print("|---|---|---|---|---|---|---|")
    for name, _, kind in found:
        rate = speeds.get(name, {})
        rates = ", ".join(f"{p} {rate[p]:.0f}" for p in PRODUCERS if p in rate) or "–"
        if kind == "python" and rate:
            rates += " (in-process)"
        print(f"| {name} | {percent(mean(name, 'cer'))} | {percent(mean(name, 'cer_body'))} "
              f"| {mean(name, 'p_blank'):.2f} / {mean(name, 'r_blank'):.2f} | {mean(name, 'leaks_per_page'):.2f} "
              f"| {mean(name, 'cjk_gaps'):.1f} | {rates} |")

    ours_name = found[0][0]
    print("\nbulletin-pdf extract per producer (targets: CER <= 0.10%, body 0.00%, P/R >= 0.95, no leaks, "
          "no CJK gaps):\n")
    print("| producer | CER | CER body | P / R | leaks/page | CJK gaps/doc | pages/s | x pdftotext "
          "| pages per CPU-s | x pdftotext (CPU) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    pdftotext_name = next((name for name, _, _ in found if name.startswith("pdftotext")), None)

    def cpu_cell(name, producer):
        rate = cpu_speeds.get(name, {}).get(producer)
        return f"{rate:.0f}" if rate else "–"

    def cpu_ratio(producer):
        ours_rate = cpu_speeds.get(ours_name, {}).get(producer)
        base = cpu_speeds.get(pdftotext_name, {}).get(producer)
        return f"{ours_rate / base:.2f}" if ours_rate and base else "–"
    for producer, row in scores[ours_name].items():
        rate = speeds.get(ours_name, {}).get(producer)
        base = speeds.get(pdftotext_name, {}).get(producer) if pdftotext_name else None
        ok = (row["cer"] <= 0.001 and row["p_blank"] >= 0.95 and row["r_blank"] >= 0.95
              and row["leaks_per_page"] == 0 and row["cjk_gaps"] == 0)
        print(f"| {producer} | {percent(row['cer'])} | {percent(row['cer_body'])} "
              f"| {row['p_blank']:.2f} / {row['r_blank']:.2f} | {row['leaks_per_page']:.2f} | {row['cjk_gaps']:.1f} "
              f"| {f'{rate:.0f}' if rate else '–'} | {f'{rate / base:.2f}' if rate and base else '–'} "
              f"| {cpu_cell(ours_name, producer)} | {cpu_ratio(producer)} | {'' if ok else 'MISSES TARGET'}")
    if cold:
        print(f"\ncold start, {cold_pages}-page Cairo file: bulletin-pdf {cold[0] * 1000:.1f} ms, "
              f"pdftotext {cold[1] * 1000:.1f} ms (medians)")
    if speeds:
        print(f"load average during the run: {open('/proc/loadavg').read().split()[:3]} on {os.cpu_count()} CPUs")

    # Reading order on pages set in columns and in vertical writing (the repo's fixtures, not the
    # corpus: its bulletins are all one horizontal column).
    fixture = os.path.join(REPO, "Tests", "Fixtures", "extract", "columns")
    for name, title in (("columns", "two columns with headings, three columns, English in two columns"),
                        ("vertical", "vertical writing, columns right to left")):
        pdf = os.path.join(fixture, f"chromium-{name}.pdf")
        if not os.path.exists(pdf):
            continue
        truth = open(os.path.join(fixture, f"truth-{name}.txt"), encoding="utf-8").read().replace("\n", "\n\n")
        print(f"\nTests/Fixtures/extract/columns/chromium-{name}.pdf (Chromium: {title}):\n")
        print("| extractor | CER | para P / R |")
        print("|---|---|---|")
        for extractor, extract, _ in found:
            try:
                text = extract(pdf)
            except Exception as error:
                print(f"  {extractor}: {error}", file=sys.stderr)
                text = ""
            r = score.score(truth, text, ())
            print(f"| {extractor} | {percent(r['cer'])} | {r['p_blank']:.2f} / {r['r_blank']:.2f} |")

if __name__ == "__main__":
    main()
