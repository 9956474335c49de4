import BulletinFonts
import CCairo
import CFreeType
import Foundation

/// One Cairo font face per `FontFace` (and emboldening), for the life of the process, so PNG
/// rendering in a batch never re-creates faces.
final class CairoFontFaces: @unchecked Sendable {
    static let shared = CairoFontFaces()

    private var faces: [FaceKey: (font: FontFace, cairo: OpaquePointer)] = [:]

    private struct FaceKey: Hashable {
        let font: ObjectIdentifier
        let bold: Bool
    }
    private let lock = NSLock()

    func face(for font: FontFace, syntheticBold: Bool = false) -> OpaquePointer {
        lock.lock()
        defer { lock.unlock() }
        let key = FaceKey(font: ObjectIdentifier(font), bold: syntheticBold)
        if let entry = faces[key] { return entry.cairo }
        // The FontFace is kept alive in the table, so its FT_Face outlives the Cairo face. Cairo
        // shares one font face per FT_Face and load flags, so the emboldened face gets its own
        // flags (no bitmaps, which CFF fonts lack anyway) to stay a separate object.
        let flags = Int32(FT_LOAD_NO_HINTING) | (syntheticBold ? Int32(FT_LOAD_NO_BITMAP) : 0)
        let cairo = cairo_ft_font_face_create_for_ft_face(font.freeTypeFace, flags)!
        if syntheticBold { cairo_ft_font_face_set_synthesize(cairo, UInt32(CAIRO_FT_SYNTHESIZE_BOLD.rawValue)) }
        faces[key] = (font, cairo)
        return cairo
    }
}
