@testable import BulletinPDFReader
import XCTest

/// The page list keeps each page's reference and shares the attributes pages inherit alike; every
/// page must still come back with its own box, rotation, resources and (inline) dictionary.
final class PageIndexTests: XCTestCase {
    func testEveryPageKeepsItsOwnAttributes() throws {
        let font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
        let bytes = MiniPDF.build([
            "<< /Type /Catalog /Pages 2 0 R >>",
            // Inherited by every page: a US Letter box and resources by reference.
            "<< /Type /Pages /Kids [3 0 R 4 0 R << /Type /Page /Contents 7 0 R >> 5 0 R 6 0 R 11 0 R] /Count 6 "
                + "/MediaBox [0 0 612 792] /Resources 10 0 R >>",
            "<< /Type /Page /Parent 2 0 R /Contents 7 0 R >>",
            "<< /Type /Page /Parent 2 0 R /Contents 8 0 R /MediaBox [0 0 595 842] /Rotate 90 >>",
            "<< /Type /Page /Parent 2 0 R /Contents 9 0 R >>",
            "<< /Type /Page /Parent 2 0 R /Contents 9 0 R /CropBox [0 0 300 400] >>",
            MiniPDF.stream("BT /F1 12 Tf 72 700 Td (Letter) Tj ET"),
            MiniPDF.stream("BT /F1 12 Tf 72 700 Td (Turned) Tj ET"),
            MiniPDF.stream("BT /F1 12 Tf 72 300 Td (Again) Tj ET"),
            "<< /Font << /F1 12 0 R >> >>",
            // A nested node with its own resources.
            "<< /Type /Pages /Parent 2 0 R /Kids [13 0 R] /Count 1 /Resources << /Font << /F1 12 0 R >> >> >>",
            font,
            "<< /Type /Page /Parent 11 0 R /Contents 9 0 R /Rotate 180 >>",
        ])
        let document = try PDFDocument(bytes: bytes)
        XCTAssertEqual(document.pageCount, 6)
        func text(_ page: PageContent) -> String { page.glyphs.map(\.text).joined() }
        let expected: [(width: Double, height: Double, text: String)] = [
            (612, 792, "Letter"), (842, 595, "Turned"), (612, 792, "Letter"),
            (612, 792, "Again"), (300, 400, "Again"), (612, 792, "Again"),
        ]
        for (index, want) in expected.enumerated() {
            let page = document.page(index)
            XCTAssertEqual(page.width, want.width, "page \(index + 1)")
            XCTAssertEqual(page.height, want.height, "page \(index + 1)")
            XCTAssertEqual(text(page), want.text, "page \(index + 1)")
            XCTAssertEqual(page.warnings, [], "page \(index + 1)")
        }
        // Upside down: the text's first glyph is to the right of its last.
        let turned = document.page(5).glyphs
        XCTAssertGreaterThan(turned.first!.x, turned.last!.x)
    }

    func testPagesSharingAttributesShareOneRecord() {
        var index = PageIndex()
        let letter = (x0: 0.0, y0: 0.0, x1: 612.0, y1: 792.0), a4 = (x0: 0.0, y0: 0.0, x1: 595.0, y1: 842.0)
        for n in 0..<1_000 {
            // Odd and even pages alternate between two boxes; every hundredth page is turned.
            index.append(PageEntry(id: ObjectID(number: 10 + n, generation: n % 3), directDictionary: nil,
                                   inheritedResources: .reference(ObjectID(number: 5, generation: 0)),
                                   mediaBox: n % 2 == 0 ? letter : a4, cropBox: nil, rotate: n % 100 == 99 ? 90 : 0))
        }
        XCTAssertEqual(index.count, 1_000)
        XCTAssertLessThanOrEqual(index.attributeRecords, 3 + 10)
        for n in [0, 1, 98, 99, 500, 999] {
            let entry = index[n]
            XCTAssertEqual(entry.id, ObjectID(number: 10 + n, generation: n % 3))
            XCTAssertEqual(entry.mediaBox.x1, n % 2 == 0 ? 612 : 595)
            XCTAssertEqual(entry.rotate, n % 100 == 99 ? 90 : 0)
            XCTAssertEqual(entry.inheritedResources?.reference, ObjectID(number: 5, generation: 0))
        }
    }

    func testEvenlyNumberedPagesAreOneRun() {
        let letter = (x0: 0.0, y0: 0.0, x1: 612.0, y1: 792.0)
        func entry(_ number: Int?, rotate: Int = 0) -> PageEntry {
            PageEntry(id: number.map { ObjectID(number: $0, generation: 0) }, directDictionary: nil, inheritedResources: nil,
                      mediaBox: letter, cropBox: nil, rotate: rotate)
        }
        // Cairo's numbering (9, 13, 17 …), a merged file's (3, 4, 5 …) and numbers at random.
        var generator = SystemRandomNumberGenerator()
        let random = (0..<2_000).map { _ in Int.random(in: 1...1_000_000, using: &generator) }
        let cases: [(name: String, numbers: [Int], maximumRuns: Int)] = [
            ("step 4", (0..<5_000).map { 9 + 4 * $0 }, 1),
            ("step 1 after a first page elsewhere", [2] + (0..<5_000).map { 40 + $0 }, 2),
            ("descending", (0..<300).map { 10_000 - 7 * $0 }, 1),
            ("random", random, 1_001),
        ]
        for (name, numbers, maximumRuns) in cases {
            var index = PageIndex()
            for number in numbers { index.append(entry(number)) }
            XCTAssertEqual(index.count, numbers.count, name)
            XCTAssertLessThanOrEqual(index.runCount, maximumRuns, name)
            for (page, number) in numbers.enumerated() { XCTAssertEqual(index[page].id?.number, number, "\(name): page \(page)") }
        }
        // A turned page or an inline page dictionary ends a run; the pages around it still come back.
        var index = PageIndex()
        for n in 0..<10 { index.append(entry(n == 7 ? nil : 3 + n, rotate: n == 4 ? 90 : 0)) }
        XCTAssertEqual((0..<10).map { index[$0].id?.number }, [3, 4, 5, 6, 7, 8, 9, nil, 11, 12])
        XCTAssertEqual((0..<10).map { index[$0].rotate }, [0, 0, 0, 0, 90, 0, 0, 0, 0, 0])
    }
}
