#!/usr/bin/env python3
"""Writes the PDF reader's test fixtures into Tests/Fixtures/pdf/ (a tool; the outputs are committed,
the tests never run this). Needs qpdf for the variants.

base.pdf     hand-written, uncompressed, classic xref: a WinAnsi Helvetica with /Differences, a Type0
             Identity-H font with a ToUnicode CMap (bfchar, bfrange with an array, a surrogate pair, a
             multi-character target), a Form XObject with its own /Matrix and /Resources, /ActualText
             and /Artifact marked content, an inline image, a red filled rule and a stroked rule,
             TJ adjustments, Tc/Tw/Tz/TL/T*/'/" operators.
flate.pdf    base with FlateDecode streams (qpdf --compress-streams=y).
objstm.pdf   base with object streams and an xref stream (qpdf --object-streams=generate).
linear.pdf   base linearized (qpdf --linearize).
incremental.pdf   base plus an incremental update that replaces the page's content stream (/Prev chain).
rotate90/180/270.pdf   base with /Rotate on the page (qpdf --rotate).
rc4-40.pdf, rc4-128.pdf, aes-128.pdf, aes-256.pdf, aes-256-r5.pdf   encrypted with an empty user
             password (qpdf --encrypt).
user-password.pdf   encrypted with user password "secret".
password-r2/r3/r4/r5/r6.pdf   user password "secret", owner password "owner-pw": RC4 40 (R2), RC4 128
             (R3), AES-128 (R4), AES-256 (R5, R6).
password-cafe-r4.pdf   user password "café" (PDFDocEncoding, R4), owner "owner-pw".
password-utf8-r4.pdf   user password "密码2024", which PDFDocEncoding cannot hold: qpdf stores its
             UTF-8 bytes (R4), owner "owner-pw".
password-utf8-r6.pdf   user password "密码2024" (UTF-8, R6), owner "主人".
annotations.pdf   page text plus annotations whose appearance streams carry text: a FreeText box whose
             form is scaled 2x into its /Rect, a check-box widget with /On and /Off states (/AS /On),
             a stamp whose form has its own /Matrix (rotated 90 degrees), a hidden one (/F 2), a
             pop-up, and a text field with a value but no appearance.
cjk-collections.pdf   Type 0 fonts that are not embedded and have no ToUnicode, one line each: Identity-H
             over Adobe-Japan1, Adobe-CNS1 and Adobe-Korea1 CIDs, and the predefined CMaps EUC-H, H
             (JIS X 0208 in 7 bits), UniJIS-UTF8-H and CNS-EUC-H; the true text is in CIDCollectionTests.
glyph-names.pdf   simple fonts whose codes mean text only by the rules readers agree on beyond the
             glyph list: one line per font (below). Needs fontTools for the TrueType program.
"""
import io, os, subprocess, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'Tests', 'Fixtures', 'pdf')


def write_pdf(path, objects, root=1, info=None, extra_trailer=''):
    """objects: list of bytes bodies for objects 1..n (stream objects include their own dict+stream)."""
    out = bytearray(b'%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b'%d 0 obj\n' % number + body + b'\nendobj\n'
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objects) + 1)
    for offset in offsets:
        out += b'%010d 00000 n \n' % offset
    trailer = b'<< /Size %d /Root %d 0 R' % (len(objects) + 1, root)
    if info:
        trailer += b' /Info %d 0 R' % info
    trailer += extra_trailer.encode() + b' >>'
    out += b'trailer\n' + trailer + b'\nstartxref\n%d\n%%%%EOF\n' % xref
    with open(path, 'wb') as f:
        f.write(out)
    return bytes(out)


def stream(data, extra=b''):
    return b'<< /Length %d%s >>\nstream\n' % (len(data), extra) + data + b'\nendstream'


TO_UNICODE = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
3 beginbfchar
<0001> <4E2D>
<0002> <6587>
<0005> <D840DC0B>
endbfchar
2 beginbfrange
<0003> <0004> [<6D4B> <8BD5>]
<0010> <0012> <0041>
endbfrange
1 beginbfchar
<0006> <00660066>
endbfchar
endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""

PAGE = b"""BT
/F1 12 Tf
72 720 Td
(Hello, World) Tj
0 -20 Td
[(Kern)-500(ing)] TJ
14 TL
T*
(\\001bc) Tj
2 Tc 3 Tw
(a b) '
0 0 Tc 0 Tw
50 Tz
(Squeezed) Tj
100 Tz
ET
BT
/F2 20 Tf
1 0 0 1 72 600 Tm
<00010002000300040005000600100011> Tj
ET
/Artifact BMC
BT /F1 9 Tf 290 40 Td (- 1 -) Tj ET
EMC
/Span << /ActualText (\\376\\377\\000f\\000i) >> BDC
BT /F1 12 Tf 72 560 Td <E6> Tj ET
EMC
q 1 0 0 1 100 400 cm /Fm1 Do Q
BI /W 4 /H 4 /BPC 8 /CS /G ID
\x00\x45\x49\x20\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c
EI
BT /F1 12 Tf 72 300 Td (After image) Tj ET
1 0 0 rg 72 280 450 1.5 re f
0 0 1 RG 2 w 72 260 m 522 260 l S
"""

FORM = b"""BT /F1 10 Tf 0 0 Td (In form) Tj ET"""

objects = [
    b'<< /Type /Catalog /Pages 2 0 R >>',                                                  # 1
    b'<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 612 792] >>',                 # 2
    b'<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >> /XObject << /Fm1 9 0 R >> >> >>',  # 3
    stream(PAGE),                                                                          # 4
    b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 1 /LastChar 255 /Widths 11 0 R'
    b' /Encoding << /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [1 /A 230 /uni00E6] >> >>',  # 5
    b'<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+NotoSerifCJKsc-Bold /Encoding /Identity-H'
    b' /DescendantFonts [7 0 R] /ToUnicode 8 0 R >>',                                        # 6
    b'<< /Type /Font /Subtype /CIDFontType0 /BaseFont /ABCDEF+NotoSerifCJKsc-Bold'
    b' /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>'
    b' /FontDescriptor 10 0 R /DW 1000 /W [16 [500 600] 18 18 700] >>',                     # 7
    stream(TO_UNICODE),                                                                    # 8
    stream(FORM, b' /Type /XObject /Subtype /Form /BBox [0 0 200 50] /Matrix [2 0 0 2 0 0]'
                 b' /Resources << /Font << /F1 5 0 R >> >>'),                              # 9
    b'<< /Type /FontDescriptor /FontName /ABCDEF+NotoSerifCJKsc-Bold /Flags 4 /FontWeight 700'
    b' /ItalicAngle 0 /FontBBox [0 -120 1000 880] /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',  # 10
    b'[' + b' '.join(b'%d' % (556 if c != 32 else 278) for c in range(1, 256)) + b']',     # 11
    b'<< /Title (Reader fixture) /Author <FEFF4E2D6587> /Producer (make-reader-fixtures.py) >>',  # 12
]


def annotations_pdf(path):
    """Annotations with appearance streams (ISO 32000-2 12.5.5)."""
    def form(content, bbox, extra=b''):
        return stream(content, b' /Type /XObject /Subtype /Form /BBox [%s]%s /Resources << /Font << /F1 2 0 R >> >>'
                      % (bbox, extra))
    objects = [
        b'<< /Type /Catalog /Pages 3 0 R >>',                                                           # 1
        b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',           # 2
        b'<< /Type /Pages /Kids [4 0 R] /Count 1 >>',                                                    # 3
        b'<< /Type /Page /Parent 3 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 2 0 R >> >>'
        b' /Contents 5 0 R /Annots [6 0 R 8 0 R 11 0 R 13 0 R 15 0 R 16 0 R] >>',                        # 4
        stream(b'BT /F1 12 Tf 72 720 Td (Page text) Tj ET'),                                             # 5
        # FreeText: BBox 100 x 10 drawn into a 200 x 20 rectangle, so its 10-point text is 20 points.
        b'<< /Type /Annot /Subtype /FreeText /Rect [72 600 272 620] /Contents (Box text) /DA (/F1 10 Tf)'
        b' /AP << /N 7 0 R >> >>',                                                                        # 6
        form(b'BT /F1 10 Tf 0 2 Td (Box text) Tj ET', b'0 0 100 10'),                                     # 7
        # Check box: the /On state is shown.
        b'<< /Type /Annot /Subtype /Widget /FT /Btn /T (agree) /V /On /AS /On /Rect [72 560 172 572]'
        b' /AP << /N << /On 9 0 R /Off 10 0 R >> >> >>',                                                  # 8
        form(b'BT /F1 10 Tf 0 2 Td (Checked) Tj ET', b'0 0 100 12'),                                      # 9
        form(b'BT /F1 10 Tf 0 2 Td (Unchecked) Tj ET', b'0 0 100 12'),                                    # 10
        # Stamp: the form is turned 90 degrees by its /Matrix; its transformed box fills the rectangle.
        b'<< /Type /Annot /Subtype /Stamp /Rect [400 400 420 500] /AP << /N 12 0 R >> >>',              # 11
        form(b'BT /F1 10 Tf 0 5 Td (Stamped) Tj ET', b'0 0 100 20', b' /Matrix [0 1 -1 0 0 0]'),          # 12
        # Hidden (flag bit 2): not shown, not extracted.
        b'<< /Type /Annot /Subtype /FreeText /F 2 /Rect [72 500 272 520] /AP << /N 14 0 R >> >>',       # 13
        form(b'BT /F1 10 Tf 0 2 Td (Hidden text) Tj ET', b'0 0 200 20'),                                  # 14
        # A pop-up shows only when opened (and should have no appearance; this one does).
        b'<< /Type /Annot /Subtype /Popup /Rect [300 300 400 400] /AP << /N 17 0 R >> >>',              # 15
        # A text field whose value the viewer is asked to draw (/NeedAppearances): no appearance.
        b'<< /Type /Annot /Subtype /Widget /FT /Tx /T (name) /V (Field value) /Rect [72 450 272 470] >>', # 16
        form(b'BT /F1 10 Tf 0 2 Td (Popup text) Tj ET', b'0 0 100 100'),                                  # 17
    ]
    write_pdf(path, objects)


def core_font_subset():
    """A TrueType program like a Windows core font subset: glyphs in the standard Macintosh order,
    no Unicode cmap (only a symbol (3,0) one) and no glyph names ('post' format 3)."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib.standardGlyphOrder import standardGlyphOrder
    order = standardGlyphOrder[:40]
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(order)
    builder.setupCharacterMap({})
    pen = TTGlyphPen(None)
    pen.moveTo((0, 0)); pen.lineTo((500, 0)); pen.lineTo((500, 700)); pen.closePath()
    box = pen.glyph()
    builder.setupGlyf({name: box for name in order})
    builder.setupHorizontalMetrics({name: (600, 0) for name in order})
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({'familyName': 'Arial', 'styleName': 'Bold'})
    builder.setupOS2()
    builder.setupPost(keepGlyphNames=False)
    from fontTools.ttLib.tables._c_m_a_p import cmap_format_4
    symbol = cmap_format_4(4)
    symbol.platformID, symbol.platEncID, symbol.language = 3, 0, 0
    symbol.cmap = {0xF041: 'B', 0xF042: 'A'}  # a subsetter's own codes, not the text
    builder.font['cmap'].tables = [symbol]
    out = io.BytesIO()
    builder.save(out)
    return out.getvalue()


def glyph_names_pdf(path):
    """One line per font; the true text of each line is in GlyphNameTests."""
    program = core_font_subset()
    fonts = [
        # F1: TeX bitmap font (dvips): names carry their decimal code.
        b'<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1 1] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs 20 0 R'
        b' /Encoding << /Type /Encoding /Differences [44 /a44 65 /a65 /a66] >> /FirstChar 44 /LastChar 66'
        b' /Widths [%s] /Resources << >> >>' % b' '.join([b'500'] * 23),
        # F2: names carrying their hex code.
        b'<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1 1] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs 20 0 R'
        b' /Encoding << /Type /Encoding /Differences [65 /G41 /G42 99 /G63] >> /FirstChar 65 /LastChar 99'
        b' /Widths [%s] /Resources << >> >>' % b' '.join([b'500'] * 35),
        # F3: names that mean nothing: the codes are read as Latin-1, with a warning.
        b'<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1 1] /FontMatrix [0.001 0 0 0.001 0 0] /CharProcs 20 0 R'
        b' /Encoding << /Type /Encoding /Differences [97 /square /triangle] >> /FirstChar 97 /LastChar 98'
        b' /Widths [500 500] /Resources << >> >>',
        # F4: Symbol, not embedded, no /Encoding: its own built-in encoding.
        b'<< /Type /Font /Subtype /Type1 /BaseFont /Symbol >>',
        # F5: ZapfDingbats, its built-in encoding and its own names in /Differences.
        b'<< /Type /Font /Subtype /Type1 /BaseFont /ZapfDingbats /Encoding << /Differences [65 /a20] >> >>',
        # F6: lowercase uniXXXX and a ligature name.
        b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Differences [65 /uni004a /f_f_i] >> >>',
        # F7: a non-embedded TrueType alias of Helvetica without /Encoding: StandardEncoding (0xF1 = ae).
        b'<< /Type /Font /Subtype /TrueType /BaseFont /ArialMT /FirstChar 32 /LastChar 32 /Widths [278] >>',
        # F8: unknown names over an explicit base encoding keep the base character.
        b'<< /Type /Font /Subtype /TrueType /BaseFont /Foo /Encoding << /BaseEncoding /WinAnsiEncoding'
        b' /Differences [66 /foo1 /foo2] >> >>',
        # F9: glyph-index names into an embedded core-font subset (standard Macintosh glyph order).
        b'<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEF+Arial-BoldMT /FontDescriptor 21 0 R'
        b' /Encoding << /BaseEncoding /WinAnsiEncoding /Differences [65 /g0024 /g0025] >>'
        b' /FirstChar 65 /LastChar 66 /Widths [600 600] >>',
    ]
    lines = [b'(,AB) Tj', b'(ABc) Tj', b'(ab) Tj', b'(ab) Tj', b'(4A) Tj', b'(AB) Tj', b'(\\361) Tj', b'(BC) Tj', b'(AB) Tj']
    content = b'BT '
    for index, line in enumerate(lines):
        content += b'/F%d 12 Tf 1 0 0 1 72 %d Tm %s ' % (index + 1, 700 - 30 * index, line)
    content += b'ET'
    objects = [
        b'<< /Type /Catalog /Pages 2 0 R >>',                                                             # 1
        b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',                                                      # 2
        b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << %s >> >>'
        b' /Contents 4 0 R >>' % b' '.join(b'/F%d %d 0 R' % (i + 1, i + 5) for i in range(len(fonts))),    # 3
        stream(content),                                                                                   # 4
    ] + fonts                                                                                              # 5-13
    objects += [b'<< >>'] * (19 - len(objects))                                                           # 14-19
    objects += [
        b'<< >>',                                                                                          # 20 CharProcs: no glyph drawn
        b'<< /Type /FontDescriptor /FontName /ABCDEF+Arial-BoldMT /Flags 4 /FontBBox [0 0 1000 1000]'
        b' /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 22 0 R >>',      # 21
        stream(program, b' /Length1 %d' % len(program)),                                                   # 22
    ]
    write_pdf(path, objects)


def cjk_collections_pdf(path):
    def cid_font(encoding, ordering, number):
        return [b'<< /Type /Font /Subtype /Type0 /BaseFont /KozMinPro-Regular /Encoding /%s /DescendantFonts [%d 0 R] >>'
                % (encoding, number + 1),
                b'<< /Type /Font /Subtype /CIDFontType0 /BaseFont /KozMinPro-Regular /CIDSystemInfo << /Registry (Adobe)'
                b' /Ordering (%s) /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 >>' % (ordering, number + 2),
                b'<< /Type /FontDescriptor /FontName /KozMinPro-Regular /Flags 4 /FontBBox [0 -120 1000 880]'
                b' /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>']
    hexcids = lambda cids: b'<' + b''.join(b'%04X' % c for c in cids) + b'>'
    lines = [
        (b'Identity-H', b'Japan1', hexcids([843, 845, 847])),      # あいう
        (b'Identity-H', b'CNS1', hexcids([661, 726])),            # 中文
        (b'Identity-H', b'Korea1', hexcids([3296, 1204])),        # 한국
        (b'EUC-H', b'Japan1', b'<' + '日本'.encode('euc-jp').hex().encode() + b'>'),
        (b'H', b'Japan1', b'<' + bytes(b & 0x7F for b in '日本'.encode('euc-jp')).hex().encode() + b'>'),
        (b'UniJIS-UTF8-H', b'Japan1', b'<' + '東京'.encode('utf-8').hex().encode() + b'>'),
        (b'CNS-EUC-H', b'CNS1', b'<c4e3c5c6>'),  # EUC-TW of 中文 (CNS 11643 plane 1)
    ]
    objects = [b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>', None, None]
    content = b'BT '
    fonts = []
    for index, (encoding, ordering, shown) in enumerate(lines):
        number = len(objects) + 1
        objects += cid_font(encoding, ordering, number)
        fonts.append(b'/F%d %d 0 R' % (index + 1, number))
        content += b'/F%d 12 Tf 1 0 0 1 72 %d Tm %s Tj ' % (index + 1, 700 - 30 * index, shown)
    content += b'ET'
    objects[2] = (b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << %s >> >>'
                  b' /Contents 4 0 R >>' % b' '.join(fonts))
    objects[3] = stream(content)
    write_pdf(path, objects)


def qpdf(*args):
    subprocess.run(['qpdf', '--static-id', '--allow-weak-crypto', *args], check=True)


def main():
    os.makedirs(OUT, exist_ok=True)
    glyph_names_pdf(os.path.join(OUT, 'glyph-names.pdf'))
    cjk_collections_pdf(os.path.join(OUT, 'cjk-collections.pdf'))
    base = os.path.join(OUT, 'base.pdf')
    data = write_pdf(base, objects, info=12)
    p = lambda name: os.path.join(OUT, name)
    qpdf('--compress-streams=y', '--object-streams=disable', base, p('flate.pdf'))
    qpdf('--object-streams=generate', base, p('objstm.pdf'))
    qpdf('--linearize', base, p('linear.pdf'))
    for angle in (90, 180, 270):
        qpdf('--rotate=+%d' % angle, base, p('rotate%d.pdf' % angle))
    qpdf('--encrypt', '', 'owner', '40', '--', base, p('rc4-40.pdf'))
    qpdf('--encrypt', '', 'owner', '128', '--use-aes=n', '--', base, p('rc4-128.pdf'))
    qpdf('--encrypt', '', 'owner', '128', '--use-aes=y', '--', base, p('aes-128.pdf'))
    qpdf('--encrypt', '', 'owner', '256', '--', base, p('aes-256.pdf'))
    qpdf('--encrypt', '', 'owner', '256', '--force-R5', '--', base, p('aes-256-r5.pdf'))
    qpdf('--encrypt', 'secret', 'owner', '128', '--use-aes=y', '--', base, p('user-password.pdf'))
    for revision, args in (('r2', ['40']), ('r3', ['128', '--use-aes=n']), ('r4', ['128', '--use-aes=y']),
                           ('r5', ['256', '--force-R5']), ('r6', ['256'])):
        qpdf('--encrypt', 'secret', 'owner-pw', *args, '--', base, p('password-%s.pdf' % revision))
    qpdf('--encrypt', 'café', 'owner-pw', '128', '--use-aes=y', '--', base, p('password-cafe-r4.pdf'))
    qpdf('--password-mode=bytes', '--encrypt', '密码2024', 'owner-pw', '128', '--use-aes=y', '--', base,
         p('password-utf8-r4.pdf'))
    qpdf('--encrypt', '密码2024', '主人', '256', '--', base, p('password-utf8-r6.pdf'))
    annotations_pdf(p('annotations.pdf'))

    # Incremental update: object 4 replaced by new content, new xref section with /Prev.
    start = data.rfind(b'startxref')
    previous = int(data[start + 9:].split()[0])
    new_content = b'BT /F1 12 Tf 72 720 Td (Updated page) Tj ET'
    update = bytearray()
    offset = len(data)
    update += b'4 0 obj\n' + stream(new_content) + b'\nendobj\n'
    xref = len(data) + len(update)
    update += b'xref\n0 1\n0000000000 65535 f \n4 1\n%010d 00000 n \n' % offset
    update += b'trailer\n<< /Size 13 /Root 1 0 R /Info 12 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n' % (previous, xref)
    with open(p('incremental.pdf'), 'wb') as f:
        f.write(data + bytes(update))
    for name in sorted(os.listdir(OUT)):
        print(name, os.path.getsize(os.path.join(OUT, name)))


if __name__ == '__main__':
    main()
