#!/usr/bin/env python3
"""Derive the sample issues Samples/*.json from the archive seed texts.

Usage:
    scripts/seed_samples.py [-v] [--seeds DIR] [--out DIR] [SEED.txt ...]

Without SEED arguments, the four known seeds in Tests/Fixtures/seeds/ (copies of ../shared/seeds/)
are converted to Samples/2020-033.json, 2020-038.json, 2022-017.json and 2021-012.json.

This is a pragmatic converter for these four seeds (the real importer will be written in Swift),
but it never hand-edits content: every character of the output comes from the seed, and every change
is made by one of the rules below (bulletin-format.md §2) and logged with -v:

  heal      a blank line inside a sentence is a page break: the two chunks are joined with "" (§2.1)
  width     half-width , ; : ( ) ? ! next to Chinese (skipping spaces) become ， ； ： （ ） ？ ！;
            brackets are matched pairwise and converted together (§2.2)
  space     a single space between a Chinese character and an ASCII letter/digit is removed (§2.3)
  markdown  #, ##, ** and --- are removed; they serve as structure hints only (§2.4)
  structure masthead fields, columns, kicker/headline, headings, run-in titles, sub-leads,
            attributions, footer fields and distribution lines are recognised; the brackets, colons
            and labels the layout prints itself are stripped (FORMAT.md)

Python 3 standard library only.
"""

import argparse
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
DEFAULT_SEEDS = ROOT / "Tests" / "Fixtures" / "seeds"
DEFAULT_OUT = ROOT / "Samples"

# seed file name prefix -> sample file name (year of the date + issue number)
SAMPLE_NAMES = {
    "000": "2020-033.json",
    "001": "2020-038.json",
    "002": "2022-017.json",
    "004": "2021-012.json",
}

# Marks the point where a page break was healed. It never reaches the output; it lets the
# sub-lead rule (see infer_lost_leads) know which text came from the next page.
JOIN = "\ue000"

VERBOSE = False
LOG = []


def log(rule, where, what):
    LOG.append((rule, where, what))
    if VERBOSE:
        print(f"  [{rule}] {where}: {what}", file=sys.stderr)


# ---------------------------------------------------------------------------------------------
# Character classes

CJK_PUNCT = set("“”‘’…—·")


def is_han(c):
    o = ord(c)
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF
            or 0x20000 <= o <= 0x2FFFF or c == "〇")


def is_chinese(c):
    """A Chinese character or Chinese (full-width) punctuation mark."""
    if not c:
        return False
    o = ord(c)
    return (is_han(c) or 0x3000 < o <= 0x303F or 0xFF01 <= o <= 0xFF60 or c in CJK_PUNCT)


def is_ascii_alnum(c):
    return bool(c) and c.isascii() and c.isalnum()


HALF_TO_FULL = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？", "!": "！"}
SKIP = {" ", "*", JOIN}  # skipped when looking for the neighbour of a punctuation mark


def context(s, i, width=12):
    return (s[max(0, i - width):i] + "⟦" + s[i:i + 1] + "⟧" + s[i + 1:i + 1 + width]).replace(JOIN, "⏎")


# ---------------------------------------------------------------------------------------------
# Chunks

class Chunk:
    def __init__(self, text, line, hint=None):
        self.text = text
        self.line = line      # 1-based line number in the seed (of the first part)
        self.hint = hint      # None, "h1" (# ), "h2" (## ), "rule" (---)

    def __repr__(self):
        return f"Chunk({self.line}, {self.hint}, {self.text[:20]!r})"


def read_chunks(text, name):
    """Blank lines separate chunks. In the seeds every chunk is one line."""
    chunks = []
    prev_blank = True
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            prev_blank = True
            continue
        if not prev_blank:
            raise SystemExit(f"{name}:{n}: two consecutive non-blank lines; not expected in a seed")
        prev_blank = False
        hint = None
        if re.fullmatch(r"-{3,}", line):
            log("markdown", f"{name}:{n}", "removed rule '---' (masthead/版记 rule)")
            chunks.append(Chunk("", n, "rule"))
            continue
        m = re.match(r"(#{1,6})\s+", line)
        if m:
            hint = "h1" if len(m.group(1)) == 1 else "h2"
            log("markdown", f"{name}:{n}", f"removed heading marker {m.group(0)!r}")
            line = line[m.end():]
        chunks.append(Chunk(line, n, hint))
    return chunks


# ---------------------------------------------------------------------------------------------
# §2.1 page breaks

UNIT_SUFFIX = r"(?:办|处|委|局|部|厅|室|院|会|组|中心|站|所|队|馆|社)"
ATTRIBUTION_ONLY = re.compile(r"[（(]\s*([^()（）\s，,。]{2,30}?" + UNIT_SUFFIX + r")\s*[）)]")
INLINE_ATTRIBUTION = re.compile(r"(?<=[。！？!?])(\s*)[（(]\s*([^()（）\s，,。]{2,30}?" + UNIT_SUFFIX
                                + r")\s*[）)]$")
FOOTER_LABELS = ("责编", "核稿", "电话", "传真", "邮箱")
FOOTER_RE = re.compile(r"(" + "|".join(FOOTER_LABELS) + r")\s*[:：]\s*(.+)")
DIST_RE = re.compile(r"(报|送|发|抄报|抄送)\s*[:：]\s*(.+)")
CN_NUM = "〇零一二三四五六七八九十百"
HEADING_LABEL = re.compile(r"([" + CN_NUM + r"]+、|[（(][" + CN_NUM + r"]+[）)]|\d+[.．]\s*|[（(]\d+[）)])")


def plain(s):
    return s.replace("**", "").replace(JOIN, "")


def ends_terminal(s):
    s = plain(s).rstrip()
    if not s:
        return True
    if s[-1] in "。！？；…!?;)）】":
        return True
    return len(s) >= 2 and s[-1] in "”’" and s[-2] in "。！？!?"


def starts_structure(chunk):
    if chunk.hint in ("rule", "h1", "h2"):
        return True
    s = plain(chunk.text)
    return bool(
        s.startswith("【")
        or re.match(r"[" + CN_NUM + r"]+、", s)
        or re.match(r"[（(][" + CN_NUM + r"]+[）)]", s)
        or re.match(r"第[" + CN_NUM + r"]+[，,]", s)
        or re.match(r"\d+[.．]\s", s)
        or ATTRIBUTION_ONLY.fullmatch(s)
        or FOOTER_RE.match(s)
        or DIST_RE.match(s))


def is_body_paragraph(chunk):
    s = plain(chunk.text)
    return chunk.hint is None and len(s) > 40 and any(c in s for c in ",，。")


def heal_page_breaks(chunks, name):
    """§2.1 rule of thumb: join a body paragraph that stops mid-sentence with the next chunk."""
    out = []
    i = 0
    while i < len(chunks):
        cur = chunks[i]
        while (is_body_paragraph(cur) and not ends_terminal(cur.text) and i + 1 < len(chunks)
               and not starts_structure(chunks[i + 1])):
            nxt = chunks[i + 1]
            log("heal", f"{name}:{cur.line}+{nxt.line}",
                f"page break joined: …{plain(cur.text)[-8:]}⏎{plain(nxt.text)[:8]}…")
            cur = Chunk(cur.text + JOIN + nxt.text, cur.line, cur.hint)
            i += 1
        out.append(cur)
        i += 1
    return out


# ---------------------------------------------------------------------------------------------
# §2.2 punctuation width, §2.3 spaces

def neighbour(s, i, step):
    j = i + step
    while 0 <= j < len(s) and s[j] in SKIP:
        j += step
    return s[j] if 0 <= j < len(s) else ""


def normalize_width(s, where):
    chars = list(s)
    # brackets: match pairwise (either width), decide per pair
    stack, pairs, lone = [], [], []
    for i, c in enumerate(s):
        if c in "(（":
            stack.append(i)
        elif c in ")）":
            if stack:
                pairs.append((stack.pop(), i))
            else:
                lone.append(i)
    lone.extend(stack)
    for o, c in pairs:
        if s[o] == "(" or s[c] == ")":
            chinese = (s[o] == "（" or s[c] == "）"
                       or any(is_chinese(neighbour(s, k, d)) for k in (o, c) for d in (-1, 1)))
            if chinese:
                for k in (o, c):
                    if s[k] in HALF_TO_FULL:
                        chars[k] = HALF_TO_FULL[s[k]]
                log("width", where, f"bracket pair → （…）: {context(s, o)} … {context(s, c)}")
            else:
                log("width", where, f"bracket pair kept half-width (no Chinese neighbour): {context(s, o)}")
    for i, c in enumerate(s):
        if c in ",;:?!" or (i in lone and c in "()"):
            if is_chinese(neighbour(s, i, -1)) or is_chinese(neighbour(s, i, 1)):
                chars[i] = HALF_TO_FULL[c]
                log("width", where, f"{c!r} → {HALF_TO_FULL[c]!r}: {context(s, i)}")
            else:
                log("width", where, f"{c!r} kept half-width (no Chinese neighbour): {context(s, i)}")
    return "".join(chars)


def normalize_spaces(s, where):
    out = []
    for i, c in enumerate(s):
        if c == " ":
            left = s[i - 1] if i > 0 else ""
            right = s[i + 1] if i + 1 < len(s) else ""
            single = left != " " and right != " "
            if single and ((is_chinese(left) and is_ascii_alnum(right))
                           or (is_ascii_alnum(left) and is_chinese(right))):
                log("space", where, f"removed space: {context(s, i)}")
                continue
            if left not in ("", " ") and right not in ("", " "):
                log("space", where, f"kept space (content): {context(s, i)}")
        out.append(c)
    return "".join(out)


def normalize(chunk, name):
    where = f"{name}:{chunk.line}"
    s = normalize_width(chunk.text, where)
    s = normalize_spaces(s, where)
    chunk.text = s.strip()
    return chunk


# ---------------------------------------------------------------------------------------------
# Structure

def parse_runs(s, where):
    """Split a paragraph at ** markers: [(role, text)], role None for plain text."""
    parts = s.split("**")
    if len(parts) % 2 == 0:
        raise SystemExit(f"{where}: unbalanced ** markers")
    runs = []
    for k, part in enumerate(parts):
        if not part:
            continue
        if k % 2 == 1:
            # ** around a whole sentence is a title or sub-lead, otherwise emphasis
            role = "lead" if plain(part).rstrip()[-1:] in "。！？" else "bold"
            runs.append([role, part])
            log("markdown", where, f"removed ** around {plain(part)!r}")
        else:
            runs.append([None, part])
    return runs


def split_first_sentence(s):
    """(first sentence incl. its 。！？, rest), the mark outside quotes/brackets; or None."""
    depth = 0
    for i, c in enumerate(s):
        if c in "“‘《（(【":
            depth += 1
        elif c in "”’》）)】":
            depth -= 1
        elif c in "。！？" and depth == 0:
            return s[:i + 1], s[i + 1:]
    return None


def sentences(s):
    """Split at 。！？ outside quotes/brackets; yields (start offset, sentence)."""
    start, rest = 0, s
    while rest:
        cut = split_first_sentence(rest)
        if not cut:
            yield start, rest
            return
        yield start, cut[0]
        start += len(cut[0])
        rest = cut[1]


def is_headline_like(s):
    p = plain(s)
    return (0 < len(p) <= 40 and not ends_terminal(p) and not any(c in p for c in ",，。；")
            and not HEADING_LABEL.match(p))


def parse_masthead(chunks, name):
    m = {"title": None, "number": None, "totalNumber": None, "issuer": None, "date": None,
         "extraLines": []}
    date_re = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月"
                         r"[一二三四五六七八九十]{1,3}日")
    i = 0
    while i < len(chunks) and chunks[i].hint == "rule":
        i += 1
    m["title"] = chunks[i].text
    i += 1
    while i < len(chunks) and m["date"] is None:
        s = chunks[i].text
        where = f"{name}:{chunks[i].line}"
        if chunks[i].hint == "rule":
            pass
        elif m["number"] is None and re.fullmatch(r"(?:\d{4}年)?(?:增刊)?第\S+期", s):
            m["number"] = s
        elif re.fullmatch(r"[（(](总第\S+期)[）)]", s):
            m["totalNumber"] = s[1:-1]
            log("structure", where, f"totalNumber: brackets removed (layout prints （{s[1:-1]}）)")
        elif date_re.fullmatch(s):
            m["date"] = s
        elif m["number"] and date_re.search(s) and date_re.search(s).end() == len(s):
            d = date_re.search(s)
            m["issuer"], m["date"] = s[:d.start()].strip(), d.group(0)
            log("structure", where, "issuer and date on one line: split at the spaces before the date")
        elif m["number"] and m["issuer"] is None:
            m["issuer"] = s
        else:
            m["extraLines"].append(s)
        i += 1
    while i < len(chunks) and chunks[i].hint == "rule":
        i += 1
    for k in ("title", "number", "issuer", "date"):
        if not m[k]:
            raise SystemExit(f"{name}: masthead field {k} not found")
    return m, i


def new_article():
    return {"kicker": None, "headline": None, "subtitle": None, "blocks": [], "attribution": None}


def parse_body(chunks, name):
    sections = []
    section = None
    article = None

    def close():
        nonlocal article
        if article is not None and (article["blocks"] or article["headline"]):
            if not article["blocks"]:
                raise SystemExit(f"{name}: article {article['headline']!r} has no body")
            if section is None:
                sections.append({"column": None, "articles": []})
            sections[-1]["articles"].append(article)
            if article["attribution"] is None:
                log("structure", name, "WARNING: article without attribution")
        article = None

    for ch in chunks:
        s = ch.text
        where = f"{name}:{ch.line}"
        if ch.hint == "rule":
            continue
        m = re.fullmatch(r"【(.+)】", plain(s))
        if m:
            close()
            section = {"column": m.group(1), "articles": []}
            sections.append(section)
            log("structure", where, f"column {m.group(1)!r} (【】 printed by the layout)")
            continue
        m = ATTRIBUTION_ONLY.fullmatch(plain(s))
        if m:
            if article is None:
                raise SystemExit(f"{where}: attribution outside an article")
            article["attribution"] = m.group(1)
            log("structure", where, f"attribution on its own line: {m.group(1)!r}, brackets removed")
            close()
            continue
        m = HEADING_LABEL.match(plain(s))
        if m and not m.group(0)[0].isdigit() and len(plain(s)) <= 40 and not ends_terminal(s) \
                and "，" not in s:
            if article is None:
                article = new_article()
            article["blocks"].append({"heading": plain(s)[m.end():], "label": m.group(0)})
            log("structure", where, f"heading {m.group(0)!r} {plain(s)[m.end():]!r}")
            continue
        if is_headline_like(s):
            if article is not None and article["blocks"]:
                close()
            if article is None:
                article = new_article()
            if article["headline"] is None:
                article["headline"] = plain(s)
                log("structure", where, f"headline {plain(s)!r}")
            elif article["kicker"] is None and not plain(s).startswith("——"):
                article["kicker"] = article["headline"]
                article["headline"] = plain(s)
                log("structure", where, f"previous line is the kicker (引题), headline {plain(s)!r}")
            elif article["subtitle"] is None:
                article["subtitle"] = plain(s)
                log("structure", where, f"subtitle {plain(s)!r}")
            else:
                raise SystemExit(f"{where}: too many title lines")
            continue
        # a body paragraph
        runs = parse_runs(s, where)
        starts_with_title = runs[0][0] == "lead"  # the paragraph opens with **…。**
        if starts_with_title and article is not None and article["blocks"] and not article["headline"]:
            log("structure", where, "WARNING: run-in title starts a new article without attribution")
            close()
        if article is None:
            article = new_article()
        if starts_with_title and not article["blocks"] and not article["headline"]:
            runs[0][0] = "title"
            log("structure", where, f"run-in title (**): {plain(runs[0][1])!r}")
        # inline attribution at the paragraph end
        close_after = False
        if runs[-1][0] is None:
            m = INLINE_ATTRIBUTION.search(runs[-1][1])
            if m:
                article["attribution"] = m.group(2)
                runs[-1][1] = runs[-1][1][:m.start()]
                if not runs[-1][1]:
                    runs.pop()
                log("structure", where, f"inline attribution at paragraph end: {m.group(2)!r}, "
                    f"brackets{' and space before' if m.group(1) else ''} removed")
                close_after = True
        article["blocks"].append({"runs": runs, "where": where})
        if close_after:
            close()
    close()
    return sections


def infer_titles(sections, name):
    """000 and 001: the first article on page 1 lost its ** although its title was bold.

    Rule: in a section where another article has a run-in title (**…** at the start of its first
    paragraph), an article without a headline and without a run-in title takes the first sentence
    of its first paragraph (up to the first 。！？ outside quotes and brackets) as its title."""
    for sec in sections:
        arts = sec["articles"]
        has_runin = any(a["blocks"] and "runs" in a["blocks"][0] and a["blocks"][0]["runs"][0][0] == "title"
                        for a in arts)
        if not has_runin:
            continue
        for a in arts:
            b = a["blocks"][0]
            if a["headline"] or "runs" not in b or b["runs"][0][0] is not None:
                continue
            cut = split_first_sentence(b["runs"][0][1])
            if not cut:
                continue
            b["runs"][0:1] = [["title", cut[0]], [None, cut[1]]] if cut[1] else [["title", cut[0]]]
            log("structure", b["where"], f"run-in title without ** inferred (sibling articles have "
                f"run-in titles): {plain(cut[0])!r}")


def infer_lost_leads(sections, name):
    """001: the list of seven sub-leads 带头…。 (the article's title announces “七带头”) keeps its **
    only before the page break (the first four); the markers were lost on the next page, so
    带头参与公益活动。带头开展帮扶共建。带头助力文明创建。 arrive plain. All seven are one list of the same
    construct and were set alike in the original, so all seven become {"lead": …}.

    Rule: when a paragraph has at least two **-marked sub-leads that share a common prefix of at
    least two characters (here 带头), and the paragraph continues across a healed page break after
    the last marked sub-lead, then every sentence after that page break that starts with the same
    prefix, has no comma and is no longer than the longest marked sub-lead is also a sub-lead.
    The same construct without any ** in the whole paragraph (000: 高标准，全覆盖。; 001 延庆:
    …助创城。; 004: 完善制度规范，夯实工作基础。) stays plain text: there is no marker to extend."""
    for sec in sections:
        for a in sec["articles"]:
            for b in a["blocks"]:
                runs = b.get("runs")
                if not runs:
                    continue
                leads = [plain(t) for r, t in runs if r == "lead"]
                if len(leads) < 2:
                    continue
                prefix = leads[0]
                for t in leads[1:]:
                    while not t.startswith(prefix):
                        prefix = prefix[:-1]
                if len(prefix) < 2:
                    continue
                last = max(k for k, r in enumerate(runs) if r[0] == "lead")
                maxlen = max(len(t) for t in leads)
                new_runs = runs[:last + 1]
                after_break = False
                for role, text in runs[last + 1:]:
                    if role is not None:
                        new_runs.append([role, text])
                        continue
                    j = text.find(JOIN)
                    if j < 0 and not after_break:
                        new_runs.append([None, text])
                        continue
                    brk = 0 if after_break else j
                    after_break = True
                    buf = ""
                    for start, sent in sentences(text):
                        p = plain(sent)
                        if (start >= brk and p.startswith(prefix) and "，" not in p
                                and len(p) <= maxlen and p[-1:] in "。！？"):
                            if buf:
                                new_runs.append([None, buf])
                                buf = ""
                            new_runs.append(["lead", sent])
                            log("structure", b["where"], f"sub-lead after page break without ** "
                                f"(list {prefix}… marked on the previous page): {p!r}")
                        else:
                            buf += sent
                    if buf:
                        new_runs.append([None, buf])
                b["runs"] = new_runs


def parse_tail(chunks, name):
    footer, lines, notes, print_run = [], [], [], None
    for ch in chunks:
        if ch.hint == "rule":
            continue
        s = ch.text
        m = FOOTER_RE.fullmatch(s)
        if m and not lines:
            footer.append({"label": m.group(1), "value": m.group(2)})
            continue
        m = DIST_RE.fullmatch(s)
        if m:
            text = m.group(2)
            pr = re.search(r"\s*(共印\d+份)$", text)
            if pr:
                print_run, text = pr.group(1), text[:pr.start()]
            lines.append({"label": m.group(1), "text": text})
            continue
        if lines:
            notes.append(s)
            continue
        raise SystemExit(f"{name}:{ch.line}: unrecognised line after the body: {s!r}")
    log("structure", name, f"footer {[f['label'] for f in footer]}, distribution "
        f"{[l['label'] for l in lines]} (the layout prints the ：)")
    dist = None
    if lines:
        dist = {"lines": lines}
        if print_run:
            dist["printRun"] = print_run
        if notes:
            dist["notes"] = notes
    return footer, dist


# ---------------------------------------------------------------------------------------------
# Output in FORMAT.md key order

def clean(s):
    return s.replace(JOIN, "").replace("**", "")


def paragraph_json(runs):
    merged = []
    for role, text in runs:
        text = clean(text)
        if not text:
            continue
        if role is None and merged and isinstance(merged[-1], str):
            merged[-1] += text
        else:
            merged.append(text if role is None else {role: text})
    if len(merged) == 1 and isinstance(merged[0], str):
        return merged[0]
    return {"paragraph": merged}


def issue_json(masthead, sections, footer, dist):
    mh = {k: masthead[k] for k in ("title", "number", "totalNumber", "issuer", "date") if masthead[k]}
    if masthead["extraLines"]:
        mh["extraLines"] = masthead["extraLines"]
    out_sections = []
    for sec in sections:
        o = {}
        if sec["column"]:
            o["column"] = sec["column"]
        arts = []
        for a in sec["articles"]:
            ao = {k: a[k] for k in ("kicker", "headline", "subtitle") if a[k]}
            blocks = []
            for b in a["blocks"]:
                if "runs" in b:
                    blocks.append(paragraph_json(b["runs"]))
                else:
                    blocks.append(b)
            ao["blocks"] = blocks
            if a["attribution"]:
                ao["attribution"] = a["attribution"]
            arts.append(ao)
        o["articles"] = arts
        out_sections.append(o)
    issue = {"masthead": mh, "sections": out_sections}
    if footer:
        issue["footer"] = footer
    if dist:
        issue["distribution"] = dist
    return issue


def convert(path):
    name = path.name
    text = path.read_text(encoding="utf-8")
    chunks = read_chunks(text, name)
    chunks = heal_page_breaks(chunks, name)
    chunks = [normalize(c, name) for c in chunks]
    masthead, i = parse_masthead(chunks, name)
    j = next((k for k in range(i, len(chunks)) if FOOTER_RE.fullmatch(chunks[k].text)
              or DIST_RE.fullmatch(chunks[k].text)), len(chunks))
    sections = parse_body(chunks[i:j], name)
    infer_titles(sections, name)
    infer_lost_leads(sections, name)
    footer, dist = parse_tail(chunks[j:], name)
    return issue_json(masthead, sections, footer, dist)


def main():
    global VERBOSE
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("seeds", nargs="*", type=pathlib.Path)
    ap.add_argument("--seeds-dir", type=pathlib.Path, default=DEFAULT_SEEDS)
    ap.add_argument("--out", type=pathlib.Path, default=DEFAULT_OUT)
    ap.add_argument("-v", "--verbose", action="store_true", help="log every change with its rule")
    args = ap.parse_args()
    VERBOSE = args.verbose
    seeds = args.seeds or sorted(p for p in args.seeds_dir.glob("*.txt") if p.name[:3] in SAMPLE_NAMES)
    if not seeds:
        raise SystemExit(f"no seeds found in {args.seeds_dir}")
    for path in seeds:
        if VERBOSE:
            print(f"{path.name}:", file=sys.stderr)
        start = len(LOG)
        issue = convert(path)
        out_name = SAMPLE_NAMES.get(path.name[:3])
        if out_name is None:
            raise SystemExit(f"{path.name}: no sample name known for this seed")
        # consistency: the sample name is <year of the date>-<issue number>
        year = re.match(r"\d{4}", issue["masthead"]["date"])
        num = re.fullmatch(r"第(\d+)期", issue["masthead"]["number"])
        if year and num and out_name != f"{year.group(0)}-{int(num.group(1)):03d}.json":
            raise SystemExit(f"{path.name}: masthead says {year.group(0)}/{num.group(1)}, not {out_name}")
        out = args.out / out_name
        dumped = json.dumps(issue, ensure_ascii=False, indent=2) + "\n"
        assert JOIN not in dumped and "**" not in dumped, "internal marker left in the output"
        out.write_text(dumped, encoding="utf-8")
        counts = {}
        for rule, _, what in LOG[start:]:
            if what.startswith("kept") or " kept " in what:
                continue
            counts[rule] = counts.get(rule, 0) + 1
        print(f"{path.name} → {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}: "
              + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()
