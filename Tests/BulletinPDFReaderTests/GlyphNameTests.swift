@testable import BulletinPDFReader
import XCTest

/// The Adobe Glyph List lookup (binary search over the generated table) and the AGL specification's
/// name rules.
final class GlyphNameTests: XCTestCase {
    func testEveryListEntryIsFound() {
        var count = 0
        for line in AdobeGlyphListData.text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            var expected = ""
            for hex in parts.dropFirst() { expected.unicodeScalars.append(Unicode.Scalar(UInt32(hex, radix: 16)!)!) }
            // Names with a period or underscore go through the suffix/ligature rules first; the
            // list's own entries never contain them.
            XCTAssertEqual(GlyphNames.unicode(String(parts[0])), expected, String(parts[0]))
            count += 1
        }
        XCTAssertEqual(count, 4281)
    }

    func testNameRules() {
        XCTAssertEqual(GlyphNames.unicode("uni4E2D6587"), "中文")
        XCTAssertEqual(GlyphNames.unicode("u1F600"), "😀")
        XCTAssertEqual(GlyphNames.unicode("uniD800"), nil, "surrogates are not characters")
        // The AGL specification asks for uppercase hex; producers write lowercase, and readers take it.
        XCTAssertEqual(GlyphNames.unicode("uni4e2d"), "中")
        XCTAssertEqual(GlyphNames.unicode("uni002a"), "*")
        XCTAssertEqual(GlyphNames.unicode("Lcommaaccent.sc"), "Ļ")
        XCTAssertEqual(GlyphNames.unicode("f_f_i"), "ffi")
        XCTAssertEqual(GlyphNames.unicode("zzzz"), nil)
        XCTAssertEqual(GlyphNames.unicode("AAAA"), nil)
        XCTAssertEqual(GlyphNames.unicode(""), nil)
        XCTAssertEqual(GlyphNames.unicode(".notdef"), nil)
    }
}
