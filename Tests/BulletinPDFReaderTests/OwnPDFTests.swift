import BulletinModel
import BulletinPDFReader
import BulletinRender
import Foundation
import TestSupport
import XCTest

/// Our own PDFs (Cairo: classic xref, FlateDecode, Type0/Identity-H CFF fonts with ToUnicode) read
/// back: the text equals poppler's (an independent oracle) character for character, pages are A4,
/// the masthead is big and red, the info dictionary decodes.
final class OwnPDFTests: XCTestCase {
    static let session: RenderSession = { try! RenderSession(home: Repository.root, systemFallback: false) }()

    /// Renders a sample and writes it to a temporary file (poppler reads files).
    static func rendered(_ sample: String) throws -> (bytes: [UInt8], path: String) {
        let data = Array(try Data(contentsOf: URL(fileURLWithPath: sample)))
        let pdf = try session.render(issueJSON: data, file: sample).value.pdf
        let path = (Repository.temporaryDirectory() as NSString).appendingPathComponent("sample.pdf")
        try Data(pdf).write(to: URL(fileURLWithPath: path))
        return (pdf, path)
    }

    func testTextEqualsPopplersOnEverySample() throws {
        XCTAssertEqual(Repository.samples.count, 4)
        for sample in Repository.samples {
            let (bytes, path) = try Self.rendered(sample)
            let document = try PDFDocument(bytes: bytes)
            XCTAssertEqual(document.warnings, [], sample)
            let poppler = try Poppler.text(path).filter { !$0.isWhitespace }
            let ours = GlyphDump.text(document)
            XCTAssertEqual(ours, poppler, sample)
            XCTAssertEqual(document.pageCount, Int(try Poppler.info(path)["Pages"] ?? ""), sample)
            for index in 0..<document.pageCount {
                let page = document.page(index)
                XCTAssertEqual(page.warnings, [], "\(sample) page \(index + 1)")
                XCTAssertEqual(page.width, 595.28, accuracy: 0.01)
                XCTAssertEqual(page.height, 841.89, accuracy: 0.01)
                for glyph in page.glyphs {
                    XCTAssertFalse(glyph.text.isEmpty, "\(sample) page \(index + 1): every glyph has text")
                    XCTAssert(glyph.x >= 0 && glyph.x + glyph.width <= page.width, "inside the page: \(glyph)")
                    XCTAssert(glyph.baseline > 0 && glyph.baseline <= page.height, "inside the page: \(glyph)")
                }
            }
        }
    }

    func testMastheadIsLargeRedAndFirst() throws {
        let (bytes, _) = try Self.rendered(Repository.samples[0])
        let page = try PDFDocument(bytes: bytes).page(0)
        let title = page.glyphs.prefix(12)
        XCTAssertEqual(title.map(\.text).joined(), "首都精神文明建设情况简报")
        for glyph in title {
            XCTAssertGreaterThan(glyph.size, 20, "the masthead title is set large")
            XCTAssertGreaterThan(glyph.color.red, 0.7)
            XCTAssertLessThan(glyph.color.green, 0.2)
        }
        // Glyphs on the title line share a baseline and advance left to right without overlap.
        for (left, right) in zip(title, title.dropFirst()) {
            XCTAssertEqual(left.baseline, right.baseline, accuracy: 0.01)
            XCTAssertLessThanOrEqual(left.x + left.width, right.x + 0.01)
        }
        // The red rule under the masthead is found as a horizontal rule.
        XCTAssertTrue(page.rules.contains { $0.y0 == $0.y1 && $0.x1 - $0.x0 > 300 && $0.color.red > 0.7 }, "\(page.rules)")
        // The body text is 16 pt in the sample layout.
        let sizes = Dictionary(grouping: page.glyphs, by: { ($0.size * 10).rounded() / 10 }).mapValues(\.count)
        XCTAssertEqual(sizes.max { $0.value < $1.value }?.key, 16)
    }

    func testInfoDictionaryDecodes() throws {
        let (bytes, path) = try Self.rendered(Repository.samples[0])
        let document = try PDFDocument(bytes: bytes)
        let poppler = try Poppler.info(path)
        XCTAssertEqual(document.info["Title"], poppler["Title"])
        XCTAssertEqual(document.info["Author"], poppler["Author"])
        XCTAssertEqual(document.info["Producer"], poppler["Producer"])
    }

    /// One document shared by several threads (the type is Sendable): pages come out the same as read
    /// one after another.
    func testPagesFromSeveralThreads() throws {
        let (bytes, _) = try Self.rendered(Repository.samples[2])
        let document = try PDFDocument(bytes: bytes)
        let sequential = (0..<document.pageCount).map { document.page($0) }
        let results = Results(count: document.pageCount * 4)
        DispatchQueue.concurrentPerform(iterations: document.pageCount * 4) { index in
            results.set(index, document.page(index % document.pageCount))
        }
        for index in 0..<(document.pageCount * 4) {
            XCTAssertEqual(results.get(index), sequential[index % document.pageCount])
        }
    }

    /// Pages read in parallel (one reader per thread, each parsing fonts itself) carry the same
    /// glyphs and the same page warnings as pages read one by one, also when objects are broken
    /// (warnings come from each thread's own object store), and document warnings stay unique.
    func testPagesReadInParallelWithBrokenObjectsMatchSequentialReading() throws {
        let pageCount = 12
        var objects = ["<< /Type /Catalog /Pages 2 0 R >>",
                       "<< /Type /Pages /Kids [\((0..<pageCount).map { "\(4 + 2 * $0) 0 R" }.joined(separator: " "))] /Count \(pageCount) >>",
                       "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
        for page in 0..<pageCount {
            // Odd pages also select /F2, a font object that does not exist (a warning on that page).
            let content = "BT /F1 12 Tf 72 700 Td (Page \(page + 1) text) Tj " + (page % 2 == 1 ? "/F2 12 Tf (lost) Tj " : "") + "ET"
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents \(5 + 2 * page) 0 R "
                           + "/Resources << /Font << /F1 3 0 R /F2 999 0 R >> >> >>")
            objects.append(MiniPDF.stream(content))
        }
        let bytes = MiniPDF.build(objects)
        let sequential = try PDFDocument(bytes: bytes)
        let expected = (0..<pageCount).map { sequential.page($0) }
        XCTAssertTrue(expected[0].warnings.isEmpty)
        XCTAssertFalse(expected[1].warnings.isEmpty, "the missing font gives no warning")
        XCTAssertEqual(expected[2].glyphs.map(\.text).joined(), "Page 3 text")

        let document = try PDFDocument(bytes: bytes)
        let results = Results(count: pageCount * 3)
        DispatchQueue.concurrentPerform(iterations: pageCount * 3) { index in
            results.set(index, document.page(index % pageCount))
        }
        for index in 0..<(pageCount * 3) {
            XCTAssertEqual(results.get(index), expected[index % pageCount], "page \(index % pageCount + 1)")
        }
        XCTAssertEqual(document.warnings, sequential.warnings)
        XCTAssertEqual(Set(document.warnings.map(\.description)).count, document.warnings.count)
    }

    final class Results: @unchecked Sendable {
        private var pages: [PageContent?]
        private let lock = NSLock()
        init(count: Int) { pages = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ page: PageContent) { lock.lock(); pages[index] = page; lock.unlock() }
        func get(_ index: Int) -> PageContent? { lock.lock(); defer { lock.unlock() }; return pages[index] }
    }

    func testOpeningFromPathMatchesBytes() throws {
        let (bytes, path) = try Self.rendered(Repository.samples[1])
        let fromPath = try PDFDocument(path: path)
        let fromBytes = try PDFDocument(bytes: bytes)
        XCTAssertEqual(fromPath.pageCount, fromBytes.pageCount)
        for index in 0..<fromPath.pageCount { XCTAssertEqual(fromPath.page(index), fromBytes.page(index)) }
    }
}
