import BulletinExtract
import Foundation
import BulletinPDFReader
import XCTest

/// Writes each sample's extracted text to $EXTRACT_DUMP/<name>.txt when that variable is set (a
/// debugging aid; asserts nothing).
final class DebugDump: XCTestCase {
    func testDump() throws {
        guard let directory = ProcessInfo.processInfo.environment["EXTRACT_DUMP"] else { throw XCTSkip("EXTRACT_DUMP not set") }
        for sample in SampleFixtures.all {
            let extraction = Extractor.extract(SampleFixtures.pages(sample))
            try TextWriter.write(extraction).write(toFile: "\(directory)/\(sample.name).txt", atomically: true, encoding: .utf8)
        }
    }
}

/// Extracts every `*.json` page dump in $EXTRACT_PAGES (glyph lists written by a script from
/// another reader) to `<name>.txt` beside it: a way to try the extractor on other producers'
/// PDFs before our reader reads them. Asserts nothing.
final class DebugPageDumps: XCTestCase {
    func testExtractPageDumps() throws {
        guard let directory = ProcessInfo.processInfo.environment["EXTRACT_PAGES"] else { throw XCTSkip("EXTRACT_PAGES not set") }
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) where name.hasSuffix(".json") {
            let data = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(name)"))
            let pages = (try JSONSerialization.jsonObject(with: data) as! [[String: Any]]).map { page -> PageContent in
                let glyphs = (page["glyphs"] as! [[Any]]).map { g -> PDFGlyph in
                    let c = g[7] as! [Double]
                    return PDFGlyph(text: g[0] as! String, x: g[1] as! Double, baseline: g[2] as! Double,
                                    width: g[3] as! Double, size: g[4] as! Double, font: g[5] as! String,
                                    fontIsBold: g[6] as! Bool, color: PDFColor(red: c[0], green: c[1], blue: c[2]))
                }
                let rules = (page["rules"] as! [[Double]]).map {
                    PDFRule(x0: $0[0], y0: $0[1], x1: $0[2], y1: $0[3], thickness: $0[4], color: .black)
                }
                return PageContent(index: page["index"] as! Int, width: page["width"] as! Double,
                                   height: page["height"] as! Double, glyphs: glyphs, rules: rules)
            }
            let extraction = Extractor.extract(pages)
            let stem = (name as NSString).deletingPathExtension
            try TextWriter.write(extraction).write(toFile: "\(directory)/\(stem).txt", atomically: true, encoding: .utf8)
            try JSONWriter.write(extraction, file: name, issue: nil)
                .write(toFile: "\(directory)/\(stem).lines", atomically: true, encoding: .utf8)
        }
    }
}
