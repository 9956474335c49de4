import BulletinPDFReader
import XCTest

/// Content-stream operators beyond the base fixture: colour spaces, graphics state, rendering modes,
/// marked content edge cases, forms drawing themselves, inline images without a length.
final class ContentTests: XCTestCase {
    private func page(_ content: String, resources: String = "", extra: [String] = []) throws -> PageContent {
        let bytes = MiniPDF.page(content, resources: "/Font << /F1 5 0 R >> " + resources, extraObjects: extra)
        return try PDFDocument(bytes: bytes).page(0)
    }

    /// pdf.js's operator-in-TJ-array: `Tc` written inside the array is dropped, the array shown;
    /// an array never closed does not swallow the text operators after it.
    func testOperatorInsideATJArrayIsIgnored() throws {
        let page = try page("BT /F1 10 Tf 10 700 Td [(Gran) 0.0 Tc -250 (des) 0.0 Tc] TJ ET BT /F1 10 Tf 10 600 Td [ (x) Tj ET")
        XCTAssertEqual(page.glyphs.map(\.text).joined(), "Grandesx")
        XCTAssertEqual(page.warnings.map(\.message), ["an operator written inside an array (Tc) was ignored"])
    }

    /// `/BaseFont /Arial,Unicode MS`: a name written with a space leaves a bare word where a key
    /// belongs; the dictionary (here the font) is still read.
    func testBareWordInADictionaryIsSkipped() throws {
        let page = try page("BT /F2 10 Tf 10 700 Td (ok) Tj ET", resources: "/Font << /F2 6 0 R >>",
                            extra: ["<< /Type /Font /Subtype /Type1 /BaseFont /Arial,Unicode MS /Encoding /WinAnsiEncoding >>"])
        XCTAssertEqual(page.glyphs.map(\.text).joined(), "ok")
    }

    func testColourSpaces() throws {
        let page = try page("""
        BT /F1 10 Tf
        0 0 0 1 k (k) Tj
        0 1 1 0 k (r) Tj
        /CS0 cs 0 0.5 1 sc (i) Tj
        /CS1 cs 1 scn (x) Tj
        /CS2 cs 1 scn (s) Tj
        0.5 g (g) Tj
        ET
        """, resources: "/ColorSpace << /CS0 [/ICCBased 6 0 R] /CS1 [/Indexed /DeviceRGB 1 <000000FF0000>] /CS2 [/Separation /Red /DeviceCMYK << /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [0 1 1 0] /N 1 >>] >>",
                             extra: [MiniPDF.stream("", extra: " /N 3")])
        let colours = page.glyphs.map(\.color)
        XCTAssertEqual(colours[0], PDFColor(red: 0, green: 0, blue: 0), "CMYK black")
        XCTAssertEqual(colours[1], PDFColor(red: 1, green: 0, blue: 0), "CMYK red")
        XCTAssertEqual(colours[2], PDFColor(red: 0, green: 0.5, blue: 1), "ICCBased with 3 components as RGB")
        XCTAssertEqual(colours[3], PDFColor(red: 1, green: 0, blue: 0), "Indexed entry 1")
        XCTAssertEqual(colours[4], PDFColor(red: 1, green: 0, blue: 0), "Separation through its Type 2 tint transform")
        XCTAssertEqual(colours[5], PDFColor(red: 0.5, green: 0.5, blue: 0.5))
    }

    func testGraphicsStateSaveRestoreAndExtGState() throws {
        let page = try page("""
        q 2 0 0 2 0 0 cm 1 0 0 rg BT /F1 10 Tf 10 10 Td (a) Tj ET Q
        BT /F1 10 Tf 10 10 Td (b) Tj ET
        /GS1 gs BT 300 300 Td (c) Tj ET
        BT /F1 10 Tf 2 Tr 10 300 Td (d) Tj ET
        """, resources: "/ExtGState << /GS1 << /LW 3 /Font [5 0 R 30] >> >>")
        let (a, b, c, d) = (page.glyphs[0], page.glyphs[1], page.glyphs[2], page.glyphs[3])
        XCTAssertEqual(a.size, 20, accuracy: 1e-9)
        XCTAssertEqual(a.x, 20, accuracy: 1e-9)
        XCTAssertEqual(a.color, PDFColor(red: 1, green: 0, blue: 0))
        XCTAssertEqual(b.size, 10, accuracy: 1e-9, "Q restored the CTM")
        XCTAssertEqual(b.color, .black, "Q restored the colour")
        XCTAssertEqual(c.size, 30, accuracy: 1e-9, "gs /Font sets font and size")
        XCTAssertEqual(d.renderingMode, 2)
        XCTAssertEqual(d.strokeWidth, 3, accuracy: 1e-9, "gs /LW is the stroke width of fill+stroke text")
        XCTAssertEqual(c.strokeWidth, 0, "filled text has no stroke")
    }

    func testMarkedContentEdgeCases() throws {
        let page = try page("""
        BT /F1 10 Tf 10 700 Td
        /Span << /ActualText (outer) >> BDC (ab) Tj /Span << /ActualText (inner) >> BDC (c) Tj EMC EMC
        /Span << /ActualText (-) >> BDC EMC
        /Artifact /P1 BDC (x) Tj EMC
        /P /P2 BDC (y) Tj EMC
        EMC EMC
        /Span << /ActualText (open) >> BDC (z) Tj
        ET
        """, resources: "/Properties << /P1 << /Type /Pagination >> /P2 << /ActualText <FEFF00590059> >> >>")
        XCTAssertEqual(page.glyphs.map(\.text), ["outer", "-", "x", "YY", "open"])
        XCTAssertEqual(page.glyphs[0].width, 15, accuracy: 1e-9, "spans the three covered glyphs")
        XCTAssertEqual(page.glyphs[1].width, 0, "replacement text without glyphs is kept at the text position")
        XCTAssertEqual(page.glyphs[1].x, 25, accuracy: 1e-9)
        XCTAssertTrue(page.glyphs[2].isArtifact)
        XCTAssertFalse(page.glyphs[3].isArtifact)
    }

    func testFormDrawingItselfAndDeepNesting() throws {
        let page = try page("/Fm0 Do BT /F1 10 Tf (after) Tj ET", resources: "/XObject << /Fm0 6 0 R >>", extra: [
            MiniPDF.stream("BT /F1 10 Tf (in) Tj ET /Fm0 Do", extra: " /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /Font << /F1 5 0 R >> /XObject << /Fm0 6 0 R >> >>"),
        ])
        XCTAssertEqual(page.glyphs.map(\.text).joined(), "inafter")
        XCTAssertTrue(page.warnings.contains { $0.message.contains("cycle") }, "\(page.warnings)")
    }

    func testInlineImageWithFilterAndNoLength() throws {
        let page = try page("""
        BI /W 2 /H 2 /F /AHx /CS /RGB ID 00FF00FF00FF00FF00FF00FF> EI
        BT /F1 10 Tf (ok) Tj ET
        """)
        XCTAssertEqual(page.glyphs.map(\.text).joined(), "ok")
    }

    func testTextRiseAndVerticalFontsWarnNothing() throws {
        let page = try page("BT /F1 10 Tf 100 100 Td 5 Ts (a) Tj ET")
        XCTAssertEqual(page.glyphs[0].baseline, 792 - 105, accuracy: 1e-9)
        for metrics in ["", "/DW2 [880 -1100]", "/W2 [1 [-500 500 900]]"] {
            let vertical = try self.page("BT /F2 10 Tf <4e2d> Tj ET", resources: "/Font << /F2 6 0 R >>", extra: [
                "<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /UniGB-UCS2-V /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /SimSun \(metrics) >>] >>",
            ])
            XCTAssertEqual(vertical.glyphs.map(\.text), ["中"])
            XCTAssertEqual(vertical.warnings, [], metrics)
        }
    }

    func testVerticalMetricsPlaceEachGlyph() throws {
        // §9.7.4.3: CID 1 advances half an em, CIDs 2–3 1.2 em with their own position vectors,
        // CID 4 takes /DW2; each glyph's horizontal origin is the pen minus v (x: v1x, or half the width).
        let toUnicode = MiniPDF.stream("""
            /CIDInit /ProcSet findresource begin 12 dict begin begincmap
            1 begincodespacerange <0000> <FFFF> endcodespacerange
            4 beginbfchar <0001> <4E2D> <0002> <6587> <0003> <5B57> <0004> <5199> endbfchar
            endcmap end end
            """)
        let page = try self.page("BT /F2 10 Tf 1 0 0 1 500 700 Tm <0001000200030004> Tj ET", resources: "/Font << /F2 6 0 R >>", extra: [
            "<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-V /ToUnicode 7 0 R /DescendantFonts [<< /Type /Font "
                + "/Subtype /CIDFontType2 /BaseFont /SimSun /W [4 [600]] /DW2 [800 -1200] /W2 [1 [-500 500 900] 2 3 -1200 400 700] >>] >>",
            toUnicode,
        ])
        XCTAssertEqual(page.glyphs.map(\.text), ["中", "文", "字", "写"])
        let expected: [(x: Double, baseline: Double)] = [(495, 792 - 691), (496, 792 - 688), (496, 792 - 676), (497, 792 - 663)]
        for (glyph, want) in zip(page.glyphs, expected) {
            XCTAssertEqual(glyph.x, want.x, accuracy: 1e-9, glyph.text)
            XCTAssertEqual(glyph.baseline, want.baseline, accuracy: 1e-9, glyph.text)
        }
        XCTAssertEqual(page.warnings, [])
    }

    func testVerticalWritingStepsDownThePage() throws {
        // `/UniGB-UCS2-V`: each glyph one em below the last (§9.4.4, w1 = −1 em by default), drawn
        // from 0.88 em below the pen and half its width to the left (the default position vector).
        let page = try self.page("BT /F2 10 Tf 1 0 0 1 500 700 Tm <4e2d65875b57> Tj ET", resources: "/Font << /F2 6 0 R >>", extra: [
            "<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /UniGB-UCS2-V /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /SimSun >>] >>",
        ])
        XCTAssertEqual(page.glyphs.map(\.text), ["中", "文", "字"])
        for (glyph, baseline) in zip(page.glyphs, [100.8, 110.8, 120.8]) { XCTAssertEqual(glyph.baseline, baseline, accuracy: 1e-9) }
        XCTAssertEqual(Set(page.glyphs.map(\.x)), [495])
    }
}
