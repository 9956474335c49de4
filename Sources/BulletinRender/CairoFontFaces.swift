import BulletinFonts
import CCairo
import CFreeType
import Foundation

/// One Cairo font face per `FontFace`, for the life of the process. Cairo embeds a font once per
/// font face object, so reusing the face keeps a PDF to one font object per font, and a batch
/// never re-creates faces.
final class CairoFontFaces: @unchecked Sendable {
    static let shared = CairoFontFaces()

    private var faces: [ObjectIdentifier: (font: FontFace, cairo: OpaquePointer)] = [:]
    private let lock = NSLock()

    func face(for font: FontFace) -> OpaquePointer {
        lock.lock()
        defer { lock.unlock() }
        if let entry = faces[ObjectIdentifier(font)] { return entry.cairo }
        // The FontFace is kept alive in the table, so its FT_Face outlives the Cairo face.
        let cairo = cairo_ft_font_face_create_for_ft_face(font.freeTypeFace, 0)!
        faces[ObjectIdentifier(font)] = (font, cairo)
        return cairo
    }
}
