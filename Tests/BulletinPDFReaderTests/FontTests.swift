import BulletinPDFReader
import XCTest

/// Font decoding paths (PDF 32000-1 §9.6–9.10): simple-font encodings and /Differences through the
/// Adobe Glyph List, Type 3 FontMatrix, predefined CJK CMaps, and the embedded font's own cmap when a
/// Type0 font has no ToUnicode.
final class FontTests: XCTestCase {
    private func page(_ content: String, fonts: String, objects: [[UInt8]]) throws -> PageContent {
        var all: [[UInt8]] = [
            Array("<< /Type /Catalog /Pages 2 0 R >>".utf8),
            Array("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".utf8),
            Array("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << \(fonts) >> >> >>".utf8),
            Array(MiniPDF.stream(content).utf8),
        ]
        all += objects
        return try PDFDocument(bytes: MiniPDF.build(all)).page(0)
    }

    private func text(_ page: PageContent) -> String { page.glyphs.map(\.text).joined() }

    func testStandardAndMacRomanEncodings() throws {
        let page = try page("BT /F1 10 Tf (`quoted') Tj /F2 10 Tf (caf\\216) Tj ET", fonts: "/F1 5 0 R /F2 6 0 R", objects: [
            Array("<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>".utf8),
            Array("<< /Type /Font /Subtype /Type1 /BaseFont /Times-Italic /Encoding /MacRomanEncoding >>".utf8),
        ])
        XCTAssertEqual(text(page), "‘quoted’café")
        XCTAssertTrue(page.glyphs.last!.fontIsItalic, "Italic in the name")
        XCTAssertFalse(page.glyphs.first!.fontIsItalic)
    }

    /// Standard 14 fonts without /Widths (as iText and ReportLab write them) get their metrics.
    func testStandardFontsWithoutWidths() throws {
        let page = try page("BT /F1 10 Tf (Hello) Tj /F2 10 Tf (ab) Tj /F3 10 Tf (Aa) Tj /F4 10 Tf (x) Tj ET",
                            fonts: "/F1 5 0 R /F2 6 0 R /F3 7 0 R /F4 8 0 R", objects: [
            Array("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".utf8),
            Array("<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>".utf8),
            Array("<< /Type /Font /Subtype /TrueType /BaseFont /Arial,Bold /Encoding /WinAnsiEncoding >>".utf8),
            Array("<< /Type /Font /Subtype /Type1 /BaseFont /Times-Italic >>".utf8),
        ])
        // AFM metrics (1/1000 em): Helvetica H 722, e 556, l 222, o 556; Courier 600;
        // Helvetica-Bold A 722, a 556; Times-Italic x 444.
        XCTAssertEqual(page.glyphs.map { ($0.width * 100).rounded() / 1000 }, [0.722, 0.556, 0.222, 0.222, 0.556, 0.6, 0.6, 0.722, 0.556, 0.444])
        XCTAssertEqual(page.warnings, [])
        XCTAssertTrue(page.glyphs[7].fontIsBold)
    }

    func testDifferencesThroughTheGlyphList() throws {
        let differences = "[65 /uni4E2D /u1F600 /a.sc /f_i /Euro /g123 /uni4E2D6587]"
        let page = try page("BT /F1 10 Tf (ABCDEFG) Tj ET", fonts: "/F1 5 0 R", objects: [
            Array("<< /Type /Font /Subtype /Type1 /BaseFont /Custom /Encoding << /Differences \(differences) >> >>".utf8),
        ])
        XCTAssertEqual(page.glyphs.map(\.text), ["中", "😀", "a", "fi", "€", "", "中文"])
        XCTAssertTrue(page.warnings.contains { $0.message.contains("1 character code(s) have no Unicode mapping") }, "\(page.warnings)")
    }

    func testType3FontMatrixScalesWidths() throws {
        // Glyph space of 100 units: width 50 is half the text-space unit.
        let page = try page("BT /T3 10 Tf 100 700 Td (ab) Tj ET", fonts: "/T3 5 0 R", objects: [
            Array("""
            << /Type /Font /Subtype /Type3 /FontBBox [0 0 100 100] /FontMatrix [0.01 0 0 0.01 0 0]
               /CharProcs << >> /Encoding << /Differences [97 /a /b] >> /FirstChar 97 /LastChar 98 /Widths [50 70] >>
            """.utf8),
        ])
        XCTAssertEqual(text(page), "ab")
        XCTAssertEqual(page.glyphs[0].width, 5, accuracy: 1e-9)
        XCTAssertEqual(page.glyphs[1].x, 105, accuracy: 1e-9)
        XCTAssertEqual(page.glyphs[1].width, 7, accuracy: 1e-9)
    }

    /// The em of a Type 3 font is the text-space unit times the font size, whatever its glyph grid:
    /// pdftocairo writes FontMatrix [1 0 0 -1 0 0], Tf 1 and the size in Tm (once read as 1000× the
    /// size, which made every line of such a file one line); a 100-unit grid at Tf 10 is 10 pt too.
    func testType3EmIsTheTextSpaceUnitWhateverTheFontMatrix() throws {
        let page = try page("BT /C 1 Tf 14 0 0 -14 100 700 Tm (a) Tj /T3 10 Tf 1 0 0 1 100 600 Tm (a) Tj ET",
                            fonts: "/C 5 0 R /T3 6 0 R", objects: [
            Array("""
            << /Type /Font /Subtype /Type3 /FontBBox [0 -1 1 0] /FontMatrix [1 0 0 -1 0 0]
               /CharProcs << >> /Encoding << /Differences [97 /a] >> /FirstChar 97 /LastChar 97 /Widths [0.89] >>
            """.utf8),
            Array("""
            << /Type /Font /Subtype /Type3 /FontBBox [0 0 100 100] /FontMatrix [0.01 0 0 0.01 0 0]
               /CharProcs << >> /Encoding << /Differences [97 /a] >> /FirstChar 97 /LastChar 97 /Widths [100] >>
            """.utf8),
        ])
        XCTAssertEqual(page.glyphs.map(\.size), [14, 10])
        XCTAssertEqual(page.glyphs[0].width, 0.89 * 14, accuracy: 1e-9)
        XCTAssertEqual(page.glyphs[1].width, 10, accuracy: 1e-9)
    }

    /// A ToUnicode that maps a glyph to a CJK radical (⽂ U+2F42, ⻔ U+2ED4: Chromium's reverse cmap,
    /// kept by files re-made from its PDFs without the /ActualText) reads as the ideograph the page
    /// shows, a ligature (ﬀ U+FB00, pdftocairo's) as its letters; /ActualText is the producer's word
    /// and is kept as written.
    func testRadicalsAndLigaturesFromAToUnicodeAreFoldedButActualTextIsKept() throws {
        let cmap = "1 begincodespacerange <00> <FF> endcodespacerange 4 beginbfchar <41> <2F42> <42> <2ED4> <43> <2F420034> <44> <0064FB00> endbfchar"
        let page = try page("BT /F1 10 Tf (ABCD) Tj /Span << /ActualText (\\376\\377\\057\\102) >> BDC (A) Tj EMC ET",
                            fonts: "/F1 5 0 R", objects: [
            Array("<< /Type /Font /Subtype /Type1 /BaseFont /Custom /FirstChar 65 /LastChar 68 /Widths [1000 1000 1000 1000] /ToUnicode 6 0 R >>".utf8),
            Array(MiniPDF.stream(cmap).utf8),
        ])
        XCTAssertEqual(page.glyphs.map(\.text), ["文", "门", "文4", "dff", "⽂"])
    }

    private func type0(_ encoding: String, widths: String = "") -> [[UInt8]] {
        [Array("<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /\(encoding) /DescendantFonts [6 0 R] >>".utf8),
         Array("""
         << /Type /Font /Subtype /CIDFontType0 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >>
            /FontDescriptor << /Type /FontDescriptor /FontName /SimSun /Flags 6 >> /DW 1000 \(widths) >>
         """.utf8)]
    }

    func testPredefinedGBKEUC() throws {
        // GBK bytes of 中文A; single-byte 'A' is CID 814 + 0x41 - 0x21 = 846 in Adobe-GB1.
        let page = try page("BT /F1 10 Tf 0 0 Td <d6d0cec441> Tj ET", fonts: "/F1 5 0 R", objects: type0("GBK-EUC-H", widths: "/W [846 [500]]"))
        XCTAssertEqual(page.glyphs.map(\.text), ["中", "文", "A"])
        XCTAssertEqual(page.glyphs.map(\.width), [10, 10, 5])
        XCTAssertEqual(page.warnings, [])
    }

    func testPredefinedUnicodeCMaps() throws {
        let ucs2 = try page("BT /F1 10 Tf <4e2d65870041> Tj ET", fonts: "/F1 5 0 R", objects: type0("UniGB-UCS2-H", widths: "/W [34 [500]]"))
        XCTAssertEqual(ucs2.glyphs.map(\.text), ["中", "文", "A"])
        XCTAssertEqual(ucs2.glyphs.map(\.width), [10, 10, 5], "U+0041 is Adobe-GB1 CID 34")
        let utf16 = try page("BT /F1 10 Tf <d840dc0b4e2d> Tj ET", fonts: "/F1 5 0 R", objects: type0("UniGB-UTF16-H"))
        XCTAssertEqual(utf16.glyphs.map(\.text), ["𠀋", "中"])
    }

    // MARK: Embedded font programs

    /// A TrueType font with only a table directory and a `cmap` (format 4 or 12), enough for the
    /// reader's fallback: U+4E2D → glyph 5, U+6587 and its Kangxi look-alike U+2F42 → glyph 9.
    static func trueTypeWithCmap(format12: Bool) -> [UInt8] {
        func u16(_ v: Int) -> [UInt8] { [UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        func u32(_ v: Int) -> [UInt8] { u16(v >> 16) + u16(v & 0xFFFF) }
        var subtable: [UInt8]
        if format12 {
            let groups = [(0x2F42, 0x2F42, 9), (0x4E2D, 0x4E2D, 5), (0x6587, 0x6587, 9)]
            subtable = u16(12) + u16(0) + u32(16 + groups.count * 12) + u32(0) + u32(groups.count)
            for (start, end, glyph) in groups { subtable += u32(start) + u32(end) + u32(glyph) }
        } else {
            // Segments: [0x2F42], [0x4E2D], [0x6587], [0xFFFF]; idDelta maps each to its glyph.
            let starts = [0x2F42, 0x4E2D, 0x6587, 0xFFFF], glyphs = [9, 5, 9, 0]
            let segments = starts.count
            var body = u16(segments * 2) + u16(4) + u16(1) + u16(0)
            for s in starts { body += u16(s) }          // endCode
            body += u16(0)                               // reservedPad
            for s in starts { body += u16(s) }          // startCode
            for (s, g) in zip(starts, glyphs) { body += u16((g - s) & 0xFFFF) }  // idDelta
            for _ in starts { body += u16(0) }          // idRangeOffset
            subtable = u16(4) + u16(14 + body.count - 8) + u16(0) + body
        }
        let cmap = u16(0) + u16(1) + u16(3) + u16(format12 ? 10 : 1) + u32(12) + subtable
        let header = u32(0x0001_0000) + u16(1) + u16(16) + u16(0) + u16(0)
        let record = Array("cmap".utf8) + u32(0) + u32(12 + 16) + u32(cmap.count)
        return header + record + cmap
    }

    private func identityFont(descendant subtype: String, fontFile: String, fontFileDictionary: String, program: [UInt8], cidToGID: String = "") -> [[UInt8]] {
        [Array("<< /Type /Font /Subtype /Type0 /BaseFont /Embedded /Encoding /Identity-H /DescendantFonts [6 0 R] >>".utf8),
         Array("<< /Type /Font /Subtype /\(subtype) /BaseFont /Embedded /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R \(cidToGID) >>".utf8),
         Array("<< /Type /FontDescriptor /FontName /Embedded /Flags 4 /\(fontFile) 8 0 R >>".utf8),
         MiniPDF.stream(program, extra: fontFileDictionary)]
    }

    func testIdentityHWithoutToUnicodeUsesTrueTypeCmap() throws {
        for format12 in [false, true] {
            // CIDToGIDMap: CID 1 → 5, CID 2 → 9.
            let map: [UInt8] = [0, 0, 0, 5, 0, 9]
            var objects = identityFont(descendant: "CIDFontType2", fontFile: "FontFile2", fontFileDictionary: "",
                                       program: Self.trueTypeWithCmap(format12: format12), cidToGID: "/CIDToGIDMap 9 0 R")
            objects[1] = Array("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Embedded /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /CIDToGIDMap 9 0 R >>".utf8)
            objects.append(MiniPDF.stream(map))
            let page = try page("BT /F1 10 Tf <00010002> Tj ET", fonts: "/F1 5 0 R", objects: objects)
            XCTAssertEqual(page.glyphs.map(\.text), ["中", "文"], "format \(format12 ? 12 : 4): the unified ideograph, not the Kangxi radical")
            // Identity CIDToGIDMap: CID = GID.
            let identity = try self.page("BT /F1 10 Tf <00050009> Tj ET", fonts: "/F1 5 0 R",
                                         objects: identityFont(descendant: "CIDFontType2", fontFile: "FontFile2", fontFileDictionary: "",
                                                               program: Self.trueTypeWithCmap(format12: format12)))
            XCTAssertEqual(identity.glyphs.map(\.text), ["中", "文"])
        }
    }

    /// Codes 5 and 9 of an Identity-H TrueType font whose cmap gives 中 and 文, through a ToUnicode
    /// with `bfchar` entries (`<0005> <0058>` …).
    private func identityPageWithToUnicode(_ bfchar: [String]) throws -> PageContent {
        var objects = identityFont(descendant: "CIDFontType2", fontFile: "FontFile2", fontFileDictionary: "",
                                   program: Self.trueTypeWithCmap(format12: false))
        objects[0] = Array("<< /Type /Font /Subtype /Type0 /BaseFont /Embedded /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 9 0 R >>".utf8)
        let cmap = "1 begincodespacerange <0000> <FFFF> endcodespacerange \(bfchar.count) beginbfchar \(bfchar.joined(separator: " ")) endbfchar"
        objects.append(Array(MiniPDF.stream(cmap).utf8))
        return try page("BT /F1 10 Tf <00050009> Tj ET", fonts: "/F1 5 0 R", objects: objects)
    }

    /// A ToUnicode that maps only some codes: the others come from the embedded font's cmap.
    func testPartialToUnicodeFallsBackPerCode() throws {
        let page = try identityPageWithToUnicode(["<0005> <0058>"])
        XCTAssertEqual(page.glyphs.map(\.text), ["X", "文"])
        XCTAssertEqual(page.warnings, [])
    }

    /// A ToUnicode that maps codes to C1 controls (Ghostscript's rewrite of a bfrange it could not
    /// carry over: <41e5> → <0080>) is no text: the font program's cmap is read instead.
    func testToUnicodeControlCharactersFallBackToTheFontProgram() throws {
        let page = try identityPageWithToUnicode(["<0005> <0080>", "<0009> <007F>"])
        XCTAssertEqual(page.glyphs.map(\.text), ["中", "文"])
    }

    /// Hostile font programs must end: overlapping cmap groups asking for millions of code points
    /// (bounded), and a CFF charset cut off mid-entry (once an endless loop).
    func testHostileFontProgramsTerminate() throws {
        func u16(_ v: Int) -> [UInt8] { [UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        func u32(_ v: Int) -> [UInt8] { u16(v >> 16) + u16(v & 0xFFFF) }
        var subtable = u16(12) + u16(0) + u32(16 + 3 * 12) + u32(0) + u32(3)
        for _ in 0..<3 { subtable += u32(0x10000) + u32(0x10000 + 0xFFFFE) + u32(1) }
        let cmap = u16(0) + u16(1) + u16(3) + u16(10) + u32(12) + subtable
        let font = u32(0x0001_0000) + u16(1) + u16(16) + u16(0) + u16(0) + Array("cmap".utf8) + u32(0) + u32(28) + u32(cmap.count) + cmap
        let page = try page("BT /F1 10 Tf <0001> Tj ET", fonts: "/F1 5 0 R",
                            objects: identityFont(descendant: "CIDFontType2", fontFile: "FontFile2", fontFileDictionary: "", program: font))
        XCTAssertEqual(page.glyphs.count, 1)
        XCTAssertEqual(page.glyphs.first?.text, "\u{10000}", "the lowest code point for the glyph")

        // Charset format 0 placed last and cut one byte into its second SID.
        let cut = Array(Self.nameKeyedCFF(charsetLast: true).dropLast())
        let page2 = try self.page("BT /F1 10 Tf <0001> Tj ET", fonts: "/F1 5 0 R",
                                  objects: identityFont(descendant: "CIDFontType0", fontFile: "FontFile3",
                                                        fontFileDictionary: " /Subtype /CIDFontType0C", program: cut))
        XCTAssertEqual(page2.glyphs.count, 1, "the page is read (no endless loop)")
    }

    /// A name-keyed CFF font program: glyph 1 is "A" (standard string 34), glyph 2 "uni6587" (custom string).
    static func nameKeyedCFF(encodingCodes: [UInt8]? = nil, charsetLast: Bool = false) -> [UInt8] {
        func index(_ items: [[UInt8]]) -> [UInt8] {
            guard !items.isEmpty else { return [0, 0] }
            var out: [UInt8] = [UInt8(items.count >> 8), UInt8(items.count & 0xFF), 1]
            var offset = 1
            out.append(UInt8(offset))
            for item in items { offset += item.count; out.append(UInt8(offset)) }
            return out + items.flatMap { $0 }
        }
        func number(_ v: Int) -> [UInt8] { [29, UInt8(v >> 24 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        let header: [UInt8] = [1, 0, 4, 1]
        let names = index([Array("Embedded".utf8)])
        let strings = index([Array("uni6587".utf8)])
        let globalSubrs = index([])
        let charStrings = index([[14], [14], [14]])  // three glyphs, each just `endchar`
        let charset: [UInt8] = [0, 0, 34, 0x01, 0x87]  // format 0: SIDs 34 ("A") and 391
        // Top DICT with fixed-size operands so its length is known before the offsets are.
        func top(_ charsetOffset: Int, _ charStringsOffset: Int, _ encodingOffset: Int) -> [UInt8] {
            number(charsetOffset) + [15] + number(charStringsOffset) + [17] + (encodingCodes != nil ? number(encodingOffset) + [16] : [])
        }
        let topLength = index([top(0, 0, 0)]).count
        let tablesStart = header.count + names.count + topLength + strings.count + globalSubrs.count
        if charsetLast {
            let charStringsOffset = tablesStart, charsetOffset = tablesStart + charStrings.count
            return header + names + index([top(charsetOffset, charStringsOffset, 0)]) + strings + globalSubrs + charStrings + charset
        }
        let charsetOffset = tablesStart
        let charStringsOffset = charsetOffset + charset.count
        let encoding: [UInt8] = encodingCodes.map { [0, UInt8($0.count)] + $0 } ?? []  // format 0
        let encodingOffset = charStringsOffset + charStrings.count
        return header + names + index([top(charsetOffset, charStringsOffset, encodingOffset)]) + strings + globalSubrs + charset + charStrings + encoding
    }

    func testIdentityHWithoutToUnicodeUsesCFFGlyphNames() throws {
        let page = try page("BT /F1 10 Tf <00010002> Tj ET", fonts: "/F1 5 0 R",
                            objects: identityFont(descendant: "CIDFontType0", fontFile: "FontFile3",
                                                  fontFileDictionary: " /Subtype /CIDFontType0C", program: Self.nameKeyedCFF()))
        XCTAssertEqual(page.glyphs.map(\.text), ["A", "文"])
        XCTAssertEqual(page.warnings, [])
    }

    /// Simple fonts without /Encoding use the embedded program's built-in encoding.
    func testBuiltInEncodingOfEmbeddedType1AndCFF() throws {
        let type1 = Array("""
        %!PS-AdobeFont-1.0: Custom
        /Encoding 256 array
        0 1 255 {1 index exch /.notdef put} for
        dup 65 /uni4E2D put
        dup 66 /B put
        readonly def
        currentfile eexec
        """.utf8)
        let page1 = try page("BT /F1 10 Tf (AB) Tj ET", fonts: "/F1 5 0 R", objects: [
            Array("<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+Custom /FontDescriptor 6 0 R >>".utf8),
            Array("<< /Type /FontDescriptor /FontName /ABCDEF+Custom /Flags 4 /FontFile 7 0 R >>".utf8),
            MiniPDF.stream(type1, extra: " /Length1 \(type1.count) /Length2 0 /Length3 0"),
        ])
        XCTAssertEqual(page1.glyphs.map(\.text), ["中", "B"])
        let page2 = try page("BT /F1 10 Tf (xy) Tj ET", fonts: "/F1 5 0 R", objects: [
            Array("<< /Type /Font /Subtype /Type1 /BaseFont /ABCDEF+Custom /FontDescriptor 6 0 R >>".utf8),
            Array("<< /Type /FontDescriptor /FontName /ABCDEF+Custom /Flags 4 /FontFile3 7 0 R >>".utf8),
            MiniPDF.stream(Self.nameKeyedCFF(encodingCodes: [0x78, 0x79]), extra: " /Subtype /Type1C"),
        ])
        XCTAssertEqual(page2.glyphs.map(\.text), ["A", "文"])
    }

    /// Identity-H over an Adobe-GB1 CIDFont with no ToUnicode and no usable font program (here a
    /// non-embedded font; a bare CID-keyed CFF is the same case): the CIDs are read through Adobe's
    /// Adobe-GB1-UCS2 table. CIDs from that CMap: 中 4559, 文 3795, 简 2149, 报 1041, ASCII 1–95.
    func testIdentityHOverAdobeGB1WithoutToUnicodeReadsCIDsThroughAdobesTable() throws {
        let page = try page("BT /F1 10 Tf <11cf0ed308650411002200000001> Tj ET", fonts: "/F1 5 0 R", objects: type0("Identity-H"))
        XCTAssertEqual(page.glyphs.map(\.text), ["中", "文", "简", "报", "A", "", " "])
        XCTAssertFalse(page.warnings.contains { $0.message.contains("no ToUnicode and no usable cmap") }, "\(page.warnings)")
        XCTAssertTrue(page.warnings.contains { $0.message.contains("1 character code(s) have no Unicode mapping") },
                      "CID 0 (.notdef) is still reported: \(page.warnings)")

        // Another collection (Adobe-Japan1) reads the same CID through its own table, not GB1's.
        let japan = try self.page("BT /F1 10 Tf <11cf> Tj ET", fonts: "/F1 5 0 R", objects: [
            Array("<< /Type /Font /Subtype /Type0 /BaseFont /MS /Encoding /Identity-H /DescendantFonts [6 0 R] >>".utf8),
            Array("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /MS /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 4 >> /FontDescriptor << /Flags 4 >> >>".utf8),
        ])
        XCTAssertEqual(text(japan), "奩", "Adobe-Japan1 CID 4559 (U+5969 in poppler-data's Adobe-Japan1 table), not GB1's 中")
    }

    func testIdentityHWithNothingToGoOnWarns() throws {
        let page = try page("BT /F1 10 Tf <00010002> Tj ET", fonts: "/F1 5 0 R", objects: [
            Array("<< /Type /Font /Subtype /Type0 /BaseFont /Bare /Encoding /Identity-H /DescendantFonts [6 0 R] >>".utf8),
            Array("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Bare /FontDescriptor << /Flags 4 >> >>".utf8),
        ])
        XCTAssertEqual(page.glyphs.count, 2, "glyphs are still placed")
        XCTAssertEqual(text(page), "")
        XCTAssertTrue(page.warnings.contains { $0.message.contains("no ToUnicode and no usable cmap") }, "\(page.warnings)")
        XCTAssertTrue(page.warnings.contains { $0.message.contains("2 character code(s) have no Unicode mapping") }, "\(page.warnings)")
    }

    /// Unmapped codes are reported per font at the page's end, in font-name order: the same
    /// warnings in the same order on every run (a dictionary's order changes from run to run).
    func testUnmappedCodeWarningsComeInFontNameOrder() throws {
        let names = ["Echo", "Bravo", "Delta", "Alpha", "Charlie", "Foxtrot"]
        var objects: [[UInt8]] = []
        var content = "BT "
        for (index, name) in names.enumerated() {
            let font = 5 + 2 * index
            objects.append(Array("<< /Type /Font /Subtype /Type0 /BaseFont /\(name) /Encoding /Identity-H /DescendantFonts [\(font + 1) 0 R] >>".utf8))
            objects.append(Array("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /\(name) /FontDescriptor << /Flags 4 >> >>".utf8))
            content += "/F\(index) 10 Tf <0001> Tj "
        }
        let fonts = names.indices.map { "/F\($0) \(5 + 2 * $0) 0 R" }.joined(separator: " ")
        let page = try page(content + "ET", fonts: fonts, objects: objects)
        let reported = page.warnings.filter { $0.message.contains("have no Unicode mapping") }.map(\.feature)
        XCTAssertEqual(reported, names.sorted().map { "font \($0)" })
    }

    // MARK: Symbolic TrueType fonts without /Encoding

    /// A TrueType program with a `cmap` of one format-0 subtable (`platform`, `encoding`) mapping
    /// codes 0xA5, 0xD5 and 0x41 to glyphs 1, 2, 3 — and, when `names`, a format-2 `post` table
    /// naming them bullet, quoteright and A (Macintosh glyph 36).
    static func symbolicTrueType(platform: Int, encoding: Int, names: Bool) -> [UInt8] {
        func u16(_ v: Int) -> [UInt8] { [UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)] }
        func u32(_ v: Int) -> [UInt8] { u16(v >> 16) + u16(v & 0xFFFF) }
        var glyphs = [UInt8](repeating: 0, count: 256)
        glyphs[0xA5] = 1; glyphs[0xD5] = 2; glyphs[0x41] = 3
        let subtable = u16(0) + u16(262) + u16(0) + glyphs
        let cmap = u16(0) + u16(1) + u16(platform) + u16(encoding) + u32(12) + subtable
        var tables: [(String, [UInt8])] = [("cmap", cmap)]
        if names {
            // Glyph 0 .notdef (0), 1 and 2 the post table's own strings (258, 259), 3 Macintosh 36.
            var post = u32(0x0002_0000) + [UInt8](repeating: 0, count: 28) + u16(4) + u16(0) + u16(258) + u16(259) + u16(36)
            for name in ["bullet", "quoteright"] { post += [UInt8(name.utf8.count)] + Array(name.utf8) }
            tables.append(("post", post))
        }
        var font = u32(0x0001_0000) + u16(tables.count) + u16(16) + u16(0) + u16(0)
        var offset = 12 + 16 * tables.count
        for (tag, table) in tables {
            font += Array(tag.utf8) + u32(0) + u32(offset) + u32(table.count)
            offset += table.count
        }
        return font + tables.flatMap { $0.1 }
    }

    /// A simple TrueType font, symbolic (Flags 4), without /Encoding and with a ToUnicode that maps
    /// nothing, showing codes A5 D5 41 (¥ Õ A in WinAnsi).
    private func symbolicPage(_ program: [UInt8], flags: Int = 4) throws -> PageContent {
        try page("BT /F1 10 Tf <a5d541> Tj ET", fonts: "/F1 5 0 R", objects: [
            Array("<< /Type /Font /Subtype /TrueType /BaseFont /AACADS+Arial /FirstChar 32 /LastChar 255 /FontDescriptor 6 0 R /ToUnicode 7 0 R >>".utf8),
            Array("<< /Type /FontDescriptor /FontName /AACADS+Arial /Flags \(flags) /FontFile2 8 0 R >>".utf8),
            Array(MiniPDF.stream("1 begincodespacerange <00> <ff> endcodespacerange 0 beginbfchar endbfchar").utf8),
            MiniPDF.stream(program),
        ])
    }

    /// §9.6.6.4: a symbolic TrueType font with no /Encoding draws code c as the glyph its (1,0) or
    /// (3,0) cmap gives c; that glyph's `post` name says what it is (Quartz writes such fonts, with
    /// an empty ToUnicode: pdf.js issue1350). Before, the codes were read as WinAnsi: `¥Õ`.
    func testASymbolicTrueTypeFontIsReadThroughItsOwnCmapAndGlyphNames() throws {
        let named = try symbolicPage(Self.symbolicTrueType(platform: 1, encoding: 0, names: true))
        XCTAssertEqual(text(named), "•’A")
        XCTAssertTrue(named.warnings.contains { $0.message.contains("ToUnicode CMap maps nothing") }, "\(named.warnings)")

        // No names: a (1,0) subtable's codes are Mac OS Roman's.
        XCTAssertEqual(text(try symbolicPage(Self.symbolicTrueType(platform: 1, encoding: 0, names: false))), "•’A")
        // A (3,0) subtable at the codes themselves, with names.
        XCTAssertEqual(text(try symbolicPage(Self.symbolicTrueType(platform: 3, encoding: 0, names: true))), "•’A")
        // Not symbolic, or with a Unicode subtable: the codes reach glyphs through names (WinAnsi).
        XCTAssertEqual(text(try symbolicPage(Self.symbolicTrueType(platform: 1, encoding: 0, names: true), flags: 32)), "¥ÕA")
        XCTAssertEqual(text(try symbolicPage(Self.symbolicTrueType(platform: 3, encoding: 1, names: true))), "¥ÕA")
    }
}
