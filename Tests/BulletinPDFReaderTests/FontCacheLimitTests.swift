@testable import BulletinPDFReader
import XCTest

/// Memory bounded by the page, not the file: a document whose fonts outgrow the font budget (a
/// volume of many issues, each with its own subset fonts) does not keep them all, pages whose
/// fonts were let go still read the same, and fonts of recent pages stay whatever the budget.
final class FontCacheLimitTests: XCTestCase {
    /// `pages` pages, page i showing "Page i" in its own font object; the last ten pages use the
    /// first pages' fonts again.
    private func document(pages: Int) -> [UInt8] {
        let fontCount = pages - 10
        let kids = (0..<pages).map { "\(3 + $0) 0 R" }.joined(separator: " ")
        var objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [\(kids)] /Count \(pages) >>"]
        let firstContent = 3 + pages, firstFont = firstContent + pages
        for page in 0..<pages {
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents \(firstContent + page) 0 R "
                           + "/Resources << /Font << /F1 \(firstFont + page % fontCount) 0 R >> >> >>")
        }
        for page in 0..<pages { objects.append(MiniPDF.stream("BT /F1 12 Tf 72 720 Td (Page \(page)) Tj ET")) }
        for _ in 0..<fontCount { objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>") }
        return MiniPDF.build(objects)
    }

    /// A budget a dozen small Type 1 fonts exceed (a real one is 4 MB).
    private let small = PDFDocument.Options(fontCacheBytes: 16 << 10)

    func testPagesReadTheSameAfterFontsAreLetGo() throws {
        let pages = 100
        let document = try PDFDocument(bytes: document(pages: pages), options: small)
        for index in 0..<pages {
            XCTAssertEqual(document.page(index).glyphs.map(\.text).joined(), "Page \(index)")
        }
    }

    func testFontsNotUsedLatelyAreLetGoPastTheBudget() throws {
        let pages = 100
        for (options, bound) in [(small, 12), (PDFDocument.Options(), pages)] {
            let document = try PDFDocument(bytes: document(pages: pages), options: options)
            var most = 0
            for index in 0..<pages {
                _ = document.page(index)
                most = max(most, document.fontCacheCounts.max() ?? 0)
            }
            XCTAssertGreaterThan(most, 4, "the fonts were cached")
            XCTAssertLessThanOrEqual(most, bound, "90 fonts, budget \(options.fontCacheBytes) bytes")
        }
    }

    /// A page may use more fonts than the budget holds (Chromium writes a Type 3 font per few
    /// glyphs): the fonts the last pages used are kept, so the next page does not load them again.
    func testFontsOfRecentPagesAreKeptPastTheBudget() throws {
        let perPage = 40
        let fonts = (0..<perPage).map { "/F\($0) \(6 + $0) 0 R" }.joined(separator: " ")
        let content = (0..<perPage).map { "/F\($0) 12 Tf (x) Tj" }.joined(separator: " ")
        var objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>"]
        for _ in 0..<2 {
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << \(fonts) >> >> >>")
        }
        objects.append(MiniPDF.stream("BT 72 720 Td \(content) ET"))
        for _ in 0..<perPage { objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>") }
        let document = try PDFDocument(bytes: MiniPDF.build(objects), options: small)
        for index in 0..<2 {
            XCTAssertEqual(document.page(index).glyphs.count, perPage)
            XCTAssertEqual(document.fontCacheCounts.max(), perPage, "page \(index + 1): its fonts stay cached")
        }
    }
}
