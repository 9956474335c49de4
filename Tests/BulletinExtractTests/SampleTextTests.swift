import BulletinExtract
import BulletinModel
import TestSupport
import XCTest

/// Every sample's pages (from the display list, exactly what the PDF draws) extract to the sample's
/// printed text: each item, in order, and each body element a paragraph of its own.
final class SampleTextTests: XCTestCase {
    func testDisplayListTextIsThePrintedText() {
        for sample in SampleFixtures.all {
            let extraction = Extractor.extract(SampleFixtures.pages(sample))
            let text = TextWriter.write(extraction)
            XCTAssertNil(PrintedTextMatch.mismatch(extracted: text, items: sample.issue.printedItems), sample.name)
            assertParagraphs(extraction, sample.issue, sample.name)
        }
    }

    /// Items that are whole paragraphs on the page (not the masthead's shared lines, not the footer
    /// rows) each come out as exactly one paragraph, in order.
    func assertParagraphs(_ extraction: Extraction, _ issue: Issue, _ name: String,
                          file: StaticString = #filePath, line: UInt = #line) {
        let paragraphs = extraction.paragraphs.map(\.text)
        var cursor = 0
        for item in issue.printedItems where item.path.hasPrefix("sections") || item.path.hasPrefix("distribution") {
            guard let found = paragraphs[cursor...].firstIndex(of: item.text) else {
                XCTFail("\(name): \(item.path) is not a paragraph of its own: “\(item.text.prefix(30))…”", file: file, line: line)
                continue
            }
            cursor = found + 1
        }
    }
}
