#!/usr/bin/env python3
"""Makes Tests/Fixtures/extract/columns/: a PDF of pages set in columns, printed by Chromium, and its
true text (one paragraph per line). Page 1: a title and an introduction over two columns with
headings, then a full-width paragraph; page 2: a title over three columns; page 3: English text
in two justified columns. And `chromium-vertical.pdf`: a landscape page of vertical writing
(`writing-mode: vertical-rl`, columns read right to left). The Chinese text is slices of one seed passage, so that few glyphs are
embedded (Chromium embeds Type 3 fonts, a few KB a glyph).

Usage: python3 scripts/make-column-fixture.py [../shared/seeds] (needs chromium)."""
import glob, os, re, subprocess, sys, tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
seeds = sorted(glob.glob(os.path.join(sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, '../shared/seeds'), '*.txt')))
pool = []
for seed in seeds:
    paragraphs = [re.sub(r'[#*\s]', '', p) for p in re.split(r'\n\s*\n', open(seed, encoding='utf-8').read())]
    pool += [p for p in paragraphs if len(p) > 40]
base = pool[0] + pool[1]

def paragraphs(i, n):
    return [base[(i * 7 + k * 53) % 200:][:90 + (k * 37) % 70] for k in range(n)]

fonts = os.path.join(root, 'Fonts')
style = f'''<style>
@font-face{{font-family:S;src:url(file://{fonts}/FandolSong-Regular.otf)}}
@font-face{{font-family:H;src:url(file://{fonts}/FandolHei-Regular.otf)}}
body{{font-family:S;font-size:11pt;line-height:1.6;margin:0}}
@page{{size:A4;margin:25mm 20mm}}
h1{{font-family:H;text-align:center;font-size:20pt}}
h2{{font-family:H;font-size:13pt;margin:0.6em 0}}
.cols{{column-count:2;column-gap:8mm;text-align:justify}}
.three{{column-count:3;column-gap:6mm;text-align:justify}}
p{{text-indent:2em;margin:0}}
.en{{font-family:serif;text-align:justify;text-indent:0;margin-bottom:0.5em}}
.page{{break-before:page}}
</style>'''

truth = []
p = paragraphs(0, 8)
intro, a, b, end = p[0], p[1:4], p[4:7], p[7]
page1 = (f'<h1>混合版式测试</h1><p>{intro}</p><div class="cols"><h2>一、第一部分</h2>'
         + ''.join(f'<p>{x}</p>' for x in a) + '<h2>二、第二部分</h2>' + ''.join(f'<p>{x}</p>' for x in b)
         + f'</div><p>{end}</p>')
truth += ['混合版式测试', intro, '一、第一部分', *a, '二、第二部分', *b, end]
p = paragraphs(2, 9)
page2 = '<div class="page"><h1>三栏测试</h1><div class="three">' + ''.join(f'<p>{x}</p>' for x in p) + '</div></div>'
truth += ['三栏测试', *p]
english = [
    "The committee met on the third of March to review the progress of the pilot programme in twelve districts. Members noted that the number of volunteers had doubled since the previous year, and that the new reporting forms had reduced the time spent on paperwork by almost a third.",
    "Several districts reported difficulties in recruiting coordinators for the evening sessions. The committee agreed to publish a short guide for coordinators and to hold two training days in the spring, one in the north and one in the south of the city.",
    "Funding for the next year will be discussed at the June meeting. The treasurer asked all districts to submit their estimates by the end of April so that a consolidated budget can be prepared in good time for the council's review.",
    "The chair thanked the members of the working group for their report, which will be circulated with these minutes. Comments on the report should be sent to the secretary before the next meeting of the committee."] * 2
page3 = '<div class="page"><h1>Minutes</h1><div class="cols">' + ''.join(f'<p class="en">{x}</p>' for x in english) + '</div></div>'
truth += ['Minutes', *english]

out = os.path.join(root, 'Tests/Fixtures/extract/columns')
os.makedirs(out, exist_ok=True)
with tempfile.TemporaryDirectory() as tmp:
    html = os.path.join(tmp, 'columns.html')
    open(html, 'w', encoding='utf-8').write(f'<html><head><meta charset="utf-8">{style}</head><body>{page1}{page2}{page3}</body></html>')
    subprocess.run(['chromium', '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer',
                    '--print-to-pdf=' + os.path.join(out, 'chromium-columns.pdf'), html],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
open(os.path.join(out, 'truth-columns.txt'), 'w', encoding='utf-8').write('\n'.join(truth) + '\n')

vertical = paragraphs(4, 3)
vertical_style = style.replace('body{', 'body{writing-mode:vertical-rl;text-align:justify;').replace('size:A4;', 'size:A4 landscape;')
with tempfile.TemporaryDirectory() as tmp:
    html = os.path.join(tmp, 'vertical.html')
    open(html, 'w', encoding='utf-8').write(f'<html><head><meta charset="utf-8">{vertical_style}</head><body>'
                                             + ''.join(f'<p>{x}</p>' for x in vertical) + '</body></html>')
    subprocess.run(['chromium', '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer',
                    '--print-to-pdf=' + os.path.join(out, 'chromium-vertical.pdf'), html],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
open(os.path.join(out, 'truth-vertical.txt'), 'w', encoding='utf-8').write('\n'.join(vertical) + '\n')
