import CFreeType
import Foundation

/// Owns one `FT_Library`. FreeType libraries are not thread-safe for creating faces, so face
/// creation is serialised by `lock`; faces are only read afterwards (by Cairo's PNG drawing, under
/// its own lock).
final class FreeTypeLibrary: @unchecked Sendable {
    let handle: FT_Library
    let lock = NSLock()

    init() throws(FontError) {
        var library: FT_Library?
        let status = FT_Init_FreeType(&library)
        guard status == 0, let library else { throw .freeTypeInit(code: status) }
        handle = library
    }

    deinit { FT_Done_FreeType(handle) }

    /// Opens face 0 of a font file; FreeType memory-maps the file, so this is cheap.
    func openFace(path: String) throws(FontError) -> FT_Face {
        lock.lock()
        defer { lock.unlock() }
        var face: FT_Face?
        let status = FT_New_Face(handle, path, 0, &face)
        guard status == 0, let face else {
            throw .notAFont(path: path, reason: "FreeType error \(status)")
        }
        return face
    }

    func closeFace(_ face: FT_Face) {
        lock.lock()
        defer { lock.unlock() }
        FT_Done_Face(face)
    }
}
