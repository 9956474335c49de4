import BulletinPDFReader
import Foundation
import TestSupport
import XCTest

/// The committed fixtures of Tests/Fixtures/pdf (made by scripts/make-reader-fixtures.py; what each
/// covers is listed there): base.pdf checked operator by operator, and every structural variant
/// (compressed, object streams, linearized, incremental update, rotated, encrypted) read back
/// against it.
final class FixtureTests: XCTestCase {
    static func fixture(_ name: String) -> String { Repository.path("Tests/Fixtures/pdf/\(name)") }

    static func open(_ name: String) throws -> PDFDocument {
        try PDFDocument(path: fixture(name))
    }

    static let expectedText = "Hello, World" + "Kern" + "ing" + "Abc" + "a b" + "Squeezed" + "中文测试𠀋ffAB" + "- 1 -" + "fi" + "In form" + "After image"

    func testBaseText() throws {
        let document = try Self.open("base.pdf")
        XCTAssertEqual(document.pageCount, 1)
        XCTAssertEqual(document.warnings, [])
        let page = document.page(0)
        XCTAssertEqual(page.warnings, [])
        XCTAssertEqual(page.glyphs.map(\.text).joined(), Self.expectedText)
        XCTAssertEqual(page.width, 612)
        XCTAssertEqual(page.height, 792)
    }

    private func glyphs(_ page: PageContent, _ text: String) -> [PDFGlyph] {
        let all = page.glyphs
        let texts = all.map(\.text)
        let wanted = text.map(String.init)
        for start in 0...(texts.count - wanted.count) where Array(texts[start..<(start + wanted.count)]) == wanted {
            return Array(all[start..<(start + wanted.count)])
        }
        XCTFail("'\(text)' not found")
        return []
    }

    func testTextPositioningOperators() throws {
        let page = try Self.open("base.pdf").page(0)
        // Helvetica widths are 556/1000 (space 278) in the fixture; 12 pt.
        let hello = glyphs(page, "Hello")
        XCTAssertEqual(hello[0].x, 72, accuracy: 1e-9)
        XCTAssertEqual(hello[0].baseline, 792 - 720, accuracy: 1e-9)
        XCTAssertEqual(hello[0].width, 6.672, accuracy: 1e-9)
        XCTAssertEqual(hello[0].size, 12, accuracy: 1e-9)
        XCTAssertEqual(hello[1].x, 72 + 6.672, accuracy: 1e-9)
        XCTAssertEqual(hello[0].font, "Helvetica")
        // TJ: -500 moves the next glyph right by half an em.
        let kerning = glyphs(page, "Kerning")
        XCTAssertEqual(kerning[0].baseline, 792 - 700, accuracy: 1e-9)
        XCTAssertEqual(kerning[4].x, 72 + 4 * 6.672 + 6, accuracy: 1e-9)
        // T* with TL 14; code 1 is /A through /Differences.
        let abc = glyphs(page, "Abc")
        XCTAssertEqual(abc[0].baseline, 792 - 686, accuracy: 1e-9)
        // ' moves down one more line; Tc 2 and Tw 3 widen the advance (word spacing on code 32 only).
        let ab = glyphs(page, "a b")
        XCTAssertEqual(ab[0].baseline, 792 - 672, accuracy: 1e-9)
        XCTAssertEqual(ab[1].x, 72 + 6.672 + 2, accuracy: 1e-9)
        XCTAssertEqual(ab[2].x, 72 + 6.672 + 2 + 3.336 + 2 + 3, accuracy: 1e-9)
        // Tz 50 halves widths.
        let squeezed = glyphs(page, "Squeezed")
        XCTAssertEqual(squeezed[0].width, 3.336, accuracy: 1e-9)
        XCTAssertEqual(squeezed[1].x - squeezed[0].x, 3.336, accuracy: 1e-9)
    }

    func testType0FontWithToUnicode() throws {
        let page = try Self.open("base.pdf").page(0)
        let cjk = glyphs(page, "中文测试𠀋ffAB".count == 9 ? "中文测试" : "")
        XCTAssertEqual(cjk.map(\.font), Array(repeating: "NotoSerifCJKsc-Bold", count: 4), "subset prefix removed")
        XCTAssertTrue(cjk.allSatisfy { $0.fontIsBold && !$0.fontIsItalic })
        XCTAssertEqual(cjk[0].x, 72, accuracy: 1e-9)
        XCTAssertEqual(cjk[0].width, 20, accuracy: 1e-9, "/DW 1000 at 20 pt")
        XCTAssertEqual(cjk[0].baseline, 192, accuracy: 1e-9)
        let all = page.glyphs
        let surrogate = try XCTUnwrap(all.first { $0.text == "𠀋" }, "UTF-16 surrogate pair in bfchar")
        let ligature = try XCTUnwrap(all.first { $0.text == "ff" }, "one code → two characters")
        XCTAssertEqual(ligature.x, surrogate.x + 20, accuracy: 1e-9)
        // bfrange <0010> <0012> <0041>: A, B; /W gives CID 16 → 500 and 17 → 600.
        let a = try XCTUnwrap(all.first { $0.text == "A" && $0.font == "NotoSerifCJKsc-Bold" })
        let b = try XCTUnwrap(all.first { $0.text == "B" && $0.font == "NotoSerifCJKsc-Bold" })
        XCTAssertEqual(a.width, 10, accuracy: 1e-9)
        XCTAssertEqual(b.width, 12, accuracy: 1e-9)
    }

    func testMarkedContentFormAndRules() throws {
        let page = try Self.open("base.pdf").page(0)
        let footer = glyphs(page, "- 1 -")
        XCTAssertTrue(footer.allSatisfy(\.isArtifact))
        XCTAssertEqual(page.glyphs.filter(\.isArtifact).count, 5)
        // /ActualText (fi) replaces the glyph æ it covers.
        let actual = try XCTUnwrap(page.glyphs.first { $0.text == "fi" })
        XCTAssertEqual(actual.x, 72, accuracy: 1e-9)
        XCTAssertEqual(actual.width, 6.672, accuracy: 1e-9)
        XCTAssertFalse(page.glyphs.contains { $0.text == "æ" })
        // The form's /Matrix doubles the 10 pt font; the page's cm puts it at (100, 400).
        let form = glyphs(page, "In form")
        XCTAssertEqual(form[0].x, 100, accuracy: 1e-9)
        XCTAssertEqual(form[0].baseline, 392, accuracy: 1e-9)
        XCTAssertEqual(form[0].size, 20, accuracy: 1e-9)
        // The inline image's data (which contains "EI" bytes) is skipped and text after it is read.
        XCTAssertEqual(glyphs(page, "After image")[0].baseline, 492, accuracy: 1e-9)
        // Rules: a red filled 1.5 pt rectangle and a blue stroked 2 pt line.
        XCTAssertEqual(page.rules.count, 2)
        let red = try XCTUnwrap(page.rules.first { $0.color == PDFColor(red: 1, green: 0, blue: 0) })
        XCTAssertEqual(red.x0, 72, accuracy: 1e-9)
        XCTAssertEqual(red.x1, 522, accuracy: 1e-9)
        XCTAssertEqual(red.y0, 792 - 280.75, accuracy: 1e-9)
        XCTAssertEqual(red.thickness, 1.5, accuracy: 1e-9)
        let blue = try XCTUnwrap(page.rules.first { $0.color == PDFColor(red: 0, green: 0, blue: 1) })
        XCTAssertEqual(blue.y0, 532, accuracy: 1e-9)
        XCTAssertEqual(blue.thickness, 2, accuracy: 1e-9)
    }

    func testInfoDictionary() throws {
        let info = try Self.open("base.pdf").info
        XCTAssertEqual(info["Title"], "Reader fixture")
        XCTAssertEqual(info["Author"], "中文", "UTF-16BE text string")
    }

    /// Structural variants give exactly the base page.
    func testVariantsReadLikeBase() throws {
        let base = try Self.open("base.pdf")
        let expected = base.page(0)
        for name in ["flate.pdf", "objstm.pdf", "linear.pdf", "rc4-40.pdf", "rc4-128.pdf", "aes-128.pdf", "aes-256.pdf", "aes-256-r5.pdf"] {
            let document = try Self.open(name)
            XCTAssertEqual(document.pageCount, 1, name)
            XCTAssertEqual(document.warnings, [], name)
            XCTAssertEqual(document.page(0), expected, name)
            XCTAssertEqual(document.info["Title"], "Reader fixture", "\(name): strings decrypted")
            XCTAssertEqual(document.info["Author"], "中文", name)
        }
    }

    func testIncrementalUpdateLatestWins() throws {
        let document = try Self.open("incremental.pdf")
        XCTAssertEqual(document.warnings, [])
        XCTAssertEqual(document.page(0).glyphs.map(\.text).joined(), "Updated page")
        XCTAssertEqual(document.info["Title"], "Reader fixture", "objects only the original section lists are still found")
    }

    func testUserPasswordIsRefusedClearly() {
        XCTAssertThrowsError(try Self.open("user-password.pdf")) { error in
            let error = error as! PDFReadError
            XCTAssertEqual(error.kind, .passwordRequired)
            XCTAssertEqual(error.file, Self.fixture("user-password.pdf"))
            XCTAssert(error.description.contains("password"), error.description)
        }
    }

    private static func open(_ name: String, password: String) throws -> PDFDocument {
        try PDFDocument(path: fixture(name), options: PDFDocument.Options(password: password))
    }

    /// Every revision opens with its user password and with its owner password (Algorithms 6 and 7;
    /// 2.A's user and owner paths), and reads exactly as the unencrypted base.
    func testUserAndOwnerPasswordsOpenEveryRevision() throws {
        let expected = try Self.open("base.pdf").page(0)
        for revision in ["r2", "r3", "r4", "r5", "r6"] {
            let name = "password-\(revision).pdf"
            for password in ["secret", "owner-pw"] {
                let document = try Self.open(name, password: password)
                XCTAssertEqual(document.page(0), expected, "\(name) with \(password)")
                XCTAssertEqual(document.info["Author"], "中文", "\(name): strings decrypted")
                XCTAssertEqual(document.warnings, [], name)
            }
        }
    }

    /// A wrong password is its own error (not "needs a password"), naming the encryption; no
    /// password at all is `.passwordRequired`.
    /// /StmF and /StrF /Identity with /EFF: only attachments are encrypted (pdf.js's
    /// encrypted-attachment.pdf); the pages read without a password, with a warning.
    func testEmbeddedFilesOnlyEncryptionOpensWithoutAPassword() throws {
        let zeros = { (count: Int) in "<" + String(repeating: "00", count: count) + ">" }
        let encrypt = "<< /Filter /Standard /V 5 /R 6 /Length 256 /P -4 /CF << /StdCF << /CFM /AESV3 /Length 32 >> >>"
            + " /StmF /Identity /StrF /Identity /EFF /StdCF /O \(zeros(48)) /U \(zeros(48)) /OE \(zeros(32)) /UE \(zeros(32)) /Perms \(zeros(16)) >>"
        var objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                       "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                       MiniPDF.stream("BT /F1 12 Tf 72 700 Td (Example) Tj ET"),
                       "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
        objects.append(encrypt)
        let document = try PDFDocument(bytes: MiniPDF.build(objects, trailerExtra: " /Encrypt 6 0 R /ID [<00> <00>]"))
        XCTAssertEqual(try document.page(0).glyphs.map(\.text).joined(), "Example")
        XCTAssertEqual(document.warnings.map(\.message),
                       ["only embedded files are encrypted (AES-256, R6); the pages are read without the password, the attachments are not read"])
    }

    func testWrongOrMissingPasswordIsAClearError() {
        for revision in ["r2", "r3", "r4", "r5", "r6"] {
            let name = "password-\(revision).pdf"
            XCTAssertThrowsError(try Self.open(name, password: "Secret")) { error in
                let error = error as! PDFReadError
                XCTAssertEqual(error.kind, .wrongPassword, name)
                XCTAssert(error.message.contains("neither the user nor the owner password"), error.message)
            }
            XCTAssertThrowsError(try Self.open(name)) { error in
                XCTAssertEqual((error as! PDFReadError).kind, .passwordRequired, name)
            }
        }
        XCTAssertThrowsError(try Self.open("password-r2.pdf", password: "x")) { error in
            XCTAssert((error as! PDFReadError).message.hasSuffix("(RC4 40-bit, R2)"), "\(error)")
        }
        XCTAssertThrowsError(try Self.open("password-r6.pdf", password: "x")) { error in
            XCTAssert((error as! PDFReadError).message.hasSuffix("(AES-256, R6)"), "\(error)")
        }
    }

    /// Passwords beyond ASCII: PDFDocEncoding for R4 (é is one byte there), UTF-8 for R6, and the
    /// UTF-8 bytes qpdf stores for an R4 password PDFDocEncoding cannot hold.
    func testPasswordsBeyondASCII() throws {
        let expected = try Self.open("base.pdf").page(0)
        for (name, password) in [("password-cafe-r4.pdf", "café"), ("password-utf8-r4.pdf", "密码2024"),
                                 ("password-utf8-r6.pdf", "密码2024"), ("password-utf8-r6.pdf", "主人")] {
            XCTAssertEqual(try Self.open(name, password: password).page(0), expected, "\(name) with \(password)")
        }
        // "cafe" is another password, not a spelling of "café".
        XCTAssertThrowsError(try Self.open("password-cafe-r4.pdf", password: "cafe"))
    }

    /// A password given for a file that needs none is not in the way (one --password for a
    /// folder of mixed files).
    func testPasswordIsIgnoredWhereNoneIsNeeded() throws {
        let expected = try Self.open("base.pdf").page(0)
        for name in ["base.pdf", "aes-256.pdf", "rc4-128.pdf"] {
            XCTAssertEqual(try Self.open(name, password: "secret").page(0), expected, name)
        }
    }

    /// /Rotate: page space is what the reader sees, so text that ran left to right now runs down
    /// (90), right to left upside down (180) or up (270).
    func testRotatedPages() throws {
        let base = try Self.open("base.pdf").page(0)
        let h = base.glyphs[0]
        for angle in [90, 180, 270] {
            let page = try Self.open("rotate\(angle).pdf").page(0)
            XCTAssertEqual(page.glyphs.map(\.text), base.glyphs.map(\.text))
            let g = page.glyphs[0]
            let userX = h.x, userY = 792 - h.baseline
            switch angle {
            case 90:
                XCTAssertEqual((page.width, page.height).0, 792); XCTAssertEqual(page.height, 612)
                XCTAssertEqual(g.x, userY, accuracy: 1e-9); XCTAssertEqual(g.baseline, userX, accuracy: 1e-9)
            case 180:
                XCTAssertEqual(page.width, 612); XCTAssertEqual(page.height, 792)
                XCTAssertEqual(g.x, 612 - userX - h.width, accuracy: 1e-9); XCTAssertEqual(g.baseline, userY, accuracy: 1e-9)
            default:
                XCTAssertEqual(page.width, 792); XCTAssertEqual(page.height, 612)
                XCTAssertEqual(g.x, 792 - userY, accuracy: 1e-9); XCTAssertEqual(g.baseline, 612 - userX, accuracy: 1e-9)
            }
            XCTAssertEqual(g.width, h.width, accuracy: 1e-9)
            XCTAssertEqual(g.size, h.size, accuracy: 1e-9)
        }
    }

    /// poppler as an oracle: the same characters in the same reading order (white-space aside; lines
    /// sorted top to bottom since poppler reorders the footer drawn mid-stream).
    func testBaseAgreesWithPoppler() throws {
        for name in ["base.pdf", "objstm.pdf", "aes-256.pdf", "incremental.pdf"] {
            let poppler = try Poppler.text(Self.fixture(name)).filter { !$0.isWhitespace }
            let ours = GlyphDump.lines(try Self.open(name).page(0)).joined().filter { !$0.isWhitespace }
            XCTAssertEqual(ours, poppler, name)
        }
    }
}
