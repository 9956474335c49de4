import BulletinPDFReader
import TestSupport
import XCTest

/// Annotation appearances (ISO 32000-2 §12.5.5) drawn over the page: Tests/Fixtures/pdf/annotations.pdf
/// (scripts/make-reader-fixtures.py) has a FreeText box, a check box in its /On state, a rotated
/// stamp, a hidden annotation, a pop-up and a text field without an appearance.
final class AnnotationTests: XCTestCase {
    private func page() throws -> PageContent {
        try PDFDocument(path: Repository.path("Tests/Fixtures/pdf/annotations.pdf")).page(0)
    }

    private func glyphs(_ page: PageContent, _ text: String) -> [PDFGlyph] {
        let texts = page.glyphs.map(\.text)
        let wanted = text.map(String.init)
        guard texts.count >= wanted.count else { return [] }
        for start in 0...(texts.count - wanted.count) where Array(texts[start..<(start + wanted.count)]) == wanted {
            return Array(page.glyphs[start..<(start + wanted.count)])
        }
        return []
    }

    func testVisibleAppearancesAreDrawnAfterTheContent() throws {
        let text = try page().glyphs.map(\.text).joined()
        // /Annots order, after the page's own text; the /Off state, the hidden annotation and the
        // pop-up are not shown. Last, the field value that has no appearance.
        XCTAssertEqual(text, "Page text" + "Box text" + "Checked" + "Stamped" + "Field value")
    }

    /// The form's box is mapped onto the annotation's rectangle: 100 × 10 into 200 × 20 doubles
    /// its 10-point text, placed from the rectangle's corner.
    func testAppearanceIsScaledIntoItsRectangle() throws {
        let page = try page()
        let box = glyphs(page, "Box text")
        XCTAssertEqual(box.count, 8)
        XCTAssertEqual(box.first?.size ?? 0, 20, accuracy: 0.01)
        XCTAssertEqual(box.first?.x ?? 0, 72, accuracy: 0.01)
        // Baseline 2 form units above the box's bottom (600), doubled: 604 in PDF space, y down.
        XCTAssertEqual(box.first?.baseline ?? 0, 792 - 604, accuracy: 0.01)
    }

    /// The stamp's form is turned by its own /Matrix, and its turned box fills the rectangle
    /// [400 400 420 500]: the text runs up the page from (415, 400).
    func testFormMatrixIsAppliedBeforeTheFit() throws {
        let stamped = glyphs(try page(), "Stamped")
        XCTAssertEqual(stamped.count, 7)
        XCTAssertEqual(stamped.first?.x ?? 0, 415, accuracy: 0.01)
        XCTAssertEqual(stamped.first?.baseline ?? 0, 792 - 400, accuracy: 0.01)
        XCTAssertLessThan(stamped.last?.baseline ?? .infinity, stamped.first?.baseline ?? 0, "runs up the page")
        XCTAssertEqual(stamped.map(\.angle), Array(repeating: 270, count: 7), "runs up: 270° clockwise from left-to-right")
        XCTAssertEqual(glyphs(try page(), "Box text").map(\.angle), Array(repeating: 0, count: 8))
    }

    /// The text field [72 450 272 470] with /V (Field value) and no appearance (and no /DA): its
    /// value is drawn as a viewer would, 12 points, centred in the box from 2 points in, with a
    /// warning that says the advances are estimated.
    func testFieldValueWithoutAppearanceIsPlacedInItsBox() throws {
        let page = try page()
        let value = glyphs(page, "Field value")
        XCTAssertEqual(value.count, 11)
        XCTAssertEqual(value.first?.x ?? 0, 74, accuracy: 0.01)
        XCTAssertEqual(value.first?.size ?? 0, 12, accuracy: 0.01)
        XCTAssertEqual(value.first?.baseline ?? 0, 792 - (450 + 4 + 0.22 * 12), accuracy: 0.01)
        let warnings = page.warnings
        XCTAssertEqual(warnings.map(\.feature), ["form fields"])
        XCTAssert(warnings.first?.message.hasPrefix("1 field value(s) or text box(es) have no appearance stream") ?? false, "\(warnings)")
    }

    /// /DA gives the size; a FreeText box without appearance shows its /Contents, lines from the top.
    func testDefaultAppearanceSizeAndFreeTextContents() throws {
        let bytes = MiniPDF.build([
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Annots [4 0 R 5 0 R] >>",
            "<< /Type /Annot /Subtype /Widget /FT /Tx /V <FEFF4E2D6587> /DA (/Helv 9 Tf 0 g) /Rect [100 700 300 720] >>",
            "<< /Type /Annot /Subtype /FreeText /Contents (one\rtwo) /DA (/Helv 10 Tf) /Rect [100 500 300 600] >>",
        ])
        let page = try PDFDocument(bytes: bytes).page(0)
        XCTAssertEqual(page.glyphs.map(\.text).joined(), "中文onetwo")
        XCTAssertEqual(page.glyphs[0].size, 9)
        XCTAssertEqual(page.glyphs[1].x - page.glyphs[0].x, 9, accuracy: 0.01, "a wide character advances an em")
        XCTAssertEqual(page.glyphs[2].baseline, 792 - (600 - 2 - 8), accuracy: 0.01, "first line from the top")
        XCTAssertEqual(page.glyphs[5].baseline - page.glyphs[2].baseline, 12, accuracy: 0.01, "the next 1.2 em down")
    }
}
