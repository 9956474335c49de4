#!/usr/bin/env python3
"""Check that each sample issue says exactly what its seed says, character by character.

Usage:
    scripts/check_samples.py [--seeds DIR] [--samples DIR]

Independent of the importer (shares no code with it). For each seed/sample pair:

1. Content characters of the seed: every non-whitespace character, with the markdown markers
   removed (a line that is only ---, a leading # / ## and its space, every **).
2. Content characters of the sample: every string in reading order, as the layout prints it
   (Sources/BulletinModel/PrintedText.swift): 【column】, （totalNumber）, （attribution）,
   heading label + text, "label：value" for footer fields and distribution lines; whitespace removed.
3. The two sequences must be identical, where a half-width , ; : ( ) ? ! in the seed also matches
   its full-width form ， ； ： （ ） ？ ！ in the sample (and nothing else is allowed to differ).
   On a difference the first one is printed with context.

Also:
- every space kept inside a sample string is listed for review; a space between a Chinese
  character and an ASCII letter/digit is a failure;
- a half-width , ; : ( ) ? ! next to a Chinese character (skipping spaces) in a sample is a failure;
- the JSON keys follow Samples/FORMAT.md (known keys, required keys, the documented key order,
  non-empty strings).

Exit status 0 when every check passes, 1 otherwise. Python 3 standard library only.
"""

import argparse
import json
import pathlib
import re
import sys
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parent.parent
PAIRS = [
    ("000_62e0ab55fab9e8aa.txt", "2020-033.json"),
    ("001_6870c9e3716b6b30.txt", "2020-038.json"),
    ("002_3542e7b5ed8bb9b8.txt", "2022-017.json"),
    ("004_3793c85bd502d58e.txt", "2021-012.json"),
]
WIDTH = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？", "!": "！"}


def chinese(c):
    """Han character or full-width/CJK punctuation (including “”‘’…—)."""
    if not c:
        return False
    if unicodedata.name(c, "").startswith(("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH")):
        return True
    o = ord(c)
    return c == "〇" or 0x3001 <= o <= 0x303F or 0xFF01 <= o <= 0xFF60 or c in "“”‘’…—·"


# ---------------------------------------------------------------------------------------------
# seed side

def seed_content(text):
    out = []
    for line in text.split("\n"):
        s = line.strip()
        if re.fullmatch(r"-{3,}", s):
            continue
        s = re.sub(r"^#+\s+", "", s)
        s = s.replace("**", "")
        out.extend(c for c in s if not c.isspace())
    return out


# ---------------------------------------------------------------------------------------------
# sample side: validation and printed strings

class Problems(list):
    def add(self, path, msg):
        self.append(f"{path}: {msg}")


KEYS = {
    "issue": (["masthead", "sections", "footer", "distribution"], ["masthead", "sections"]),
    "masthead": (["title", "number", "totalNumber", "issuer", "date", "extraLines"],
                 ["title", "number", "issuer", "date"]),
    "section": (["column", "articles"], ["articles"]),
    "article": (["kicker", "headline", "subtitle", "editorsNote", "blocks", "attribution"], ["blocks"]),
    "heading": (["heading", "label", "level"], ["heading"]),
    "footer": (["label", "value"], ["label", "value"]),
    "distribution": (["lines", "printRun", "notes"], ["lines"]),
    "line": (["label", "text"], ["label", "text"]),
}


def check_keys(obj, kind, path, problems):
    if not isinstance(obj, dict):
        problems.add(path, f"{kind} must be an object")
        return False
    allowed, required = KEYS[kind]
    keys = [k for k in obj if k != "$schema"]
    for k in keys:
        if k not in allowed:
            problems.add(path, f"unknown key {k!r}")
    for k in required:
        if k not in obj:
            problems.add(path, f"missing key {k!r}")
    order = [allowed.index(k) for k in keys if k in allowed]
    if order != sorted(order):
        problems.add(path, f"keys not in FORMAT.md order: {keys}")
    return True


def text_of(value, path, problems):
    if not isinstance(value, str) or not value.strip():
        problems.add(path, "must be a non-empty string")
        return ""
    return value


def paragraph_text(p, path, problems):
    if isinstance(p, str):
        return text_of(p, path, problems)
    if not isinstance(p, list) or not p:
        problems.add(path, "paragraph must be a string or a non-empty array of runs")
        return ""
    out = ""
    for i, run in enumerate(p):
        rp = f"{path}[{i}]"
        if isinstance(run, str):
            out += text_of(run, rp, problems)
        elif isinstance(run, dict) and len(run) == 1 and next(iter(run)) in ("bold", "title", "lead"):
            out += text_of(next(iter(run.values())), rp, problems)
        else:
            problems.add(rp, "run must be a string or {bold|title|lead: string}")
    return out


def printed_strings(issue, problems):
    """(path, text) in reading order, with what the layout adds (PrintedText.swift)."""
    items = []
    check_keys(issue, "issue", "$", problems)
    m = issue.get("masthead", {})
    if check_keys(m, "masthead", "masthead", problems):
        for i, line in enumerate(m.get("extraLines", [])):
            items.append((f"masthead.extraLines[{i}]", text_of(line, "masthead.extraLines", problems)))
        for k in ("title", "number", "totalNumber", "issuer", "date"):
            if k in m:
                t = text_of(m[k], f"masthead.{k}", problems)
                items.append((f"masthead.{k}", f"（{t}）" if k == "totalNumber" else t))
    sections = issue.get("sections", [])
    if not isinstance(sections, list) or not sections:
        problems.add("sections", "must be a non-empty array")
        sections = []
    for s, sec in enumerate(sections):
        sp = f"sections[{s}]"
        if not check_keys(sec, "section", sp, problems):
            continue
        if "column" in sec:
            items.append((f"{sp}.column", f"【{text_of(sec['column'], sp + '.column', problems)}】"))
        arts = sec.get("articles", [])
        if not isinstance(arts, list) or not arts:
            problems.add(f"{sp}.articles", "must be a non-empty array")
            arts = []
        for a, art in enumerate(arts):
            ap = f"{sp}.articles[{a}]"
            if not check_keys(art, "article", ap, problems):
                continue
            for k in ("kicker", "headline", "subtitle"):
                if k in art:
                    items.append((f"{ap}.{k}", text_of(art[k], f"{ap}.{k}", problems)))
            if "editorsNote" in art:
                items.append((f"{ap}.editorsNote", paragraph_text(art["editorsNote"], f"{ap}.editorsNote",
                                                                  problems)))
            blocks = art.get("blocks", [])
            if not isinstance(blocks, list) or not blocks:
                problems.add(f"{ap}.blocks", "must be a non-empty array")
                blocks = []
            for b, block in enumerate(blocks):
                bp = f"{ap}.blocks[{b}]"
                if isinstance(block, str):
                    items.append((bp, text_of(block, bp, problems)))
                elif isinstance(block, dict) and "heading" in block:
                    check_keys(block, "heading", bp, problems)
                    label = block.get("label", "")
                    items.append((bp, label + text_of(block["heading"], bp, problems)))
                elif isinstance(block, dict) and len(block) == 1 and next(iter(block)) in ("paragraph", "note"):
                    items.append((bp, paragraph_text(next(iter(block.values())), bp, problems)))
                else:
                    problems.add(bp, "not a Block")
            if "attribution" in art:
                items.append((f"{ap}.attribution", f"（{text_of(art['attribution'], ap, problems)}）"))
    for i, f in enumerate(issue.get("footer", [])):
        fp = f"footer[{i}]"
        if check_keys(f, "footer", fp, problems):
            items.append((fp, f"{text_of(f.get('label'), fp, problems)}：{text_of(f.get('value'), fp, problems)}"))
    d = issue.get("distribution")
    if d is not None and check_keys(d, "distribution", "distribution", problems):
        for i, line in enumerate(d.get("lines", [])):
            lp = f"distribution.lines[{i}]"
            if check_keys(line, "line", lp, problems):
                items.append((lp, f"{text_of(line.get('label'), lp, problems)}：{text_of(line.get('text'), lp, problems)}"))
        for i, note in enumerate(d.get("notes", [])):
            items.append((f"distribution.notes[{i}]", text_of(note, "distribution.notes", problems)))
        if "printRun" in d:
            items.append(("distribution.printRun", text_of(d["printRun"], "distribution.printRun", problems)))
    return items


# ---------------------------------------------------------------------------------------------

def show(seq, i, width=25):
    a = "".join(seq[max(0, i - width):i])
    b = "".join(seq[i:i + 1])
    c = "".join(seq[i + 1:i + 1 + width])
    return f"{a}⟦{b}⟧{c}"


def compare(seed_chars, sample_chars, sample_origin):
    n = min(len(seed_chars), len(sample_chars))
    for i in range(n):
        s, t = seed_chars[i], sample_chars[i]
        if s == t or WIDTH.get(s) == t:
            continue
        return (f"first difference at content character {i} (sample {sample_origin[i]}):\n"
                f"      seed:   {show(seed_chars, i)}\n"
                f"      sample: {show(sample_chars, i)}")
    if len(seed_chars) != len(sample_chars):
        longer, name = (seed_chars, "seed") if len(seed_chars) > len(sample_chars) else (sample_chars, "sample")
        return (f"lengths differ: seed {len(seed_chars)}, sample {len(sample_chars)}; "
                f"{name} continues: {''.join(longer[n:n + 40])!r}")
    return None


def check_strings(items):
    """Spaces kept (for review) and half-width punctuation next to Chinese (failure)."""
    report, failures = [], []
    for path, text in items:
        for i, c in enumerate(text):
            if c.isspace():
                left = text[i - 1] if i else ""
                right = text[i + 1] if i + 1 < len(text) else ""
                ctx = f"{text[max(0, i - 10):i]}⟦{c!r}⟧{text[i + 1:i + 11]}"
                bad = ((chinese(left) and right.isascii() and right.isalnum())
                       or (left.isascii() and left.isalnum() and chinese(right)))
                if bad:
                    failures.append(f"{path}: space between Chinese and ASCII letter/digit: {ctx}")
                elif c != " " or not left or not right or left.isspace() or right.isspace():
                    failures.append(f"{path}: unexpected whitespace {c!r} (not a single inner space): {ctx}")
                else:
                    report.append(f"{path}: {ctx}")
            elif c in WIDTH:
                j = i - 1
                while j >= 0 and text[j] == " ":
                    j -= 1
                k = i + 1
                while k < len(text) and text[k] == " ":
                    k += 1
                if (j >= 0 and chinese(text[j])) or (k < len(text) and chinese(text[k])):
                    failures.append(f"{path}: half-width {c!r} next to Chinese: "
                                    f"{text[max(0, i - 10):i]}⟦{c}⟧{text[i + 1:i + 11]}")
    return report, failures


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seeds", type=pathlib.Path, default=ROOT / "Tests" / "Fixtures" / "seeds")
    ap.add_argument("--samples", type=pathlib.Path, default=ROOT / "Samples")
    args = ap.parse_args()
    failed = False
    for seed_name, sample_name in PAIRS:
        seed_path, sample_path = args.seeds / seed_name, args.samples / sample_name
        print(f"{seed_name} ↔ {sample_name}")
        try:
            seed_text = seed_path.read_text(encoding="utf-8")
            issue = json.loads(sample_path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            print(f"  FAIL: {e}")
            failed = True
            continue
        problems = Problems()
        items = printed_strings(issue, problems)
        seed_chars = seed_content(seed_text)
        sample_chars, origin = [], []
        for path, text in items:
            for c in text:
                if not c.isspace():
                    sample_chars.append(c)
                    origin.append(path)
        diff = compare(seed_chars, sample_chars, origin)
        widened = sum(1 for s, t in zip(seed_chars, sample_chars) if s != t)
        spaces, string_failures = check_strings(items)
        for p in problems:
            print(f"  FAIL (format): {p}")
        if diff:
            print(f"  FAIL (content): {diff}")
        else:
            print(f"  content: {len(seed_chars)} characters identical "
                  f"({widened} half-width marks of the seed are full-width in the sample)")
        for f in string_failures:
            print(f"  FAIL (text): {f}")
        for s in spaces:
            print(f"  space kept: {s}")
        if problems or diff or string_failures:
            failed = True
    print("FAILED" if failed else "OK: all samples match their seeds")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
