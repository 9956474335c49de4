import BulletinFonts
import BulletinLayout
import BulletinRender
import Foundation
import TestSupport
import XCTest

/// Display lists made by hand, glyph by glyph, for what the typesetter never produces on its own
/// (a glyph standing for two texts, clusters of several glyphs) or fonts it does not ship.
enum HandMadeLists {
    static let a4 = (width: 595.276, height: 841.89)

    /// The fixture fonts of the PDF writer's tests (Tests/Fixtures/pdfwriter).
    static let fixtureFonts = try! FontCatalog(directory: Repository.path("Tests/Fixtures/pdfwriter"),
                                               allowsSystemFallback: false)

    static func metadata(_ title: String = "手工列表") -> DocumentMetadata {
        DocumentMetadata(title: title, author: "测试", subject: "", keywords: "", creator: "tests",
                         creationDate: "2021-03-04T05:06:07Z")
    }

    /// One glyph per character from `face`'s cmap, advancing by the font's widths; one cluster
    /// per character.
    static func run(_ text: String, face: FontFace, font: Int, x: Double, y: Double, size: Double = 20,
                    bold: Bool = false, color: RGBColor = .black) -> GlyphRun {
        var glyphs: [PlacedGlyph] = []
        var clusters: [TextCluster] = []
        var pen = 0.0
        for character in text {
            let id = face.glyph(for: character.unicodeScalars.first!) ?? 0
            glyphs.append(PlacedGlyph(id: id, x: pen, y: 0))
            clusters.append(TextCluster(bytes: String(character).utf8.count, glyphs: 1))
            pen += face.advance(of: id) * size
        }
        return GlyphRun(font: font, size: size, color: color, x: x, y: y, glyphs: glyphs, text: text,
                        clusters: clusters, syntheticBold: bold)
    }

    /// Writes `pdf` to a temporary file and returns its path.
    static func write(_ pdf: [UInt8], name: String = "list.pdf") throws -> String {
        let path = (Repository.temporaryDirectory() as NSString).appendingPathComponent(name)
        try AtomicFile.write(pdf, to: path)
        return path
    }

    /// Page `page` (1-based) rendered by poppler at `dpi`, as an image.
    static func poppler(_ pdf: String, page: Int = 1, dpi: Int) throws -> RasterImageFile {
        let prefix = pdf + "-page"
        let result = try Poppler.run("pdftoppm", ["-r", String(dpi), "-f", String(page), "-l", String(page),
                                                  "-png", "-singlefile", pdf, prefix])
        XCTAssertEqual(result.status, 0, result.stderr)
        return RasterImageFile(path: prefix + ".png")
    }
}

/// A PNG file written by a tool, read when needed.
struct RasterImageFile {
    let path: String
    var bytes: [UInt8] { (try? Array(Data(contentsOf: URL(fileURLWithPath: path)))) ?? [] }
}
