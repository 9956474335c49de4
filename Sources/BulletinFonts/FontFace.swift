import CFreeType
import CHarfBuzz
import Foundation

/// One loaded font file: a HarfBuzz font for shaping and metrics, a FreeType face that the PNG
/// renderer hands to Cairo, and (on first use) the `FontProgram` the PDF writer embeds. Created
/// once per file per process, so a batch parses each font once.
public final class FontFace: @unchecked Sendable {
    /// Absolute path of the font file.
    public let path: String
    /// The font's PostScript name, e.g. `FandolFang-Regular`.
    public let postScriptName: String
    /// Design units per em.
    public let unitsPerEm: Int
    /// Ascender and descender in em (descender negative), from the OS/2 or hhea tables.
    public let ascender: Double
    public let descender: Double
    /// SHA-256-free identity for goldens and caches: file name and size.
    public let identity: String

    private let library: FreeTypeLibrary
    private let blob: OpaquePointer
    private let hbFace: OpaquePointer
    let hbFont: OpaquePointer
    /// The FreeType face, for Cairo's PNG drawing; only the render module uses it (`package` access).
    package let freeTypeFace: FT_Face
    /// Glyph lookups are hot (every character of every paragraph); cache them.
    private var glyphCache: [UInt32: UInt32] = [:]
    private let cacheLock = NSLock()
    /// Read on first use by the PDF writer (not needed to lay out or draw PNGs).
    private var programCache: FontProgram?
    private let programLock = NSLock()

    init(path: String, library: FreeTypeLibrary) throws(FontError) {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw .unreadable(path: path, reason: FileManager.default.fileExists(atPath: path)
                              ? "permission denied" : "no such file")
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        self.path = path
        self.library = library
        // HarfBuzz memory-maps the file; an empty blob means it could not read it.
        blob = hb_blob_create_from_file(path)
        guard hb_blob_get_length(blob) > 0 else {
            hb_blob_destroy(blob)
            throw .unreadable(path: path, reason: "empty or unreadable file")
        }
        hbFace = hb_face_create(blob, 0)
        let upem = Int(hb_face_get_upem(hbFace))
        guard hb_face_get_glyph_count(hbFace) > 0 else {
            hb_face_destroy(hbFace)
            hb_blob_destroy(blob)
            throw .notAFont(path: path, reason: "no glyphs (not an OpenType/TrueType font?)")
        }
        hbFont = hb_font_create(hbFace)
        hb_ot_font_set_funcs(hbFont)
        // Work in design units; callers scale by size / unitsPerEm.
        hb_font_set_scale(hbFont, Int32(upem), Int32(upem))
        do {
            freeTypeFace = try library.openFace(path: path)
        } catch {
            hb_font_destroy(hbFont)
            hb_face_destroy(hbFace)
            hb_blob_destroy(blob)
            throw error
        }
        unitsPerEm = upem
        var extents = hb_font_extents_t()
        hb_font_get_h_extents(hbFont, &extents)
        ascender = Double(extents.ascender) / Double(upem)
        descender = Double(extents.descender) / Double(upem)
        if let name = FT_Get_Postscript_Name(freeTypeFace) {
            postScriptName = String(cString: name)
        } else {
            postScriptName = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        }
        identity = "\(URL(fileURLWithPath: path).lastPathComponent):\(size)"
    }

    deinit {
        library.closeFace(freeTypeFace)
        hb_font_destroy(hbFont)
        hb_face_destroy(hbFace)
        hb_blob_destroy(blob)
    }

    /// The glyph for a character, or nil when the font lacks it (cmap lookup).
    public func glyph(for scalar: Unicode.Scalar) -> UInt32? {
        cacheLock.lock()
        defer { cacheLock.unlock() }
        if let cached = glyphCache[scalar.value] { return cached == 0 ? nil : cached }
        var glyph: hb_codepoint_t = 0
        let found = hb_font_get_nominal_glyph(hbFont, scalar.value, &glyph) != 0
        glyphCache[scalar.value] = found ? glyph : 0
        return found ? glyph : nil
    }

    /// Whether the font has a glyph for every scalar of `character`.
    public func covers(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { scalar in
            // Variation selectors and joiners need no glyph of their own.
            if (0xFE00...0xFE0F).contains(scalar.value) || scalar.value == 0x200D { return true }
            return glyph(for: scalar) != nil
        }
    }

    /// The font as a PDF writer embeds it, read on first use and then shared.
    package func program() throws(FontError) -> FontProgram {
        programLock.lock()
        defer { programLock.unlock() }
        if let programCache { return programCache }
        let program = try FontProgram(face: hbFace, path: path, ascender: ascender, descender: descender)
        programCache = program
        return program
    }

    /// Horizontal advance of a glyph in em.
    public func advance(of glyph: UInt32) -> Double {
        Double(hb_font_get_glyph_h_advance(hbFont, glyph)) / Double(unitsPerEm)
    }
}
