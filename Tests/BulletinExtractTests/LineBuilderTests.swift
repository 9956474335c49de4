import BulletinExtract
import BulletinPDFReader
import XCTest

/// Lines from glyphs: order, spaces, fake and synthetic bold.
final class LineBuilderTests: XCTestCase {
    private func lines(_ page: SyntheticPage) -> [TextLine] {
        Extractor.extract([page.content]).pages[0].lines
    }

    func testGlyphsDrawnOutOfOrderComeBackLeftToRightTopToBottom() {
        var page = SyntheticPage(0)
        page.text("第二行", x: 80, baseline: 129)
        page.text("文字", x: 128, baseline: 100)
        page.text("第一行", x: 80, baseline: 100.4)   // a baseline off by rounding is the same line
        XCTAssertEqual(lines(page).map(\.text), ["第一行文字", "第二行"])
    }

    /// Note markers raised above the line and subscripts lowered below it are read in their line
    /// (`ScriptRows`), not as lines of their own; small print set a line apart, and ruby over the
    /// characters it annotates, are not scripts.
    func testSuperscriptsAndSubscriptsStayInTheirLine() {
        var page = SyntheticPage(0)
        // 12 pt text; `[4]` at 8 pt raised 4 pt after 试点, `2` at 8 pt lowered 2 pt after `CO`.
        var x = page.text("这项工作在试点", x: 80, baseline: 100, size: 12)
        x = page.text("[4]", x: x, baseline: 96, size: 8)
        x = page.text("中减少了CO", x: x, baseline: 100, size: 12)
        x = page.text("2", x: x, baseline: 102, size: 8)
        page.text("排放。", x: x, baseline: 100, size: 12)
        XCTAssertEqual(lines(page).map(\.text), ["这项工作在试点[4]中减少了CO2排放。"])

        // Small print a line above (10 pt of lead for 8 pt text over 12 pt text) stays its own line.
        var small = SyntheticPage(0)
        small.text("（内部资料）", x: 80, baseline: 88, size: 8)
        small.text("这项工作在试点中减少了排放。", x: 80, baseline: 100, size: 12)
        XCTAssertEqual(lines(small).map(\.text), ["（内部资料）", "这项工作在试点中减少了排放。"])

        // Ruby (pinyin) over the characters: it overlaps them, so it is not a superscript.
        var ruby = SyntheticPage(0)
        ruby.text("jiǎn", x: 80, baseline: 93, size: 6)
        ruby.text("简报", x: 80, baseline: 100, size: 12)
        XCTAssertEqual(lines(ruby).map(\.text), ["jiǎn", "简报"])
    }

    /// Note marks raised after a word, on the height of a sidebar's line beside the column (a
    /// Wikipedia page's infobox): the marks join their line, the sidebar's text stays its own; a
    /// small figure a hair above a line that follows no word there stays apart (a timetable).
    func testNoteMarksLevelWithASidebarJoinTheirLine() {
        var page = SyntheticPage(0)
        var x = page.text("PDF.js is used in Thunderbird,", x: 36, baseline: 412, size: 12)
        x = page.text("[10]", x: x, baseline: 407.5, size: 9.6)
        page.text(" ownCloud", x: x, baseline: 412, size: 12)
        page.text("Original author(s)", x: 400, baseline: 405.25, size: 10.56)
        XCTAssertEqual(lines(page).map(\.text), ["Original author(s)", "PDF.js is used in Thunderbird,[10] ownCloud"])

        var table = SyntheticPage(0)
        table.text("Five Symphony", x: 36, baseline: 412, size: 12)
        table.text("11:55", x: 180, baseline: 408, size: 9)
        table.text("Tesla", x: 400, baseline: 406, size: 10.5)
        XCTAssertEqual(lines(table).map(\.text), ["11:55 Tesla", "Five Symphony"])
    }

    /// The TeX logo's letters stand off the baseline: LaTeX's small A raised and kerned in under
    /// the L's arm, the E lowered half an ex at full size; and a tagged PDF draws a space from the
    /// same origin as the T after it (LaTeX's tagging, bug1997343 in pdf.js's suite). All is read in
    /// the line, in order, without a stray space.
    func testTheLaTeXLogoAndASpaceUnderALetterReadInTheLine() {
        var page = SyntheticPage(0)
        let glyphs: [(String, Double, Double, Double, Double)] = [   // text, x, width, size, baseline
            (" ", 254.4, 3.9, 11.96, 200.5), ("T", 254.4, 8.5, 11.96, 200.5), ("h", 262.9, 6.5, 11.96, 200.5),
            ("e", 269.4, 5.2, 11.96, 200.5), (" ", 274.6, 3.9, 11.96, 200.5), ("L", 278.5, 7.3, 11.96, 200.5),
            ("A", 281.5, 6.3, 7.97, 198.1), ("T", 286.0, 8.5, 11.96, 200.5), ("E", 292.5, 7.9, 11.96, 203.1),
            ("X", 298.9, 8.8, 11.96, 200.5), (" ", 307.7, 3.9, 11.96, 200.5), ("T", 311.6, 8.5, 11.96, 200.5),
            ("e", 319.1, 5.2, 11.96, 200.5), ("a", 324.3, 5.9, 11.96, 200.5), ("m", 330.2, 9.7, 11.96, 200.5),
        ]
        for (text, x, width, size, baseline) in glyphs {
            page.glyphs.append(PDFGlyph(text: text, x: x, baseline: baseline, width: width, size: size, font: "LMRoman12-Regular"))
        }
        XCTAssertEqual(lines(page).map(\.text), ["The LATEX Team"])
    }

    /// A page without text says whether it draws nothing (a scan, a blank page) or draws glyphs its
    /// fonts map to no text (a PostScript round trip drops every ToUnicode).
    func testAPageWithoutTextSaysWhetherItDrewGlyphs() {
        var blank = SyntheticPage(0), unmapped = SyntheticPage(1)
        blank.text(" ", x: 80, baseline: 100)
        for x in [80.0, 96, 112] {
            unmapped.glyphs.append(PDFGlyph(text: "", x: x, baseline: 100, width: 16, size: 16, font: "NotoSerifCJKsc-Regular_00"))
        }
        let warnings = Extractor.extract([blank.content, unmapped.content]).warnings.map(\.message)
        XCTAssertEqual(warnings, ["the page shows no text (a scanned image or a blank page?)",
                                  "the page draws 3 glyph(s) with no text (fonts without a Unicode mapping, or an empty /ActualText)"])
    }

    /// Glyphs drawn off the visible page (outside the crop box: line numbers set in the margin
    /// beyond it, a printer's slug) are left out with a warning that counts them; a glyph the
    /// page's edge cuts is kept.
    func testGlyphsOffTheVisiblePageAreLeftOutWithAWarning() {
        var page = SyntheticPage(0)
        page.text("18", x: -26, baseline: 100, size: 10)             // left of the page
        page.text("正文", x: 80, baseline: 100)
        page.text("slug 2/10/04 3:51 PM", x: 80, baseline: -12, size: 8)   // above it
        page.text("页边", x: 580, baseline: 130)                       // 页 cut by the right edge, 边 past it
        page.text("24", x: 290, baseline: 860, size: 10)              // below it
        let result = Extractor.extract([page.content])
        XCTAssertEqual(result.pages[0].lines.map(\.text), ["正文", "页"])
        XCTAssertEqual(result.warnings.map(\.message), ["25 glyph(s) drawn outside the visible page (its crop box) are left out"])
    }

    func testOverprintedGlyphsCountOnceAndMarkBold() {
        var page = SyntheticPage(0)
        let end = page.text("正文", x: 80, baseline: 100)
        // `加粗` drawn three times, 0.3 pt apart: the fake bold of office software.
        for dx in [0.0, 0.3, 0.6] { page.text("加粗", x: end + dx, baseline: 100) }
        page.text("结束", x: end + 32, baseline: 100)
        let line = lines(page)[0]
        XCTAssertEqual(line.text, "正文加粗结束")
        XCTAssertEqual(line.spans.map(\.text), ["正文", "加粗", "结束"])
        XCTAssertEqual(line.spans.map(\.bold), [false, true, false])
    }

    func testRepeatedCharactersAnAdvanceApartAreNotOverprints() {
        var page = SyntheticPage(0)
        page.text("哈哈哈 all", x: 80, baseline: 100)
        XCTAssertEqual(lines(page)[0].text, "哈哈哈 all")
        XCTAssertFalse(lines(page)[0].spans.contains { $0.bold })
    }

    func testFillAndStrokeWithAPenIsBold() {
        var page = SyntheticPage(0)
        let end = page.text("正文", x: 80, baseline: 100)
        page.text("描边", x: end, baseline: 100, renderingMode: 2, strokeWidth: 0.4)
        page.text("空心", x: end + 32, baseline: 100, renderingMode: 1, strokeWidth: 0.4)   // outline only: not bold
        XCTAssertEqual(lines(page)[0].spans.map(\.bold), [false, true, false])
    }

    func testCairoSyntheticBoldFaceIsBold() {
        var page = SyntheticPage(0)
        let end = page.text("正文", x: 80, baseline: 100)
        page.text("合成粗体", x: end, baseline: 100, font: "CairoFont-3-0")
        page.text("名字", x: end + 64, baseline: 100, font: "CairoFontish")
        XCTAssertEqual(lines(page)[0].spans.map(\.bold), [false, true, false])
    }

    func testNoSpaceBetweenChineseCharactersHoweverWideTheGap() {
        var page = SyntheticPage(0)
        // A justified line: every character 0.4 em apart.
        page.text("首都精神文明，建设情况", x: 80, baseline: 100, tracking: 6.4)
        XCTAssertEqual(lines(page)[0].text, "首都精神文明，建设情况")
    }

    func testWordSpacesInferredBetweenWesternWordsOnly() {
        var page = SyntheticPage(0)
        var x = page.text("Civilized", x: 80, baseline: 100)
        x = page.text("Beijing", x: x + 5, baseline: 100)          // 0.31 em gap: a word space
        x = page.text("市", x: x + 4, baseline: 100)                // Han–Western spacing: no space
        x = page.text("2020", x: x + 4, baseline: 100)
        x = page.text("年，", x: x + 4, baseline: 100)
        page.text("V2", x: x + 5, baseline: 100)                  // after CJK punctuation: never
        XCTAssertEqual(lines(page)[0].text, "Civilized Beijing市2020年，V2")
    }

    /// Curly quotes are Chinese or Western by their width: a Western font's ” (a third of an em)
    /// takes a word space after it like `,`; a Chinese font's full-width ” never does.
    func testAWesternQuoteTakesAWordSpaceAndAFullWidthOneDoesNot() {
        var page = SyntheticPage(0)
        var x = page.text("creativity,", x: 80, baseline: 100, size: 10.5)
        page.glyphs.append(PDFGlyph(text: "\u{201D}", x: x, baseline: 100, width: 3.8, size: 10.5, font: "ACaslon-Regular"))
        page.text("though", x: x + 3.8 + 2.6, baseline: 100, size: 10.5)   // 0.25 em after the quote
        x = page.text("“文明", x: 80, baseline: 130, size: 10.5)
        x = page.text("”", x: x, baseline: 130, size: 10.5)                    // full width
        page.text("V2", x: x + 2.6, baseline: 130, size: 10.5)
        XCTAssertEqual(lines(page).map(\.text), ["creativity,\u{201D} though", "“文明”V2"])
    }

    /// TeX's tightest lines shrink a word space to about 0.17 em (tracemonkey.pdf sets them as TJ
    /// offsets of −190/1000); a kern inside a word is a few hundredths.
    func testATightWordSpaceIsStillASpaceAndAKernIsNot() {
        var page = SyntheticPage(0)
        var x = page.text("We", x: 80, baseline: 100, size: 10)
        x = page.text("explain", x: x + 1.9, baseline: 100, size: 10)   // 0.19 em
        x = page.text("ho", x: x + 1.7, baseline: 100, size: 10)        // 0.17 em
        page.text("w", x: x - 0.25, baseline: 100, size: 10)            // a kern (−0.025 em)
        XCTAssertEqual(lines(page)[0].text, "We explain how")
    }

    func testLetterSpacedDigitsInAJustifiedLineStayOneWord() {
        var page = SyntheticPage(0)
        // Tracking of 0.3 em on every character, Han and digits alike: not word spaces.
        page.text("共计2020个单位参加", x: 80, baseline: 100, tracking: 4.8)
        XCTAssertEqual(lines(page)[0].text, "共计2020个单位参加")
    }

    func testDrawnSpacesAreKeptEvenBetweenChineseCharacters() {
        var page = SyntheticPage(0)
        page.text("常态化推进 项目化落实", x: 80, baseline: 100)
        XCTAssertEqual(lines(page)[0].text, "常态化推进 项目化落实")
    }

    func testFieldsFarApartOnOneLineStayOneLine() {
        var page = SyntheticPage(0)
        page.text("首都精神文明办", x: 80, baseline: 100)
        page.text("2020年7月7日", x: 420, baseline: 100)
        let all = lines(page)
        XCTAssertEqual(all.count, 1)
        XCTAssertEqual(all[0].text, "首都精神文明办 2020年7月7日")
    }

    func testEmptyAndBrokenGlyphsAreSkipped() {
        var page = SyntheticPage(0)
        page.text("正文", x: 80, baseline: 100)
        page.glyphs.append(PDFGlyph(text: "", x: 120, baseline: 100, width: 16, size: 16, font: "F"))
        page.glyphs.append(PDFGlyph(text: "坏", x: .nan, baseline: 100, width: 16, size: 16, font: "F"))
        page.glyphs.append(PDFGlyph(text: "零", x: 140, baseline: 100, width: 16, size: 0, font: "F"))
        XCTAssertEqual(lines(page).map(\.text), ["正文"])
    }
}

/// Character positions, for checking a PDF's spacing, on request only.
final class CharacterPositionTests: XCTestCase {
    func testPositionsAreTheGlyphsLeftEdgesAndOffByDefault() {
        var page = SyntheticPage(0)
        page.text("文明 ab", x: 80, baseline: 100, tracking: 2)
        XCTAssertEqual(Extractor.extract([page.content]).pages[0].lines[0].characters, [])
        let line = Extractor.extract([page.content], options: ExtractOptions(characterPositions: true)).pages[0].lines[0]
        XCTAssertEqual(line.characters.map { String($0.scalar) }, ["文", "明", "a", "b"])
        XCTAssertEqual(line.characters.map(\.x), [80, 98, 126, 136])   // the space glyph at 116 is not a character
    }
}
