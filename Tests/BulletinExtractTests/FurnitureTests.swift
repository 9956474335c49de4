import BulletinExtract
import BulletinPDFReader
import XCTest

/// Page numbers, running heads and /Artifact content are left out, and kept on request.
final class FurnitureTests: XCTestCase {
    /// Four pages of body text with a running head on pages 2+ and a page number in `format` at
    /// the foot, alternating sides.
    private func document(pageNumber format: (Int) -> String, head: Bool = true) -> [PageContent] {
        (0..<4).map { p in
            var page = SyntheticPage(p)
            if head && p > 0 { page.text("首都精神文明建设情况简报 第 3\(p) 期", x: 300, baseline: 60, size: 10.5) }
            BodyText.paragraph(60, on: &page, baseline: 120, offset: p * 7)
            let number = format(p + 1)
            page.text(number, x: p % 2 == 0 ? 440 : 100, baseline: 790, size: 14)
            return page.content
        }
    }

    func testPageNumbersAndRunningHeadsAreRemoved() {
        let forms: [(Int) -> String] = [{ "— \($0) —" }, { "- \($0) -" }, { "第\($0)页" }, { "\($0)" }, { "第 \($0) 页 共 4 页" }]
        for form in forms {
            let text = TextWriter.write(Extractor.extract(document(pageNumber: form)))
            XCTAssertFalse(text.contains("简报"), "running head left in: \(form(1))")
            for n in 1...4 { XCTAssertFalse(text.contains(form(n)), "page number \(form(n)) left in") }
            XCTAssertTrue(text.contains(BodyText.characters(20)), "body kept")
        }
    }

    func testKeepFurnitureKeepsThemAsParagraphsOfTheirOwn() {
        let extraction = Extractor.extract(document(pageNumber: { "— \($0) —" }), options: ExtractOptions(keepFurniture: true))
        let paragraphs = extraction.paragraphs.map(\.text)
        XCTAssertEqual(paragraphs.filter { $0.hasPrefix("— ") }, ["— 1 —", "— 2 —", "— 3 —", "— 4 —"])
        XCTAssertEqual(paragraphs.filter { $0.contains("简报") }.count, 3)
        XCTAssertEqual(extraction.paragraphs.first { $0.text == "— 2 —" }?.furniture, .pageNumber)
        // In page order: page 2's head comes after page 1's number.
        let one = paragraphs.firstIndex(of: "— 1 —")!, head = paragraphs.firstIndex { $0.contains("第 31 期") }!
        XCTAssertLessThan(one, head)
    }

    func testArtifactMarkedContentIsFurniture() {
        var page = SyntheticPage(0)
        page.text("页眉标记", x: 80, baseline: 400, artifact: true)   // anywhere on the page
        BodyText.paragraph(30, on: &page, baseline: 120)
        XCTAssertFalse(TextWriter.write(Extractor.extract([page.content])).contains("页眉标记"))
        let kept = TextWriter.write(Extractor.extract([page.content], options: ExtractOptions(keepFurniture: true)))
        XCTAssertTrue(kept.contains("页眉标记"))
    }

    func testANumberInTheBodyIsNotAPageNumber() {
        var page = SyntheticPage(0)
        BodyText.paragraph(30, on: &page, baseline: 120)
        page.text("2020", x: 80, baseline: 400)              // a line of its own mid-page
        BodyText.paragraph(30, on: &page, baseline: 430)
        XCTAssertTrue(TextWriter.write(Extractor.extract([page.content])).contains("\n2020\n"))
    }

    func testAMastheadRepeatedOnFewPagesOfABoundVolumeIsKept() {
        // Five 4-page issues: each first page repeats the masthead line at the same place.
        let pages = (0..<20).map { p -> PageContent in
            var page = SyntheticPage(p)
            if p % 4 == 0 { page.text("第\(p / 4 + 1)期（总第\(2100 + p / 4)期）", x: 200, baseline: 90) }
            BodyText.paragraph(60, on: &page, baseline: 150, offset: p)
            return page.content
        }
        let text = TextWriter.write(Extractor.extract(pages))
        for n in 1...5 { XCTAssertTrue(text.contains("第\(n)期"), "masthead of issue \(n) kept") }
    }
}

/// A one-page selection still loses the running head: the pages next to it show the repetition.
final class PageSelectionFurnitureTests: XCTestCase {
    func testOnePageOfTheCorpusHasNoRunningHead() throws {
        let fixture = try XCTUnwrap(CorpusFixtureTests.fixtures.first { $0.producer == "cairo" })
        let document = try PDFDocument(path: fixture.pdf)
        let extraction = Extractor.extract(document, pages: [2])
        XCTAssertEqual(extraction.pages.map(\.index), [2])
        let text = TextWriter.write(extraction)
        XCTAssertFalse(text.contains("第 33 期"), String(text.prefix(60)))
        XCTAssertFalse(text.contains("— 3 —"))
    }

    func testPageSelectionParsing() throws {
        XCTAssertEqual(try PageSelection(parsing: "2-3").indices(pageCount: 5), [1, 2])
        XCTAssertEqual(try PageSelection(parsing: "1,4-").indices(pageCount: 5), [0, 3, 4])
        XCTAssertEqual(try PageSelection(parsing: "-2").indices(pageCount: 5), [0, 1])
        XCTAssertThrowsError(try PageSelection(parsing: "0"))
        XCTAssertThrowsError(try PageSelection(parsing: "a-b"))
        XCTAssertThrowsError(try PageSelection(parsing: "3-1"))
        XCTAssertThrowsError(try PageSelection(parsing: "2,9").indices(pageCount: 5))
    }
}

/// A page without text says so.
final class EmptyPageTests: XCTestCase {
    func testAPageWithoutTextIsAWarning() {
        var text = SyntheticPage(0)
        BodyText.paragraph(30, on: &text, baseline: 100)
        let extraction = Extractor.extract([text.content, SyntheticPage(1).content])
        XCTAssertEqual(extraction.warnings.map(\.page), [1])
        XCTAssertEqual(extraction.warnings.first?.feature, "text")
        XCTAssertEqual(extraction.paragraphs.count, 1)
    }
}
