import BulletinPDFReader
import CZlib
import Foundation
import TestSupport
import XCTest

/// Issue 5 "Bad input": each case gives a clear, located error or a warning plus whatever text could
/// be recovered — never a crash, hang or unbounded memory.
final class PDFBadInputTests: XCTestCase {
    private func open(_ bytes: [UInt8], options: PDFDocument.Options = .init()) throws -> PDFDocument {
        try PDFDocument(bytes: bytes, options: options)
    }

    private func error(_ bytes: [UInt8]) -> PDFReadError? {
        do {
            _ = try PDFDocument(bytes: bytes)
            return nil
        } catch {
            return error
        }
    }

    private func text(_ document: PDFDocument) -> String {
        (0..<document.pageCount).map { document.page($0).glyphs.map(\.text).joined() }.joined()
    }

    private func allWarnings(_ document: PDFDocument) -> [PDFWarning] {
        let pages = (0..<document.pageCount).flatMap { document.page($0).warnings }
        return document.warnings + pages
    }

    static func deflate(_ data: [UInt8]) -> [UInt8] {
        var length = compressBound(uLong(data.count))
        var output = [UInt8](repeating: 0, count: Int(length))
        XCTAssertEqual(compress2(&output, &length, data, uLong(data.count), 9), Z_OK)
        return Array(output[0..<Int(length)])
    }

    func testEmptyFile() throws {
        let error = try XCTUnwrap(error([]))
        XCTAssertEqual(error.kind, .empty)
        XCTAssert(error.description.contains("empty"), error.description)
        // From a path, the file is named.
        let path = (Repository.temporaryDirectory() as NSString).appendingPathComponent("empty.pdf")
        FileManager.default.createFile(atPath: path, contents: Data())
        XCTAssertThrowsError(try PDFDocument(path: path)) { XCTAssertEqual(($0 as! PDFReadError).file, path) }
    }

    func testMissingFileAndDirectory() {
        XCTAssertThrowsError(try PDFDocument(path: "/nonexistent/x.pdf")) { error in
            let error = error as! PDFReadError
            XCTAssertEqual(error.kind, .fileUnreadable)
            XCTAssertEqual(error.description, "/nonexistent/x.pdf: cannot open: No such file or directory")
        }
        XCTAssertThrowsError(try PDFDocument(path: "/tmp")) { XCTAssertEqual(($0 as! PDFReadError).kind, .fileUnreadable) }
    }

    func testGarbageBytes() throws {
        var random = SplitMix64(seed: 5)
        let garbage = (0..<10_000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let error = try XCTUnwrap(error(garbage))
        XCTAssertEqual(error.kind, .notPDF)
        XCTAssertEqual(error.offset, 0)
        XCTAssertEqual(try XCTUnwrap(self.error(Array("Hello, this is a text file.\n".utf8))).kind, .notPDF)
        // A header and nothing else.
        XCTAssertEqual(try XCTUnwrap(self.error(Array("%PDF-1.7\n".utf8))).kind, .damaged)
    }

    func testTruncatedFilesNeverCrashAndKeepWhatTheyCan() throws {
        let base = Array(try Data(contentsOf: URL(fileURLWithPath: FixtureTests.fixture("base.pdf"))))
        let full = text(try open(base))
        var recoveredSomewhere = false
        for cut in stride(from: 0, to: base.count, by: 97) {
            let prefix = Array(base[0..<cut])
            if let error = error(prefix) {
                XCTAssert([PDFReadError.Kind.empty, .damaged, .notPDF].contains(error.kind), "cut at \(cut): \(error)")
                continue
            }
            let document = try open(prefix)
            let recovered = text(document)
            if !recovered.isEmpty { recoveredSomewhere = true }
            XCTAssertFalse(allWarnings(document).isEmpty, "cut at \(cut): a truncated file is reported")
            // What is recovered is a subset of the full text: never invented.
            for character in recovered { XCTAssert(full.contains(character), "cut at \(cut): \(character)") }
        }
        XCTAssertTrue(recoveredSomewhere)
        // Cut just before the xref: everything is still there, found by scanning.
        let xref = try XCTUnwrap(String(decoding: base, as: UTF8.self).range(of: "\nxref\n")).lowerBound.utf16Offset(in: String(decoding: base, as: UTF8.self))
        let document = try open(Array(base[0..<xref]))
        XCTAssertEqual(text(document), full)
        XCTAssertTrue(document.warnings.contains { $0.feature == "cross-reference table" }, "\(document.warnings)")
    }

    /// Object streams hide their objects from a scan: with the xref stream's pointer gone, the scan
    /// must still find the catalog and fonts inside them (and the encrypted variant must decrypt).
    func testDamagedFileWithObjectStreams() throws {
        for name in ["objstm.pdf", "aes-256.pdf"] {
            let whole = Array(try Data(contentsOf: URL(fileURLWithPath: FixtureTests.fixture(name))))
            let expected = text(try open(whole))
            let cut = try XCTUnwrap(Self.lastRange(of: "startxref", in: whole))
            let document = try open(Array(whole[0..<cut]))
            XCTAssertEqual(text(document), expected, name)
            XCTAssertTrue(document.warnings.contains { $0.feature == "cross-reference table" }, "\(name): \(document.warnings)")
        }
        // Garbage where the xref stream should be: same.
        let objstm = Array(try Data(contentsOf: URL(fileURLWithPath: FixtureTests.fixture("objstm.pdf"))))
        let start = try XCTUnwrap(Self.lastRange(of: "startxref", in: objstm))
        var broken = objstm
        let xrefOffset = Int(String(decoding: objstm[(start + 9)...], as: UTF8.self).split(whereSeparator: \.isWhitespace)[0])!
        for i in xrefOffset..<min(xrefOffset + 40, start) { broken[i] = 0x58 }
        XCTAssertEqual(text(try open(broken)), text(try open(objstm)))
    }

    static func lastRange(of keyword: String, in bytes: [UInt8]) -> Int? {
        let pattern = Array(keyword.utf8)
        var index = bytes.count - pattern.count
        while index >= 0 {
            if bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
            index -= 1
        }
        return nil
    }

    func testDanglingReferenceIsNullWithoutFalseAlarm() throws {
        let bytes = MiniPDF.page("BT /F1 12 Tf 72 720 Td (Dangling) Tj ET", resources: "/Font << /F1 5 0 R >> /ExtGState 99 0 R")
        let document = try open(bytes)
        XCTAssertEqual(text(document), "Dangling")
        XCTAssertEqual(document.warnings, [], "a reference to a missing object is null (§7.3.10), not damage")
    }

    func testXrefPointingNowhere() throws {
        let content = "BT /F1 12 Tf 72 720 Td (Still here) Tj ET"
        let good = MiniPDF.page(content)
        for bytes in [MiniPDF.build(pageObjects(content), startxref: 999_999),        // beyond the end
                      MiniPDF.build(pageObjects(content), startxref: 20),             // into an object
                      MiniPDF.build(pageObjects(content), shiftOffsets: 7)] {        // every offset wrong
            let document = try open(bytes)
            XCTAssertEqual(text(document), "Still here")
            XCTAssertTrue(document.warnings.contains { $0.feature == "cross-reference table" }, "\(document.warnings)")
        }
        XCTAssertEqual(text(try open(good)), "Still here")
    }

    private func pageObjects(_ content: String) -> [String] {
        ["<< /Type /Catalog /Pages 2 0 R >>",
         "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
         "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
         MiniPDF.stream(content),
         "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    }

    func testReferenceCycles() throws {
        // Resources → 6 → 7 → 6 …; and an object that is a reference to itself.
        let bytes = MiniPDF.build([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources 6 0 R >>",
            MiniPDF.stream("BT /F1 12 Tf 72 720 Td (Cycle) Tj ET"),
            "5 0 R",
            "7 0 R",
            "6 0 R",
        ])
        let document = try open(bytes)
        let page = document.page(0)
        XCTAssertEqual(page.glyphs.count, 0, "no font can be found through a cycle")
        let warnings = document.warnings + page.warnings
        XCTAssertTrue(warnings.contains { $0.message.contains("references in a row (a reference cycle?)") }, "\(warnings)")
        XCTAssertTrue(page.warnings.contains { $0.feature == "font F1" }, "\(page.warnings)")
    }

    func testStreamLengthPointingAtItself() throws {
        let bytes = MiniPDF.build([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length 4 0 R >>\nstream\nBT /F1 12 Tf 72 720 Td (Self length) Tj ET\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ])
        let document = try open(bytes)
        XCTAssertEqual(text(document), "Self length")
    }

    func testDeeplyNestedArraysAndDictionaries() throws {
        let deepArray = String(repeating: "[", count: 100_000)
        let deepDictionary = String(repeating: "<< /A ", count: 50_000)
        let bytes = MiniPDF.build([
            "<< /Type /Catalog /Pages 2 0 R /Junk 6 0 R /Junk2 7 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /X 6 0 R >> >>",
            MiniPDF.stream("\(deepArray) BT /F1 12 Tf 72 720 Td (Deep) Tj ET \(deepDictionary) BT /F1 12 Tf (Deeper) Tj ET"),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            deepArray,
            deepDictionary,
        ])
        let document = try open(bytes)
        let page = document.page(0)
        XCTAssertTrue(page.glyphs.map(\.text).joined().hasPrefix("Deep"), "\(page.glyphs.map(\.text))")
        XCTAssertTrue(page.warnings.contains { $0.message.contains("nested deeper") }, "\(page.warnings)")
    }

    func testPageTreeLoop() throws {
        let bytes = MiniPDF.build([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R 6 0 R 2 0 R] /Count 3 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            MiniPDF.stream("BT /F1 12 Tf 72 720 Td (Page) Tj ET"),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            "<< /Type /Pages /Kids [6 0 R 3 0 R] /Count 1 >>",
        ])
        let document = try open(bytes)
        XCTAssertEqual(document.pageCount, 1)
        XCTAssertEqual(text(document), "Page")
        XCTAssertTrue(document.warnings.contains { $0.feature == "page tree" && $0.message.contains("loop") }, "\(document.warnings)")
    }

    func testInflateBombIsCutAtTheLimit() throws {
        // 4 MiB of content (text first, then spaces) compressed to a few KB; limit 1 MiB.
        var content = Array("BT /F1 12 Tf 72 720 Td (Before the bomb) Tj ET\n".utf8)
        content += [UInt8](repeating: 0x20, count: 4 << 20)
        content += Array("BT /F1 12 Tf (After) Tj ET".utf8)
        let compressed = Self.deflate(content)
        XCTAssertLessThan(compressed.count, 10_000)
        let bytes = MiniPDF.build([
            Array("<< /Type /Catalog /Pages 2 0 R >>".utf8),
            Array("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".utf8),
            Array("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".utf8),
            MiniPDF.stream(compressed, extra: " /Filter /FlateDecode"),
            Array("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".utf8),
        ])
        let document = try open(bytes, options: .init(maximumStreamBytes: 1 << 20))
        let page = document.page(0)
        XCTAssertEqual(page.glyphs.map(\.text).joined(), "Before the bomb")
        XCTAssertTrue(page.warnings.contains { $0.message.contains("exceeds the limit of 1048576 bytes") }, "\(page.warnings)")
        // With the default limit the whole stream is read.
        XCTAssertEqual(try open(bytes).page(0).glyphs.map(\.text).joined(), "Before the bombAfter")
    }

    /// A small compressed stream that draws a million-plus glyphs is cut at the per-page limit.
    func testGlyphCountPerPageIsBounded() throws {
        let content = Array("BT /F1 1 Tf (".utf8) + [UInt8](repeating: 0x78, count: 1_100_000) + Array(") Tj ET".utf8)
        let bytes = MiniPDF.build([
            Array("<< /Type /Catalog /Pages 2 0 R >>".utf8),
            Array("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".utf8),
            Array("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".utf8),
            MiniPDF.stream(Self.deflate(content), extra: " /Filter /FlateDecode"),
            Array("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".utf8),
        ])
        let page = try open(bytes).page(0)
        XCTAssertEqual(page.glyphs.count, 1_000_000)
        XCTAssertTrue(page.warnings.contains { $0.message.contains("more than 1000000 glyphs") }, "\(page.warnings)")
    }

    func testBrokenToUnicodeFallsBackToEncoding() throws {
        let bytes = MiniPDF.page("BT /F1 12 Tf 72 720 Td (Fallback) Tj ET",
                                 resources: "/Font << /F1 6 0 R >>",
                                 extraObjects: ["<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /ToUnicode 7 0 R >>",
                                                MiniPDF.stream("this is not a CMap ) > ] begincmap <00")])
        let page = try open(bytes).page(0)
        XCTAssertEqual(page.glyphs.map(\.text).joined(), "Fallback")
        XCTAssertTrue(page.warnings.contains { $0.feature.hasPrefix("font F1") && $0.message.contains("ToUnicode") }, "\(page.warnings)")
    }

    /// Found by the fuzzer (10 s and 3 s units): bfranges over 65,536 codes with 1,000-character
    /// destinations built 65,536 long strings each, per font. Destinations are now cut at 64 UTF-16
    /// units, the work of a whole CMap is bounded (ranges beyond it are skipped with a warning), and
    /// a ToUnicode stream is parsed once however many fonts share it. (Timing is the fuzzer's
    /// business; here the bounds are checked.)
    func testHostileToUnicodeRangesAreBounded() throws {
        let longTarget = String(repeating: "0041", count: 1000)
        let cmap = "begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange 2 beginbfrange <0000> <00FF> <\(longTarget)> <0100> <FFFF> <\(longTarget)> endbfrange endcmap"
        let bytes = MiniPDF.page("BT /F1 12 Tf 72 720 Td <00010101> Tj ET", resources: "/Font << /F1 6 0 R >>", extraObjects: [
            "<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [7 0 R] /ToUnicode 8 0 R >>",
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X >>",
            MiniPDF.stream(cmap),
        ])
        let page = try open(bytes).page(0)
        XCTAssertEqual(page.glyphs.first?.text.count, 64, "the destination is cut at 64 UTF-16 units")
        XCTAssertEqual(page.glyphs.last?.text, "", "the range beyond the limit was skipped")
        XCTAssertTrue(page.warnings.contains { $0.message.contains("exceeds the CMap size limit") }, "\(page.warnings)")
    }

    /// Found by the fuzzer: a negative number as a bfrange destination was taken for a reference to
    /// a destination array (index out of range, a trap).
    func testNegativeNumberAsBfrangeDestination() throws {
        let cmap = "begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange 2 beginbfrange <0000> <0001> -5 <0002> <0003> [<0041> <0042>] endbfrange endcmap"
        let bytes = MiniPDF.page("BT /F1 12 Tf 72 720 Td <00000003> Tj ET", resources: "/Font << /F1 6 0 R >>", extraObjects: [
            "<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [7 0 R] /ToUnicode 8 0 R >>",
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X >>",
            MiniPDF.stream(cmap),
        ])
        XCTAssertEqual(try open(bytes).page(0).glyphs.map(\.text), ["", "B"])
    }

    func testUnsupportedFilterAndMissingFontAreNamed() throws {
        let bytes = MiniPDF.build([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents [4 0 R 6 0 R] /Resources << /Font << /F1 5 0 R >> >> >>",
            MiniPDF.stream("garbage", extra: " /Filter /JBIG2Decode"),
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            MiniPDF.stream("BT /F9 12 Tf (Lost) Tj /F1 12 Tf (Kept) Tj ET"),
        ])
        let page = try open(bytes).page(0)
        XCTAssertEqual(page.glyphs.map(\.text).joined(), "Kept")
        XCTAssertTrue(page.warnings.contains { $0.message.contains("JBIG2Decode filter is not supported") }, "\(page.warnings)")
        XCTAssertTrue(page.warnings.contains { $0.feature == "font F9" && $0.message.contains("not found") }, "\(page.warnings)")
    }

    func testWrongStreamLengthAndUnterminatedString() throws {
        let bytes = MiniPDF.build([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length 9999 >>\nstream\nBT /F1 12 Tf 72 720 Td (Length lies) Tj (unterminated\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ])
        let page = try open(bytes).page(0)
        XCTAssertTrue(page.glyphs.map(\.text).joined().hasPrefix("Length lies"))
        XCTAssertTrue(page.warnings.contains { $0.message.contains("/Length is wrong") }, "\(page.warnings)")
    }

    func testPageIndexOutOfRange() throws {
        let document = try open(MiniPDF.page("BT ET"))
        let page = document.page(7)
        XCTAssertTrue(page.glyphs.isEmpty)
        XCTAssertEqual(page.warnings.first?.message, "no page 8; the document has 1")
    }
}

/// Inputs the fuzzer (scripts/fuzz-reader.sh) found, kept as regression tests: each must open or fail
/// cleanly and read every page (a debug build checks every raw-buffer index, so the out-of-bounds
/// read the first one caused would trap here).
final class FuzzRegressionTests: XCTestCase {
    func testFuzzFindings() throws {
        for name in ["fuzz-negative-first.pdf", "fuzz-long-bfrange.pdf", "fuzz-negative-range-target.pdf"] {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: FixtureTests.fixture(name))))
            guard let document = try? PDFDocument(bytes: bytes) else { continue }
            for index in 0..<document.pageCount { _ = document.page(index) }
        }
        // The negative-/First file must at least have been recognised as a PDF with structure.
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: FixtureTests.fixture("fuzz-long-bfrange.pdf"))))
        XCTAssertEqual(try PDFDocument(bytes: bytes).pageCount, 1)
    }
}
