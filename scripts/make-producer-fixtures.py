#!/usr/bin/env python3
"""Makes Tests/Fixtures/extract/producers/: bulletin text set by producers outside the six-producer
corpus, each with its true text (one paragraph per line), for ProducerFixtureTests. A tool, run by
hand; the outputs are committed and the suite never runs this.

    pip install reportlab fpdf2 pymupdf    # and poppler-utils for pdftocairo
    python3 scripts/make-producer-fixtures.py [../shared/seeds]

- reportlab-cid.pdf: ReportLab platypus, the non-embedded CID font STSong-Light through the
  predefined CMap UniGB-UCS2-H; every paragraph indented two characters, no space between them, so
  a masthead of short lines and the 电话/传真 fields are paragraphs told apart only by being short.
- fpdf2.pdf: fpdf2 multi_cell with the shipped FandolSong (Identity-H, ToUnicode); the indent is two
  U+3000 that fpdf2 may leave on a line of their own, putting `送：` at the margin above an indented
  `发：`.
- pdftocairo-columns.pdf: ../extract/columns/chromium-columns.pdf redrawn by `pdftocairo -pdf`:
  Type 3 fonts with FontMatrix [1 0 0 -1 0 0] sized by Tm at Tf 1, Chromium's /ActualText gone so the
  ToUnicode's Kangxi radicals (⽂ for 文) and ligatures (ﬀ) are all there is. Its truth is
  ../extract/columns/truth-columns.txt.
- watermarked.pdf: fpdf2.pdf with, on every page (PyMuPDF), a grey 内部资料 注意保密 watermark across
  the text at 30 degrees and 装订线 up the left margin in its content, and a stamp annotation whose
  appearance says 已审核 (a non-embedded Japan1 font through UniJIS-UTF16-H). The truth is
  truth-fpdf2.txt: the watermark and the label are rotated text, the stamp a running foot (the
  same text at the same place on every page), all page furniture.
"""
import datetime, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '..')
OUT = os.path.join(ROOT, 'Tests', 'Fixtures', 'extract', 'producers')
SEEDS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, '..', 'shared', 'seeds')


def paragraphs(seed):
    """The seed's paragraphs, its extraction artifacts cleaned: markdown markers and rules dropped,
    lines of a paragraph joined without spaces."""
    text = open(os.path.join(SEEDS, seed), encoding='utf-8').read()
    out = []
    for block in re.split(r'\n\s*\n', text):
        line = re.sub(r'\s+', '', block)
        line = re.sub(r'^#+', '', line).replace('**', '')
        if line and not re.fullmatch(r'-{3,}', line):
            out.append(line)
    return out


def write_truth(name, lines):
    with open(os.path.join(OUT, name), 'w', encoding='utf-8') as f:
        f.write('\n'.join(lines) + '\n')


def reportlab_cid(lines):
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate
    pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
    style = ParagraphStyle('body', fontName='STSong-Light', fontSize=14, leading=22, firstLineIndent=28,
                           wordWrap='CJK')
    document = SimpleDocTemplate(os.path.join(OUT, 'reportlab-cid.pdf'), pagesize=A4, invariant=1)
    document.build([Paragraph(line, style) for line in lines])


def fpdf2(lines):
    from fpdf import FPDF
    pdf = FPDF()
    pdf.set_creation_date(datetime.datetime(2020, 7, 7, tzinfo=datetime.timezone.utc))
    pdf.add_page()
    pdf.add_font('song', '', os.path.join(ROOT, 'Fonts', 'FandolSong-Regular.otf'))
    pdf.set_font('song', size=14)
    for line in lines:
        pdf.multi_cell(0, 9, '\u3000\u3000' + line)
        pdf.ln(4)
    pdf.output(os.path.join(OUT, 'fpdf2.pdf'))


def watermarked(source, target):
    import pymupdf
    document = pymupdf.open(source)
    font = os.path.join(ROOT, 'Fonts', 'FandolSong-Regular.otf')
    for page in document:
        page.insert_font(fontname='song', fontfile=font)
        origin = pymupdf.Point(110, 560)
        page.insert_text(origin, '内部资料 注意保密', fontname='song', fontsize=40, color=(0.8, 0.8, 0.8),
                         morph=(origin, pymupdf.Matrix(30)))
        page.insert_text((30, 480), '装订线', fontname='song', fontsize=12, rotate=90)
        stamp = page.add_freetext_annot(pymupdf.Rect(400, 760, 520, 790), '已审核', fontsize=16, fontname='china-s')
        stamp.update()
    document.save(target, garbage=3, deflate=True)


os.makedirs(OUT, exist_ok=True)
seed = paragraphs('000_62e0ab55fab9e8aa.txt')
# The masthead and first article, then the footer fields and the 版记 (the last paragraphs).
reportlab_lines = seed[:12] + seed[-9:]
reportlab_cid(reportlab_lines)
write_truth('truth-reportlab-cid.txt', reportlab_lines)
fpdf_lines = seed[:12] + seed[-9:]
fpdf2(fpdf_lines)
write_truth('truth-fpdf2.txt', fpdf_lines)
watermarked(os.path.join(OUT, 'fpdf2.pdf'), os.path.join(OUT, 'watermarked.pdf'))
subprocess.run(['pdftocairo', '-pdf', os.path.join(ROOT, 'Tests', 'Fixtures', 'extract', 'columns', 'chromium-columns.pdf'),
                os.path.join(OUT, 'pdftocairo-columns.pdf')], check=True)
for name in sorted(os.listdir(OUT)):
    print(name, os.path.getsize(os.path.join(OUT, name)))
