@testable import BulletinPDFReader
import XCTest

/// Memory bounded by the page, not the file: a document with more fonts than `FontCache.fontLimit`
/// (a volume of many issues, each with its own subset fonts) does not keep them all, and pages
/// whose fonts were let go still read the same.
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

    func testPagesReadTheSameAfterTheFontCacheStartsAgain() throws {
        let pages = FontCache.fontLimit + 30
        let document = try PDFDocument(bytes: document(pages: pages))
        for index in 0..<pages {
            XCTAssertEqual(document.page(index).glyphs.map(\.text).joined(), "Page \(index)")
        }
    }

    func testTheCacheKeepsAtMostTheLimitBetweenPages() throws {
        let pages = FontCache.fontLimit + 30
        let document = try PDFDocument(bytes: document(pages: pages))
        var most = 0
        for index in 0..<pages {
            _ = document.page(index)
            most = max(most, document.fontCacheCounts.max() ?? 0)
        }
        XCTAssertGreaterThan(most, FontCache.fontLimit / 2, "the fonts were cached")
        XCTAssertLessThanOrEqual(most, FontCache.fontLimit)
    }
}
