import BulletinExtract
import BulletinPDFReader
import XCTest

/// Pages whose text runs down, up or upside down (a /Rotate page, landscape content) read like
/// the upright page.
final class OrientationTests: XCTestCase {
    /// An upright page with a masthead-like line, two paragraphs and a page number.
    private func upright() -> SyntheticPage {
        var page = SyntheticPage(0)
        page.text("首都精神文明办", x: 80, baseline: 80)
        page.text("2020年7月7日", x: 420, baseline: 80)
        var y = BodyText.paragraph(70, on: &page, baseline: 120)
        y = BodyText.paragraph(40, on: &page, baseline: y, offset: 5)
        page.text("— 1 —", x: 280, baseline: 790, size: 14)
        return page
    }

    /// The page as the reader reports it after a quarter, half or three-quarter turn: `x` the
    /// left edge of each glyph's box in page space, `baseline` its origin's other coordinate.
    private func turned(_ page: SyntheticPage, _ turn: Int) -> PageContent {
        let w = page.width, h = page.height
        var content = page.content
        if turn % 2 == 1 { (content.width, content.height) = (h, w) }
        content.glyphs = page.glyphs.map { g in
            var t = g
            switch turn {
            case 1: t.x = h - g.baseline; t.baseline = g.x            // text runs down, lines right to left
            case 2: t.x = w - g.x - g.width; t.baseline = h - g.baseline
            default: t.x = g.baseline; t.baseline = w - g.x           // text runs up, lines left to right
            }
            return t
        }
        return content
    }

    func testTurnedPagesReadLikeTheUprightPage() {
        let expected = TextWriter.write(Extractor.extract([upright().content]))
        XCTAssertTrue(expected.hasPrefix("首都精神文明办 2020年7月7日\n\n"))
        XCTAssertFalse(expected.contains("— 1 —"))
        for turn in 1...3 {
            XCTAssertEqual(TextWriter.write(Extractor.extract([turned(upright(), turn)])), expected, "turn \(turn)")
        }
    }

    func testARotatedStampDoesNotTurnThePage() {
        var page = upright()
        // Four characters set vertically in the margin.
        for (i, c) in "内部资料".enumerated() {
            page.glyphs.append(PDFGlyph(text: String(c), x: 40, baseline: 300 + Double(i) * 16, width: 16, size: 16,
                                        font: "FandolHei-Regular"))
        }
        let text = TextWriter.write(Extractor.extract([page.content]))
        XCTAssertTrue(text.contains(BodyText.characters(20)))
    }
}
