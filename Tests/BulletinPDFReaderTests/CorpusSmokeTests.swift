import XCTest
import BulletinPDFReader
import TestSupport

/// Exploration tools, not suite tests (they read files outside the repository, so they skip unless
/// asked): `READER_EXPLORE=file.pdf` prints a file's lines (`READER_GLYPHS=1` each glyph too);
/// `READER_CORPUS=dir` compares every PDF under dir with pdftotext (white-space removed).
final class CorpusSmokeTests: XCTestCase {
    func testExploreFile() throws {
        guard let path = ProcessInfo.processInfo.environment["READER_EXPLORE"] else { throw XCTSkip("set READER_EXPLORE=file.pdf") }
        let document = try PDFDocument(path: path)
        print("pages:", document.pageCount, "info:", document.info, "warnings:", document.warnings)
        for index in 0..<document.pageCount {
            let page = document.page(index)
            print("--- page \(index + 1) \(page.width)x\(page.height) glyphs \(page.glyphs.count) rules \(page.rules.count) warnings \(page.warnings)")
            for line in GlyphDump.lines(page) { print(line) }
            if ProcessInfo.processInfo.environment["READER_GLYPHS"] != nil { print(GlyphDump.describe(page)) }
        }
    }

    func testCompareCorpusWithPoppler() throws {
        guard let directory = ProcessInfo.processInfo.environment["READER_CORPUS"] else { throw XCTSkip("set READER_CORPUS=dir") }
        let files = FileManager.default.enumerator(atPath: directory)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".pdf") }.sorted()
        for file in files {
            let path = (directory as NSString).appendingPathComponent(file)
            do {
                let document = try PDFDocument(path: path)
                let ours = GlyphDump.text(document)
                let poppler = try Poppler.text(path).filter { !$0.isWhitespace }
                let same = ours == poppler
                let oursSet = Array(ours), theirs = Array(poppler)
                let common = zip(oursSet, theirs).prefix { $0 == $1 }.count
                print("\(same ? "SAME" : "DIFF") \(file) ours \(ours.count) poppler \(poppler.count) common-prefix \(common) warnings \(document.warnings.count + (0..<document.pageCount).map { document.page($0).warnings.count }.reduce(0, +))")
                if !same {
                    print("  ours:    \(String(oursSet[max(0, common - 10)..<min(oursSet.count, common + 30)]))")
                    print("  poppler: \(String(theirs[max(0, common - 10)..<min(theirs.count, common + 30)]))")
                    for warning in document.warnings.prefix(5) { print("  doc warning: \(warning)") }
                    for warning in (0..<document.pageCount).flatMap({ document.page($0).warnings }).prefix(5) { print("  page warning: \(warning)") }
                }
            } catch {
                print("FAIL \(file): \(error)")
            }
        }
    }
}
