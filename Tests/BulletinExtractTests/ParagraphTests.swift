import BulletinExtract
import BulletinPDFReader
import XCTest

/// Paragraphs from lines: indents, short last lines, page breaks, hanging 版记 items, display type.
final class ParagraphTests: XCTestCase {
    private func paragraphs(_ pages: [SyntheticPage]) -> [String] {
        Extractor.extract(pages.map(\.content)).paragraphs.map(\.text)
    }

    func testIndentedFirstLinesStartParagraphsAndLinesJoinWithoutSeparator() {
        var page = SyntheticPage(0)
        var y = BodyText.paragraph(70, on: &page, baseline: 100)
        y = BodyText.paragraph(54, on: &page, baseline: y, offset: 3)   // its last line is full: 26 + 28
        BodyText.paragraph(40, on: &page, baseline: y, offset: 5)
        XCTAssertEqual(paragraphs([page]), [BodyText.characters(69) + "。", BodyText.characters(53, offset: 3) + "。",
                                            BodyText.characters(39, offset: 5) + "。"])
    }

    func testAParagraphCutByAPageBreakIsJoined() {
        var one = SyntheticPage(0), two = SyntheticPage(1)
        // 26 + 28 characters fill page 1's last two lines; the rest continues unindented on page 2.
        let text = Array(BodyText.characters(79) + "。")
        one.text(String(text[0..<26]), x: 112, baseline: 700)
        one.text(String(text[26..<54]), x: 80, baseline: 729)
        two.text(String(text[54...]), x: 80, baseline: 100)
        BodyText.paragraph(30, on: &two, baseline: 129, offset: 9)   // a new, indented paragraph
        XCTAssertEqual(paragraphs([one, two]), [String(text), BodyText.characters(29, offset: 9) + "。"])
    }

    func testAnIndentedLineAfterAPageBreakIsANewParagraph() {
        var one = SyntheticPage(0), two = SyntheticPage(1)
        one.text(BodyText.characters(26), x: 112, baseline: 700)
        one.text(BodyText.characters(28, offset: 2), x: 80, baseline: 729)   // full, but the paragraph ends here
        BodyText.paragraph(30, on: &two, baseline: 100, offset: 4)
        XCTAssertEqual(paragraphs([one, two]).count, 2)
    }

    func testWesternWordsBrokenAcrossLinesGetASpace() {
        var page = SyntheticPage(0)
        // Full lines end at 528: 2 em + 21 characters + ` Civilized`, then `Beijing` + 24 characters.
        page.text(BodyText.characters(21) + " Civilized", x: 112, baseline: 100)
        page.text("Beijing" + BodyText.characters(24), x: 80, baseline: 129)
        page.text(BodyText.characters(5) + "。", x: 80, baseline: 158)
        XCTAssertEqual(paragraphs([page]), [BodyText.characters(21) + " Civilized Beijing" + BodyText.characters(24)
                                            + BodyText.characters(5) + "。"])
    }

    func testHangingDistributionItemsAreOneParagraphEach() {
        var page = SyntheticPage(0)
        BodyText.paragraph(60, on: &page, baseline: 100)
        // 版记 lines at 14 pt, inset one character, continuation lines after the colon.
        page.text("报：" + BodyText.characters(29), x: 94, baseline: 300, size: 14)
        page.text(BodyText.characters(6) + "。", x: 122, baseline: 324, size: 14)
        page.text("送：" + BodyText.characters(29, offset: 3), x: 94, baseline: 348, size: 14)
        page.text(BodyText.characters(8, offset: 3) + "。", x: 122, baseline: 372, size: 14)
        page.text("发：" + BodyText.characters(12), x: 94, baseline: 396, size: 14)
        XCTAssertEqual(Array(paragraphs([page]).dropFirst()),
                       ["报：" + BodyText.characters(29) + BodyText.characters(6) + "。",
                        "送：" + BodyText.characters(29, offset: 3) + BodyText.characters(8, offset: 3) + "。",
                        "发：" + BodyText.characters(12)])
    }

    func testCentredLinesAreParagraphsButACentredHeadlineOnTwoLinesIsOne() {
        var page = SyntheticPage(0)
        // Body lines first, so the measure is known: 80…528.
        BodyText.paragraph(80, on: &page, baseline: 300)
        page.text("首都精神文明办", x: 248, baseline: 100)
        page.text("2020年7月7日", x: 244, baseline: 129)
        page.text(BodyText.characters(15), x: 139, baseline: 180, size: 22, font: "FandolSong-Bold")
        page.text(BodyText.characters(10, offset: 15), x: 194, baseline: 213, size: 22, font: "FandolSong-Bold")
        let result = paragraphs([page])
        XCTAssertEqual(Array(result.prefix(3)), ["首都精神文明办", "2020年7月7日", BodyText.characters(25)])
    }

    func testARuleBetweenLinesSeparatesParagraphs() {
        var page = SyntheticPage(0)
        page.text(BodyText.characters(28), x: 80, baseline: 100)
        page.rules.append(PDFRule(x0: 80, y0: 110, x1: 528, y1: 110, thickness: 2, color: .black))
        page.text(BodyText.characters(28, offset: 4), x: 80, baseline: 129)
        page.text(BodyText.characters(10), x: 80, baseline: 158)
        XCTAssertEqual(paragraphs([page]).count, 2)
    }
    /// reportlab sets every paragraph with a 2-character indent and no space between them; a masthead
    /// of short ragged lines, and 电话/传真 fields under a short line, must not read as one paragraph
    /// because the longest of them looks "full" to a window of short lines only.
    func testARaggedRunOfShortIndentedLinesIsOneParagraphPerLine() {
        var page = SyntheticPage(0)
        // The usual measure, 80…528, from body text further down.
        let lines = ["首都精神文明建设情况简报", "第33期", "（总第2142期）", "首都精神文明办", "2020年7月7日"]
        for (index, line) in lines.enumerated() { page.text(line, x: 112, baseline: 100 + 22 * Double(index), size: 16) }
        var y = BodyText.paragraph(120, on: &page, baseline: 300, pitch: 22)
        y = BodyText.paragraph(20, on: &page, baseline: y, pitch: 22, offset: 7)
        let fields = ["责编：梅雪峰", "核稿：田文松", "电话：55569506", "传真：55569505"]
        for (index, line) in fields.enumerated() { page.text(line, x: 112, baseline: y + 22 * Double(index), size: 16) }
        let result = paragraphs([page])
        XCTAssertEqual(Array(result.prefix(5)), lines)
        XCTAssertEqual(Array(result.suffix(4)), fields)
    }

    /// fpdf2 leaves a paragraph's indent on a line of its own, so `送：` starts at the margin and
    /// `发：` below it two characters in, where a continuation after `送：` would hang.
    func testADistributionLabelIsANewItemWhereverItStarts() {
        var page = SyntheticPage(0)
        BodyText.paragraph(90, on: &page, baseline: 100)
        page.text("送：" + BodyText.characters(26), x: 80, baseline: 300)
        page.text("发：" + BodyText.characters(12, offset: 4) + "。", x: 112, baseline: 329)
        XCTAssertEqual(Array(paragraphs([page]).suffix(2)),
                       ["送：" + BodyText.characters(26), "发：" + BodyText.characters(12, offset: 4) + "。"])
    }

    // MARK: Western text

    /// Ragged-right Western text (a voucher's terms, a letter) ends its lines short by the word that
    /// did not fit. A short line continues when the next line's first word would not have fitted in
    /// what is left and the sentence goes on (no full stop, lower case next); a paragraph's last
    /// line leaves room for the next word, and a line ending a sentence before a capital is left
    /// alone.
    func testRaggedWesternLinesJoinWhereTheNextWordWouldNotHaveFitted() {
        var page = SyntheticPage(0)
        // 10 pt: 5 pt a letter; the longest line ends at 72 + 46 × 5 = 302.
        let lines = [
            "the voucher is valid for one month, from your", // 45: 1 short
            "first visit; please present it to the merchant", // 46: the edge
            "membership begins from your first visit",        // 39: `to` fits → ends the paragraph
            "to activate. A class is not needed.",            // 35: a full stop before a capital
            "Another paragraph starts after a full stop.",
        ]
        for (index, line) in lines.enumerated() { page.text(line, x: 72, baseline: 100 + 13 * Double(index), size: 10) }
        XCTAssertEqual(paragraphs([page]), [lines[0] + " " + lines[1] + " " + lines[2], lines[3], lines[4]])
    }

    /// Justified text ends its full lines on the edge: there a line short by a word is a paragraph's
    /// end even when the next word would not have fitted.
    func testInJustifiedTextAShortLineEndsTheParagraph() {
        var page = SyntheticPage(0)
        var y = 100.0
        for _ in 0..<24 {
            page.text(String(repeating: "justified ", count: 4) + "line ends on", x: 72, baseline: y, size: 10)   // 52: the edge
            y += 13
        }
        page.text(String(repeating: "justified ", count: 4) + "short", x: 72, baseline: y, size: 10)   // 45
        page.text("paragraph two starts at the edge", x: 72, baseline: y + 13, size: 10)
        let result = paragraphs([page])
        XCTAssertEqual(result.count, 2, "\(result)")
        XCTAssertEqual(result.last, "paragraph two starts at the edge")
    }

    /// A list item is a paragraph even when the item above fills its line; its own continuation
    /// lines, set after the bullet, stay with it.
    func testEachBulletedItemIsAParagraph() {
        var page = SyntheticPage(0)
        page.text("• Limit 1 voucher per person; 3 as gifts.", x: 72, baseline: 100, size: 10)
        page.text("• Location must be selected at checkout. Calls", x: 72, baseline: 113, size: 10)
        page.text("ahead are welcome at all times.", x: 82, baseline: 126, size: 10)
        page.text("• For Package 2, the card is exchanged.", x: 72, baseline: 139, size: 10)
        XCTAssertEqual(paragraphs([page]), ["• Limit 1 voucher per person; 3 as gifts.",
                                            "• Location must be selected at checkout. Calls ahead are welcome at all times.",
                                            "• For Package 2, the card is exchanged."])
    }

    /// Western text broken before a bracket or quote, or after one, keeps its space; Chinese text
    /// with a half-width bracket at the break takes none.
    func testBracketsAndQuotesAtALineBreakKeepTheSpace() {
        var page = SyntheticPage(0)
        page.text("please call 617-387-7625 or 978-499-7625", x: 72, baseline: 100, size: 10)
        page.text("(Newburyport) to reserve a class.", x: 72, baseline: 113, size: 10)
        var chinese = SyntheticPage(1)
        chinese.text(BodyText.characters(26), x: 112, baseline: 100)
        chinese.text("(" + BodyText.characters(27) + ")", x: 80, baseline: 129)
        chinese.text(BodyText.characters(5) + "。", x: 80, baseline: 158)
        let result = paragraphs([page, chinese])
        XCTAssertEqual(result.first, "please call 617-387-7625 or 978-499-7625 (Newburyport) to reserve a class.")
        XCTAssertEqual(result.last, BodyText.characters(26) + "(" + BodyText.characters(27) + ")" + BodyText.characters(5) + "。")
    }

    /// A hyphen ending a line goes when the document shows the word unbroken (and never with the
    /// hyphen inside a line); a compound the document writes with its hyphen keeps it, and so does
    /// a word the document never shows whole — no character of the text is lost on a guess. A soft
    /// hyphen always goes.
    /// A hyphen that ends a line goes where the document shows the word whole (`interpreter`,
    /// `TraceMonkey`) or the piece after it is no word of the document (`exe-`/`cuted`); it stays
    /// where the document writes the hyphenated form (`type-specialized`), where the piece after it
    /// is a word the document has shown (`mixed-`/`mode`: a compound) and inside an address. A soft
    /// hyphen always goes.
    func testAHyphenAtALineEndGoesWhereTheDocumentSaysItIsTheTypesetters() {
        var page = SyntheticPage(0)
        let lines = [
            "The interpreter runs type-specialized code; the",
            "bytecode is read by a simple and small inter-",
            "preter, and the many fast and compact type-",
            "specialized traces are then compiled and exe-",
            "cuted by the virtual machine in a mode, a mixed-",
            "mode TraceMonkey, which is set by its Trace-",
            "Monkey, and see the github.com/pypi/linehaul-",
            "cloud, and it is set with one quite soft\u{AD}",
            "hyphen. TraceMonkey.",
        ]
        // Justified to 240 pt but the last line.
        for (index, line) in lines.enumerated() {
            let count = Double(line.count)
            let tracking = index < lines.count - 1 ? (240 - 5 * count) / (count - 1) : 0
            page.text(line, x: 72, baseline: 100 + 13 * Double(index), size: 10, tracking: tracking)
        }
        XCTAssertEqual(paragraphs([page]), [
            "The interpreter runs type-specialized code; the bytecode is read by a simple and small interpreter, and the many "
                + "fast and compact type-specialized traces are then compiled and executed by the virtual machine in a mode, a "
                + "mixed-mode TraceMonkey, which is set by its TraceMonkey, and see the github.com/pypi/linehaul-cloud, and it is set with "
                + "one quite softhyphen. TraceMonkey.",
        ])
    }
}
