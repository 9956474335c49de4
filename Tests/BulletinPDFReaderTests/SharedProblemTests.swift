@testable import BulletinPDFReader
import Dispatch
import XCTest

/// A damaged object or font that several pages share is reported on every page that uses it, so
/// the warnings do not depend on which page (and which reading thread) happened to parse it first.
final class SharedProblemTests: XCTestCase {
    /// Three pages; /F1 (object 9) and /F2 (object 10) are broken dictionaries, /F3 a font whose
    /// ToUnicode stream uses a filter the reader does not have. Page 1 uses F1 and F3, page 2 F1,
    /// F2 and F3, page 3 F2.
    private static let bytes = MiniPDF.build([
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] /Count 3 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 6 0 R /Resources << /Font << /F1 9 0 R /F3 11 0 R >> >> >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 7 0 R /Resources << /Font << /F1 9 0 R /F2 10 0 R /F3 11 0 R >> >> >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 8 0 R /Resources << /Font << /F2 10 0 R >> >> >>",
        MiniPDF.stream("BT /F1 12 Tf 72 720 Td (One) Tj /F3 12 Tf (One) Tj ET"),
        MiniPDF.stream("BT /F2 12 Tf 72 720 Td (Two) Tj /F1 12 Tf (Two) Tj /F3 12 Tf (Two) Tj ET"),
        MiniPDF.stream("BT /F2 12 Tf 72 720 Td (Three) Tj ET"),
        "<< /Type /Font /Widths [9 9",
        "<< /Type /Font /Widths [10 10",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode 12 0 R >>",
        MiniPDF.stream("garbage", extra: " /Filter /JBIG2Decode"),
    ])

    private static func warnings(_ page: PageContent) -> [String] { page.warnings.map(\.description) }
    private func warnings(_ page: PageContent) -> [String] { Self.warnings(page) }

    func testEveryPageUsingADamagedObjectReportsIt() throws {
        let document = try PDFDocument(bytes: Self.bytes)
        let pages = (0..<3).map { warnings(document.page($0)) }
        func reports(_ page: Int, _ needle: String) -> Bool { pages[page].contains { $0.contains(needle) } }
        // Page 2 is read after page 1 parsed object 9 and font F3: it still reports them.
        XCTAssertTrue(reports(0, "object 9 0") && reports(1, "object 9 0"), "\(pages)")
        XCTAssertTrue(reports(1, "object 10 0") && reports(2, "object 10 0"), "\(pages)")
        XCTAssertFalse(reports(2, "object 9 0"), "page 3 does not use object 9")
        XCTAssertTrue(reports(0, "JBIG2Decode") && reports(1, "JBIG2Decode"), "\(pages)")
        XCTAssertFalse(reports(2, "JBIG2Decode"))
        XCTAssertEqual(document.page(1).glyphs.map(\.text).joined(), "Two", "F3's text is still read")
    }

    func testPageWarningsDoNotDependOnReadingOrderOrThreads() throws {
        let reference = try PDFDocument(bytes: Self.bytes)
        let expected = (0..<3).map { warnings(reference.page($0)) }
        for order in [[2, 1, 0], [1, 2, 0], [1, 0, 2, 1]] {
            let document = try PDFDocument(bytes: Self.bytes)
            for index in order {
                XCTAssertEqual(warnings(document.page(index)), expected[index], "order \(order), page \(index + 1)")
            }
        }
        for trial in 0..<20 {
            let document = try PDFDocument(bytes: Self.bytes)
            nonisolated(unsafe) var found = [[String]](repeating: [], count: 6)
            DispatchQueue.concurrentPerform(iterations: 6) { k in found[k] = Self.warnings(document.page(k % 3)) }
            for k in 0..<6 { XCTAssertEqual(found[k], expected[k % 3], "trial \(trial), page \(k % 3 + 1)") }
        }
    }

    /// What the document's opening reported (objects read to rebuild the cross-reference and walk
    /// the page tree) is said once, not again by each page whose reader parses those objects.
    func testOpeningProblemsAreNotRepeatedByPages() throws {
        let document = try PDFDocument(path: FixtureTests.fixture("fuzz-negative-range-target.pdf"))
        let pageWarnings = (0..<document.pageCount).flatMap { document.page($0).warnings }
        let opening = Set(document.warnings.map { "\($0.feature)|\($0.message)" })
        XCTAssertTrue(opening.contains { $0.hasPrefix("object 4 0|") }, "\(opening)")
        let repeated = pageWarnings.filter { opening.contains("\($0.feature)|\($0.message)") }
        XCTAssertEqual(repeated, [])
        XCTAssertFalse(pageWarnings.isEmpty, "the page's own problems are still reported")
    }
}
