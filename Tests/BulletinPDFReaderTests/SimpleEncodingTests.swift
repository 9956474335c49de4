@testable import BulletinPDFReader
import TestSupport
import XCTest

/// What simple fonts' glyph names mean beyond the Adobe Glyph List (`SimpleEncoding`), on
/// Tests/Fixtures/pdf/glyph-names.pdf (scripts/make-reader-fixtures.py): one line per font F1–F9.
final class SimpleEncodingTests: XCTestCase {
    private func lines() throws -> (texts: [String], warnings: [String]) {
        let page = try PDFDocument(path: Repository.path("Tests/Fixtures/pdf/glyph-names.pdf")).page(0)
        var byLine: [(baseline: Double, text: String)] = []
        for glyph in page.glyphs {
            if let last = byLine.last, abs(last.baseline - glyph.baseline) < 1 {
                byLine[byLine.count - 1].text += glyph.text
            } else {
                byLine.append((glyph.baseline, glyph.text))
            }
        }
        return (byLine.map(\.text), page.warnings.map { "\($0.feature): \($0.message)" })
    }

    func testEachFontReadsItsLine() throws {
        let texts = try lines().texts
        XCTAssertEqual(texts, [
            ",AB",  // F1 TeX names a44 a65 a66: decimal codes
            "ABc",  // F2 G41 G42 G63: hex codes
            "ab",   // F3 square, triangle: the codes as Latin-1
            "αβ",   // F4 Symbol's built-in encoding
            "✔✔",   // F5 ZapfDingbats: built-in 0x34 and /a20 in /Differences
            "Jffi", // F6 uni004a, f_f_i
            "æ",    // F7 ArialMT without /Encoding: StandardEncoding 0xF1
            "BC",   // F8 unknown names over WinAnsiEncoding: the base characters
            "AB",   // F9 g0024 g0025 in a core-font subset: standard Macintosh glyph order, not its symbol cmap
        ])
    }

    func testLatinOneGuessIsAWarning() throws {
        let warnings = try lines().warnings
        XCTAssertTrue(warnings.contains("font F3 (Type3): 2 glyph name(s) with no Unicode meaning (square, triangle); their character codes are read as Latin-1, a guess"),
                      "\(warnings)")
        XCTAssertFalse(warnings.contains { $0.contains("F1") || $0.contains("F2") }, "numbered names are not a guess: \(warnings)")
    }

    func testNumberedNamesFollowTheFontsAgreement() {
        XCTAssertEqual(SimpleEncoding.numberDigits("a44"), "44")
        XCTAssertEqual(SimpleEncoding.numberDigits("C2c"), "2c")
        XCTAssertNil(SimpleEncoding.numberDigits("square"))
        XCTAssertNil(SimpleEncoding.numberDigits("G1"), "one digit is not a code")
        XCTAssertEqual(SimpleEncoding.number(in: "C41", .hex), 0x41)
        XCTAssertEqual(SimpleEncoding.number(in: "a192", .decimal), 192)
        XCTAssertEqual(SimpleEncoding.glyphIndex(in: "g0024"), 0x24, "zero-padded four digits: hex")
        XCTAssertEqual(SimpleEncoding.glyphIndex(in: "g24"), 24)
        XCTAssertEqual(SimpleEncoding.glyphIndex(in: "glyph36"), 36)
        XCTAssertNil(SimpleEncoding.glyphIndex(in: "grave"))
    }
}
