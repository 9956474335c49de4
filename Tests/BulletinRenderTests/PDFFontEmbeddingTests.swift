import BulletinDiff
import BulletinFonts
import BulletinLayout
import BulletinRender
import Foundation
import TestSupport
import XCTest

/// Font programs the writer embeds besides the shipped Fandol fonts (CID-keyed CFF without
/// subroutines): TrueType, as a system fallback font gives it, and a name-keyed CFF font whose
/// glyphs call subroutines. Each must be embedded as a subset, copy out, and draw in poppler as
/// Cairo draws the same display list into a PNG (a broken subset draws wrong or nothing).
final class PDFFontEmbeddingTests: XCTestCase {
    /// Renders `text` in the fixture font `file` at 40 pt; returns the PDF path and the list.
    private func render(_ text: String, fixture file: String) throws -> (pdf: String, list: DisplayList) {
        let face = try HandMadeLists.fixtureFonts.face(named: file)
        let list = DisplayList(
            pages: [DisplayPage(width: 300, height: 120, items: [
                .glyphs(HandMadeLists.run(text, face: face, font: 0, x: 20, y: 70, size: 40)),
                .glyphs(HandMadeLists.run(text, face: face, font: 0, x: 20, y: 110, size: 30, bold: true)),
            ])],
            fonts: [face], metadata: HandMadeLists.metadata(), outline: [])
        return (try HandMadeLists.write(try PDFRenderer.render(list)), list)
    }

    /// Non-empty lines of pdftotext's output (it ends pages with a form feed).
    private func lines(_ pdf: String) throws -> [String] {
        try Poppler.text(pdf).split(whereSeparator: { $0.isNewline || $0 == "\u{0C}" }).map(String.init)
    }

    /// Poppler's rendering of the PDF against the PNG renderer's (Cairo) of the same list.
    private func assertDrawsLikeThePNGRenderer(_ pdf: String, _ list: DisplayList,
                                               file: StaticString = #filePath, line: UInt = #line) throws {
        let poppler = try RasterImage(png: try HandMadeLists.poppler(pdf, dpi: 144).bytes)
        let cairo = try RasterImage(png: try PNGRenderer.render(list, page: 0, dpi: 144))
        let ink = stride(from: 0, to: cairo.pixels.count, by: 3).filter { cairo.pixels[$0] < 128 }.count
        XCTAssertGreaterThan(ink, 2000, "the glyphs have ink", file: file, line: line)
        let result = PixelComparison().compare(cairo, poppler)
        XCTAssertFalse(result.sizeMismatch, file: file, line: line)
        // Anti-aliasing differs between the two rasterizers; a missing or wrong glyph is
        // thousands of pixels.
        XCTAssertLessThan(result.differingPixels, ink / 50, "\(result.differingPixels) pixels differ", file: file, line: line)
    }

    func testTrueTypeFontIsEmbeddedAsACIDTrueTypeSubset() throws {
        let text = "ŋΩé Ab"
        let (pdf, list) = try render(text, fixture: "DejaVuSans-subset.ttf")
        let fonts = try Poppler.fonts(pdf)
        XCTAssertEqual(fonts.count, 1)
        XCTAssertEqual(fonts.first?.type, "CID TrueType")
        XCTAssertTrue(fonts.allSatisfy { $0.embedded && $0.subset && $0.unicode }, "\(fonts)")
        XCTAssertTrue(fonts.first?.name.hasSuffix("+DejaVuSans") ?? false, "\(fonts)")
        XCTAssertEqual(try lines(pdf), [text, text])
        XCTAssertTrue(try QPDF.check(pdf).clean)
        // é is a composite glyph (e + acute): its parts come along in the subset.
        try assertDrawsLikeThePNGRenderer(pdf, list)
    }

    func testNameKeyedCFFWithSubroutinesKeepsThem() throws {
        let text = "TLH T"
        let (pdf, list) = try render(text, fixture: "SubrsTest.otf")
        let fonts = try Poppler.fonts(pdf)
        XCTAssertEqual(fonts.first?.type, "CID Type 0C")
        XCTAssertTrue(fonts.allSatisfy { $0.embedded && $0.subset && $0.unicode }, "\(fonts)")
        XCTAssertEqual(try lines(pdf), [text, text])
        XCTAssertTrue(try QPDF.check(pdf).clean)
        // T and L are drawn by a local and a global subroutine: without them they would be blank.
        try assertDrawsLikeThePNGRenderer(pdf, list)
    }

    func testTrueTypeFallbackThroughTheSystemFontIsEmbedded() throws {
        // The same path end to end: a character no shipped font has falls back to a system font
        // (DejaVu on Debian); skipped on a machine without one.
        let catalog = try FontCatalog(directory: Repository.path("Fonts"), allowsSystemFallback: true)
        guard let face = catalog.systemFace(covering: "ŋ") else { throw XCTSkip("no system font has ŋ") }
        let list = DisplayList(
            pages: [DisplayPage(width: 300, height: 100, items: [
                .glyphs(HandMadeLists.run("ŋŋ", face: face, font: 0, x: 20, y: 60)),
            ])],
            fonts: [face], metadata: HandMadeLists.metadata(), outline: [])
        let pdf = try HandMadeLists.write(try PDFRenderer.render(list))
        let fonts = try Poppler.fonts(pdf)
        XCTAssertTrue(fonts.allSatisfy { $0.embedded && $0.subset && $0.unicode }, "\(fonts)")
        XCTAssertEqual(try Poppler.text(pdf).trimmingCharacters(in: .whitespacesAndNewlines), "ŋŋ")
    }

    func testCorruptedCFFTablesGiveAFontErrorOrAPDFNeverACrash() throws {
        // Every byte of the CFF table of a name-keyed font with subroutines and of a CID-keyed
        // one (charset, FDSelect, FDArray), set to 0x00, 0xFF and flipped: each variant either
        // renders or fails with a font error naming the file (FreeType may refuse it already
        // when loading). Offsets, counts and DICT operands all get mangled this way.
        // Glyph outlines are copied, never read: in the Fandol fixture (bytes 260–1030 of the
        // table) they are skipped to keep the test fast.
        let fixtures = [("SubrsTest.otf", "TLH", 0..<0), ("FandolSong-subset.otf", "文明", 260..<1030)]
        for (fixture, text, outlines) in fixtures {
            let original = Array(try Data(contentsOf: URL(fileURLWithPath: Repository.path("Tests/Fixtures/pdfwriter/\(fixture)"))))
            let (start, length) = try XCTUnwrap(table("CFF ", in: original))
            let directory = Repository.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let path = (directory as NSString).appendingPathComponent("Corrupted.otf")
            var rendered = 0, refused = 0, unloadable = 0
            for position in start..<(start + length) where !outlines.contains(position - start) {
                for value in Set([0x00, 0xFF, original[position] ^ 0x55]) where value != original[position] {
                    var bytes = original
                    bytes[position] = UInt8(value)
                    try AtomicFile.write(bytes, to: path)  // no fsync, unlike Data.write
                    // A new catalog each time: a catalog opens each file once.
                    guard let face = try? FontCatalog(directory: directory, allowsSystemFallback: false)
                        .face(named: "Corrupted.otf") else {
                        unloadable += 1
                        continue
                    }
                    let list = DisplayList(
                        pages: [DisplayPage(width: 300, height: 100, items: [
                            .glyphs(HandMadeLists.run(text, face: face, font: 0, x: 20, y: 60)),
                        ])],
                        fonts: [face], metadata: HandMadeLists.metadata(), outline: [])
                    do {
                        _ = try PDFRenderer.render(list)
                        rendered += 1
                    } catch {
                        XCTAssertTrue(error.description.contains("Corrupted.otf: cannot embed the font in a PDF: "),
                                      "byte \(position - start) = \(value): \(error.description)")
                        refused += 1
                    }
                }
            }
            print("\(fixture), corrupted CFF tables: \(rendered) rendered, \(refused) refused with a font error, "
                  + "\(unloadable) refused by FreeType when loading")
            XCTAssertGreaterThan(refused, 10, "\(fixture): malformed tables are detected")
            XCTAssertGreaterThan(rendered, 10, "\(fixture): harmless changes (outlines, names) still render")
        }
    }

    /// Offset and length of an sfnt table by tag.
    private func table(_ tag: String, in bytes: [UInt8]) -> (offset: Int, length: Int)? {
        let count = Int(bytes[4]) << 8 | Int(bytes[5])
        for i in 0..<count {
            let record = 12 + 16 * i
            if String(decoding: bytes[record..<(record + 4)], as: UTF8.self) == tag {
                return (bytes[(record + 8)..<(record + 12)].reduce(0) { $0 << 8 | Int($1) },
                        bytes[(record + 12)..<(record + 16)].reduce(0) { $0 << 8 | Int($1) })
            }
        }
        return nil
    }
}
