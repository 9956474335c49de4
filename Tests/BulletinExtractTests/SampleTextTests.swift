import BulletinExtract
import BulletinModel
import BulletinPDFReader
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
            XCTAssertNil(SampleFixtures.paragraphMismatch(extraction, sample.issue), sample.name)
        }
    }
}

/// The same through the real thing: each sample rendered to PDF by our renderer (both engines:
/// our own writer and Cairo's), read by our PDF reader, extracted.
final class SamplePDFTextTests: XCTestCase {
    func testPDFTextIsThePrintedText() throws {
        for sample in SampleFixtures.all + SampleFixtures.cairo {
            let document = try PDFDocument(bytes: sample.pdf)
            let extraction = Extractor.extract(document)
            XCTAssertEqual(extraction.warnings, [], sample.name)
            let text = TextWriter.write(extraction)
            XCTAssertNil(PrintedTextMatch.mismatch(extracted: text, items: sample.issue.printedItems), sample.name)
            XCTAssertNil(SampleFixtures.paragraphMismatch(extraction, sample.issue), sample.name)
        }
    }
}
