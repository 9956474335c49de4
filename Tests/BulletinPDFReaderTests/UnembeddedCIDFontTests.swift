import XCTest
@testable import BulletinPDFReader

/// TrueType CIDFonts that are not embedded and have no ToUnicode (`UnembeddedCIDFontGuess`): their
/// CIDs are read as the /W widths show — glyph indices in the Macintosh order, or Unicode — or not at
/// all. Glyph numbers in the Macintosh order: space 3, A 36, H 43, e 72, l 79, o 82, é 112,
/// notequal 143.
final class UnembeddedCIDFontTests: XCTestCase {
    /// A page showing `codes` (hex) in a non-embedded Identity-H CIDFontType2 font.
    private func page(font: String, widths: String, codes: String, toUnicode: String = "") throws -> PageContent {
        let objects: [[UInt8]] = [
            Array("<< /Type /Catalog /Pages 2 0 R >>".utf8),
            Array("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".utf8),
            Array("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".utf8),
            Array(MiniPDF.stream("BT /F1 10 Tf 72 700 Td <\(codes)> Tj ET").utf8),
            Array("<< /Type /Font /Subtype /Type0 /BaseFont /\(font) /Encoding /Identity-H /DescendantFonts [6 0 R] \(toUnicode) >>".utf8),
            Array("""
            << /Type /Font /Subtype /CIDFontType2 /BaseFont /\(font) /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>
               /FontDescriptor << /Type /FontDescriptor /FontName /\(font) /Flags 32 >> /DW 1000 /W [\(widths)] >>
            """.utf8),
        ]
        return try PDFDocument(bytes: MiniPDF.build(objects)).page(0)
    }

    private func text(_ page: PageContent) -> String { page.glyphs.map(\.text).joined() }

    func testTimesNewRomanGlyphIndicesAreReadInTheMacintoshOrderUpToTheFirstDisagreeingWidth() throws {
        // Times widths at the Macintosh positions; glyph 143 (notequal, 1000 in Times) is 549 wide
        // here, as Times New Roman's own glyph 143 is: the order ends there.
        let page = try page(font: "TimesNewRoman", widths: "3 [250] 43 [722] 72 [444] 79 [278] 82 [500] 112 [444] 143 [549]",
                            codes: "002B0048004F004F005200030070008F")
        XCTAssertEqual(text(page), "Hello é")
        XCTAssertTrue(page.warnings.contains { $0.message.contains("its CIDs 3–142 are read as glyph indices in the standard Macintosh order") },
                      "\(page.warnings)")
        XCTAssertTrue(page.warnings.contains { $0.message.contains("1 character code(s) have no Unicode mapping") }, "\(page.warnings)")
    }

    func testArialCIDsWhoseWidthsAreTheirUnicodeCharactersAreReadAsUnicode() throws {
        // Helvetica's (= Arial's) widths for space, H, e, l, o at their Unicode values.
        let page = try page(font: "Arial", widths: "32 [278] 72 [722] 101 [556] 108 [222] 111 [556]",
                            codes: "00480065006C006C006F0020")
        XCTAssertEqual(text(page), "Hello ")
        XCTAssertTrue(page.warnings.contains { $0.message.contains("its CIDs are read as Unicode, which its widths agree with") },
                      "\(page.warnings)")
    }

    func testToUnicodeIdentityNameMeansTheCodesAreUnicode() throws {
        let page = try page(font: "Calibri", widths: "", codes: "004800690020010D", toUnicode: "/ToUnicode /Identity-H")
        XCTAssertEqual(text(page), "Hi č")
        XCTAssertTrue(page.warnings.isEmpty, "the file says what the codes are: \(page.warnings)")
    }

    func testAnUnknownFontIsReadInTheMacintoshOrderOnlyForASCIIAndOnlyWhenItsWidthsLookLikeIt() throws {
        let gothic = try page(font: "CenturyGothic,Bold", widths: "3 [280] 36 [740 580 780 700 520]", codes: "00240025002600030070")
        XCTAssertEqual(text(gothic), "ABC ", "é (glyph 112) is beyond ASCII, where other fonts may leave the order")
        XCTAssertTrue(gothic.warnings.contains { $0.message.contains("its CIDs 3–97 are read") }, "\(gothic.warnings)")

        // No space at CID 3: nothing says these are glyph indices.
        let bare = try page(font: "CenturyGothic,Bold", widths: "36 [740 580 780 700 520]", codes: "002400250026")
        XCTAssertEqual(text(bare), "")
        XCTAssertTrue(bare.warnings.contains { $0.message.contains("its widths do not show what its CIDs mean") }, "\(bare.warnings)")
    }

    func testWidthsThatAgreeWithNeitherReadingGiveNoTextAndAWarning() throws {
        // Calibri-like widths under a Times name: neither the Macintosh order nor Unicode fits.
        let page = try page(font: "TimesNewRoman", widths: "3 [226] 4 [579 544 533 615 488 459 631 623 252 319]", codes: "000400050006")
        XCTAssertEqual(text(page), "")
        XCTAssertEqual(page.glyphs.count, 3, "the glyphs are still placed")
        XCTAssertTrue(page.warnings.contains { $0.message.contains("no ToUnicode and no usable cmap (the font is not embedded") },
                      "\(page.warnings)")
    }
}
