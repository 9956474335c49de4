#!/usr/bin/env python3
"""Makes the font fixtures of the PDF writer's tests (Tests/Fixtures/pdfwriter/); a tool, run by
hand (needs fontTools: pip install fonttools). The fixtures are committed, the suite never runs this.

- DejaVuSans-subset.ttf: a few glyphs of DejaVu Sans (TrueType outlines; é is a composite glyph
  of e and the acute accent), standing in for a system fallback font. DejaVu's licence permits
  redistribution (Bitstream Vera / Arev terms, see DejaVu-LICENSE.txt).
- FandolSong-subset.otf: two glyphs of the shipped FandolSong (a CID-keyed CFF font: ROS,
  charset of CIDs, FDSelect, FDArray), small enough to corrupt byte by byte in a test.
- SubrsTest.otf: a name-keyed CFF font made here whose glyphs call a local and a global
  subroutine, so the subsetter's handling of subroutines and name-keyed fonts is exercised
  (the shipped Fandol fonts are CID-keyed and have no subroutines).
"""
import os, sys
from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.fontBuilder import FontBuilder
from fontTools.misc.psCharStrings import T2CharString
from fontTools.cffLib import SubrsIndex, GlobalSubrsIndex

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "Fixtures", "pdfwriter")
dejavu = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

options = subset.Options()
options.layout_features = []
options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
options.hinting = False
options.notdef_outline = True
font = TTFont(dejavu)
subsetter = subset.Subsetter(options)
subsetter.populate(text="ŋΩéAb ")
subsetter.subset(font)
font.save(os.path.join(here, "DejaVuSans-subset.ttf"))

fandol = TTFont(os.path.join(here, "..", "..", "..", "Fonts", "FandolSong-Regular.otf"))
options = subset.Options()
options.layout_features = []
options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
options.notdef_outline = True
subsetter = subset.Subsetter(options)
subsetter.populate(text="文明")
subsetter.subset(fandol)
fandol.save(os.path.join(here, "FandolSong-subset.otf"))
assert hasattr(TTFont(os.path.join(here, "FandolSong-subset.otf"))["CFF "].cff.topDictIndex[0], "ROS")

# Local subr 0 draws a 600×100 bar from the current point; global subr 0 a 100×600 post.
# Type 2 subroutine numbers are biased by 107 when there are fewer than 1240 of them.
# Type 2 paths close by themselves at the next moveto or endchar.
bar = [600, 0, "rlineto", 0, 100, "rlineto", -600, 0, "rlineto", "return"]
post = [100, 0, "rlineto", 0, 600, "rlineto", -100, 0, "rlineto", "return"]
glyphs = {
    ".notdef": [500, 0, 0, "rmoveto", 400, 0, "rlineto", 0, 700, "rlineto", -400, 0, "rlineto", "endchar"],
    "space": [500, "endchar"],
    # T: a bar on top of a post.
    "T": [700, 50, 600, "rmoveto", -107, "callsubr", 250, -700, "rmoveto", -107, "callgsubr", "endchar"],
    # L: a post and a bar at its foot.
    "L": [700, 50, 0, "rmoveto", -107, "callgsubr", 0, -600, "rmoveto", -107, "callsubr", "endchar"],
    # H: no subroutine.
    "H": [700, 50, 0, "rmoveto", 100, 0, "rlineto", 0, 700, "rlineto", -100, 0, "rlineto", "endchar"],
}
fb = FontBuilder(1000, isTTF=False)
order = [".notdef", "space", "T", "L", "H"]
fb.setupGlyphOrder(order)
fb.setupCharacterMap({0x20: "space", 0x54: "T", 0x4C: "L", 0x48: "H"})
fb.setupCFF("SubrsTest-Regular", {"FullName": "Subrs Test"},
            {name: T2CharString(program=list(program)) for name, program in glyphs.items()}, {})
cff = fb.font["CFF "].cff
top = cff.topDictIndex[0]
private = top.Private
private.Subrs = SubrsIndex()
private.Subrs.append(T2CharString(program=list(bar), private=private))
cff.GlobalSubrs.append(T2CharString(program=list(post), private=private))
for name in order:
    charString = top.CharStrings[name]
    charString.private = private
    charString.globalSubrs = cff.GlobalSubrs
fb.setupHorizontalMetrics({name: (700 if name in "TLH" else 500, 0) for name in order})
fb.setupHorizontalHeader(ascent=800, descent=-200)
fb.setupNameTable({"familyName": "Subrs Test", "styleName": "Regular"})
fb.setupOS2(sTypoAscender=800, sTypoDescender=-200, usWinAscent=800, usWinDescent=200, sCapHeight=700)
fb.setupPost()
fb.save(os.path.join(here, "SubrsTest.otf"))
check = TTFont(os.path.join(here, "SubrsTest.otf"))
private = check["CFF "].cff.topDictIndex[0].Private
assert len(private.Subrs) == 1 and len(check["CFF "].cff.GlobalSubrs) == 1, "subroutines were dropped"
print("wrote", os.listdir(here))
