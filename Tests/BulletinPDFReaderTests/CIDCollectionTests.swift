@testable import BulletinPDFReader
import TestSupport
import XCTest

/// Type 0 fonts that carry no Unicode (not embedded, no ToUnicode) read through Adobe's CJK
/// collections and the predefined CMaps: Tests/Fixtures/pdf/cjk-collections.pdf
/// (scripts/make-reader-fixtures.py), one line per font.
final class CIDCollectionTests: XCTestCase {
    func testEachFontReadsItsLine() throws {
        let page = try PDFDocument(path: Repository.path("Tests/Fixtures/pdf/cjk-collections.pdf")).page(0)
        var lines: [(baseline: Double, text: String)] = []
        for glyph in page.glyphs {
            if let last = lines.last, abs(last.baseline - glyph.baseline) < 1 { lines[lines.count - 1].text += glyph.text }
            else { lines.append((glyph.baseline, glyph.text)) }
        }
        XCTAssertEqual(lines.map(\.text), [
            "あいう",  // Identity-H, Adobe-Japan1 CIDs 843 845 847
            "中文",    // Identity-H, Adobe-CNS1 CIDs 661 726
            "한국",    // Identity-H, Adobe-Korea1 CIDs 3296 1204
            "日本",    // EUC-H
            "日本",    // H: JIS X 0208 in 7 bits
            "東京",    // UniJIS-UTF8-H
            "中文",    // CNS-EUC-H
        ])
        XCTAssertEqual(page.warnings.map(\.message), [], "nothing unsupported, nothing unmapped")
    }

    func testCollectionsByRegistryAndOrdering() {
        XCTAssertNil(CIDCollection(registry: "Adobe", ordering: "Identity"))
        XCTAssertNil(CIDCollection(registry: "Microsoft", ordering: "GB1"))
        XCTAssertEqual(CIDCollection.gb1.scalar(4559), "中")
        XCTAssertEqual(CIDCollection(registry: "Adobe", ordering: "Japan1")?.scalar(843), "あ")
        XCTAssertNil(CIDCollection.korea1.scalar(0), "CID 0 is .notdef")
        XCTAssertNil(CIDCollection.cns1.scalar(1 << 20), "past the table")
    }
}
