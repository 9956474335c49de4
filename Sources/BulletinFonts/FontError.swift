/// The BulletinFonts module: font files on disk become shaped glyphs.
///
/// Steps:
/// 1. `FontCatalog` opens font files by name from a font directory (the repo's `Fonts/`), each once.
/// 2. `FontChain` picks, per character, the first font of a role's fallback chain that has it,
///    falling back to system fonts through fontconfig (`SystemFontFinder`).
/// 3. `FontFace.shape` shapes a run with HarfBuzz into positioned glyphs with clusters.
///
/// 4. `FontFace.program()` gives the PDF writer what it embeds: the CID of each glyph, descriptor
///    metrics and subsets (`CFFSubsetter` of our own for CFF fonts, HarfBuzz's for TrueType).
///
/// HarfBuzz reads the font through its own OpenType functions; FreeType is kept only for Cairo,
/// which draws PNG pages through an `FT_Face`. The C handles live in owner classes (`deinit`
/// frees them) and never appear in the public API.

/// Failures of loading fonts.
public enum FontError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The font file does not exist or cannot be read.
    case unreadable(path: String, reason: String)
    /// The file exists but FreeType or HarfBuzz cannot parse it as a font.
    case notAFont(path: String, reason: String)
    /// FreeType itself could not start.
    case freeTypeInit(code: Int32)
    /// The font loads but its outlines cannot go into a PDF (malformed CFF, CFF2, bitmap-only).
    case cannotEmbed(path: String, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot read font file: \(reason)"
        case .notAFont(let path, let reason): return "\(path): not a usable font: \(reason)"
        case .freeTypeInit(let code): return "FreeType failed to initialise (error \(code))"
        case .cannotEmbed(let path, let reason): return "\(path): cannot embed the font in a PDF: \(reason)"
        }
    }
}
