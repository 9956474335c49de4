@testable import BulletinExtract
import BulletinPDFReader
import XCTest

/// Text at an angle to the page's lines (`RotatedText`): a diagonal watermark and a label up the
/// binding margin over a page of body text.
final class RotatedTextTests: XCTestCase {
    /// Three paragraphs of body text, a grey watermark rising at 45° across them (315°: up and to
    /// the right), and `装订线` running up the left margin.
    private func watermarkedPage(_ index: Int = 0) -> SyntheticPage {
        var page = SyntheticPage(index)
        var baseline = 120.0
        for offset in 0..<3 { baseline = BodyText.paragraph(90, on: &page, baseline: baseline, offset: offset * 7) + 10 }
        page.rotatedText("内部资料 注意保密", from: (x: 150, y: 400), angle: 315, color: PDFColor(red: 0.8, green: 0.8, blue: 0.8))
        page.rotatedText("装订线", from: (x: 40, y: 500), angle: 270, size: 12)
        return page
    }

    private func bodyOnly() -> SyntheticPage {
        var page = watermarkedPage()
        page.glyphs.removeAll { $0.angle != 0 }
        return page
    }

    func testWatermarkStaysOutOfTheBodyText() {
        let watermarked = Extractor.extract([watermarkedPage().content])
        let plain = Extractor.extract([bodyOnly().content])
        XCTAssertEqual(watermarked.paragraphs.map(\.text), plain.paragraphs.map(\.text))
        XCTAssertEqual(plain.paragraphs.count, 3)
    }

    func testRotatedLinesAreReadInTheirOwnDirection() {
        let page = Extractor.extract([watermarkedPage().content]).pages[0]
        // Down the page by their tops: the watermark reaches higher.
        XCTAssertEqual(page.rotatedLines.map(\.text), ["内部资料 注意保密", "装订线"])
        XCTAssertEqual(page.rotatedLines.map(\.angle), [315, 270])
        XCTAssertEqual(page.rotatedLines.map(\.furniture), [.rotated, .rotated])
        // The label's box is where it stands: a 12-point column from y 464 to 500 left of x 40 + ascent.
        let label = page.rotatedLines[1]
        XCTAssertEqual(label.top, 464, accuracy: 0.5)
        XCTAssertEqual(label.bottom, 500, accuracy: 0.5)
        XCTAssertLessThan(label.x1, 60)
    }

    func testLeftOutTextIsNamedInAWarningAndKeptOnRequest() {
        let extraction = Extractor.extract([watermarkedPage().content])
        let warnings = extraction.warnings.filter { $0.feature == "rotated text" }
        XCTAssertEqual(warnings.count, 1)
        XCTAssert(warnings.first?.message.hasPrefix("11 character(s) drawn at an angle") ?? false, "\(warnings)")
        XCTAssert(warnings.first?.message.contains("“内部资料 注意保密 装订线”") ?? false, "\(warnings)")

        let kept = Extractor.extract([watermarkedPage().content], options: ExtractOptions(keepFurniture: true))
        XCTAssertEqual(kept.warnings.filter { $0.feature == "rotated text" }, [])
        // After the page's text, each line a paragraph of its own.
        XCTAssertEqual(kept.paragraphs.suffix(2).map(\.text), ["内部资料 注意保密", "装订线"])
        XCTAssertEqual(kept.paragraphs.suffix(2).map(\.furniture), [.rotated, .rotated])
    }

    /// A body paragraph continued on the next page is still joined across a watermark on both.
    func testParagraphsStillJoinAcrossWatermarkedPages() {
        var first = watermarkedPage(0), second = watermarkedPage(1)
        first.glyphs.removeAll { $0.angle == 0 }
        second.glyphs.removeAll { $0.angle == 0 }
        // A paragraph cut by the page break: full lines to the foot of page 1, on at the top of page 2.
        BodyText.paragraph(26 + 28 * 20, on: &first, baseline: 120, ending: "，")
        BodyText.paragraph(40, on: &second, baseline: 120, indent: false, offset: 3)
        let paragraphs = Extractor.extract([first.content, second.content]).paragraphs
        XCTAssertEqual(paragraphs.count, 1, paragraphs.map(\.text).joined(separator: "\n"))
        // The same pages without the watermark join too (the test is of the watermark).
        first.glyphs.removeAll { $0.angle != 0 }
        second.glyphs.removeAll { $0.angle != 0 }
        XCTAssertEqual(Extractor.extract([first.content, second.content]).paragraphs.count, 1)
    }

    /// Text at an angle that is much of the page (a table set sideways) is content: it stays with
    /// the page's glyphs, no furniture, no warning.
    func testMuchRotatedTextStaysContent() {
        var page = SyntheticPage(0)
        BodyText.paragraph(40, on: &page, baseline: 120)
        for k in 0..<4 {
            page.rotatedText(BodyText.characters(20, offset: k), from: (x: 100 + 20 * Double(k), y: 700), angle: 270, size: 16)
        }
        let extraction = Extractor.extract([page.content])
        XCTAssertEqual(extraction.pages[0].rotatedLines, [])
        XCTAssertEqual(extraction.warnings.filter { $0.feature == "rotated text" }, [])
        let characters = extraction.paragraphs.map(\.text).joined().filter { !$0.isWhitespace }.count
        XCTAssertEqual(characters, 40 + 80)
    }
}
