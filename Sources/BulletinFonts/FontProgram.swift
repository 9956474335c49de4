import CHarfBuzz
import CHarfBuzzSubset

/// A font as a PDF writer embeds it: its outline format, the CID that selects each glyph, the
/// numbers of its font descriptor, and subsets holding only the glyphs a document uses.
///
/// Made once per `FontFace` (`FontFace.program()`) and shared; subsetting reads the mapped font
/// file in place and costs time in proportion to the glyphs kept, not to the font's size.
package final class FontProgram: @unchecked Sendable {
    package enum Outlines: Equatable, Sendable {
        /// Compact Font Format outlines (PDF: CIDFontType0 with FontFile3 /CIDFontType0C).
        case cff(cidKeyed: Bool)
        /// TrueType outlines (PDF: CIDFontType2 with FontFile2).
        case trueType
    }

    /// Registry, ordering and supplement of a CID-keyed font's character collection (Adobe-GB1-5).
    package struct CharacterCollection: Equatable, Sendable {
        package var registry: String
        package var ordering: String
        package var supplement: Int
    }

    package let outlines: Outlines
    package let metrics: FontDescriptorMetrics
    /// The CFF font's own collection when it is CID-keyed; nil otherwise.
    package let characterCollection: CharacterCollection?
    package let path: String
    /// One more than the largest CID `cid(of:)` returns (sizes per-CID tables).
    package let cidCount: Int

    private let face: OpaquePointer
    /// Keeps the mapped `CFF ` table alive for `cff`, which points into it.
    private let cffTable: FontTable?
    private let cff: CFFFont?

    /// `face` is the font's `hb_face_t`; the program holds its own reference.
    init(face: OpaquePointer, path: String, ascender: Double, descender: Double) throws(FontError) {
        self.path = path
        let cffTable = FontTable(face: face, tag: "CFF ")
        do throws(FontProgramError) {
            if !cffTable.isEmpty {
                let cff = try CFFFont(cffTable.bytes)
                self.cff = cff
                outlines = .cff(cidKeyed: cff.isCIDKeyed)
                characterCollection = cff.characterCollection
            } else if !FontTable(face: face, tag: "glyf").isEmpty {
                cff = nil
                outlines = .trueType
                characterCollection = nil
            } else {
                let reason = FontTable(face: face, tag: "CFF2").isEmpty
                    ? "no CFF or TrueType outlines (a bitmap-only font cannot be embedded)"
                    : "CFF2 (variable) outlines are not supported for PDF embedding"
                throw FontProgramError(reason)
            }
            metrics = try FontDescriptorMetrics(face: face, ascender: ascender, descender: descender,
                                                stemV: cff?.privates.first?.dict.integer(CFFOperator.stdVW))
        } catch {
            throw .cannotEmbed(path: path, reason: error.reason)
        }
        self.cffTable = cff == nil ? nil : cffTable
        if let cff, cff.isCIDKeyed, let charset = cff.charset {
            cidCount = Int(charset.max() ?? 0) + 1
        } else {
            cidCount = min(Int(hb_face_get_glyph_count(face)), 0x1_0000)
        }
        self.face = hb_face_reference(face)
    }

    deinit { hb_face_destroy(face) }

    /// The CID that selects `glyph` in every subset of this font: the glyph's CID in a CID-keyed
    /// CFF font (subsets keep their charset's CIDs), else the glyph number (subsets keep glyph
    /// numbers). Known before any subset is made, so pages can be written as they come. A glyph
    /// the font does not have is shown as .notdef (CID 0).
    package func cid(of glyph: UInt32) -> UInt16 {
        if let cff, cff.isCIDKeyed, let charset = cff.charset {
            return Int(glyph) < charset.count ? charset[Int(glyph)] : 0
        }
        return Int(glyph) < cidCount ? UInt16(glyph) : 0
    }

    /// A font file with only `glyphs` (plus .notdef): a bare CFF table for CFF fonts, a TrueType
    /// font (glyf, loca, head, hhea, hmtx, maxp) with glyph numbers kept for TrueType fonts.
    package func subset(glyphs: [UInt32]) throws(FontError) -> [UInt8] {
        do {
            if let cff { return try cff.subset(glyphs.map { Int($0) }) }
            return try subsetTrueType(glyphs)
        } catch {
            throw .cannotEmbed(path: path, reason: error.reason)
        }
    }

    /// TrueType subsets come from HarfBuzz's subsetter: it follows composite glyphs to their parts
    /// and rebuilds loca and hmtx. Glyph numbers are kept (RETAIN_GIDS) so the PDF's CIDToGIDMap
    /// is the identity; hinting is dropped (print resolution needs none; our PNGs are unhinted too).
    private func subsetTrueType(_ glyphs: [UInt32]) throws(FontProgramError) -> [UInt8] {
        guard let input = hb_subset_input_create_or_fail() else { throw FontProgramError("out of memory") }
        defer { hb_subset_input_destroy(input) }
        let glyphSet = hb_subset_input_glyph_set(input)
        hb_set_add(glyphSet, 0)
        for glyph in glyphs { hb_set_add(glyphSet, glyph) }
        // Drop every table but those a PDF's FontFile2 needs (PDF 32000 §9.9); this also skips the
        // GSUB closure, which would add glyphs the document never shows.
        let drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG)
        hb_set_clear(drop)
        hb_set_invert(drop)
        for tag in ["glyf", "loca", "head", "hhea", "hmtx", "maxp"] { hb_set_del(drop, hb_tag_from_string(tag, 4)) }
        hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS.rawValue | HB_SUBSET_FLAGS_NO_HINTING.rawValue
                                  | HB_SUBSET_FLAGS_NOTDEF_OUTLINE.rawValue)
        guard let subset = hb_subset_or_fail(face, input) else {
            throw FontProgramError("HarfBuzz could not subset the TrueType outlines")
        }
        defer { hb_face_destroy(subset) }
        let blob = hb_face_reference_blob(subset)
        defer { hb_blob_destroy(blob) }
        var length: UInt32 = 0
        guard let data = hb_blob_get_data(blob, &length), length > 0 else {
            throw FontProgramError("HarfBuzz produced an empty TrueType subset")
        }
        return Array(UnsafeRawBufferPointer(start: data, count: Int(length)))
    }
}

/// The numbers of a PDF font descriptor (PDF 32000 §9.8), in thousandths of an em.
package struct FontDescriptorMetrics: Equatable, Sendable {
    /// Union of all glyph boxes (head table): left, bottom, right, top.
    package var boundingBox: [Double]
    package var italicAngle: Double
    package var ascent: Double
    package var descent: Double
    /// OS/2 sCapHeight, or the box's top when the font does not say (Fandol's is 0).
    package var capHeight: Double
    /// Dominant vertical stem width: the CFF Private DICT's StdVW, else 80 (a common regular
    /// weight; only used by viewers that substitute a missing font, which never happens here).
    package var stemV: Double
    package var isFixedPitch: Bool

    init(face: OpaquePointer, ascender: Double, descender: Double, stemV: Int?) throws(FontProgramError) {
        let headTable = FontTable(face: face, tag: "head")
        let head = BigEndianBytes(bytes: headTable.bytes, table: "head")
        let unitsPerEm = try head.u16(18)
        guard unitsPerEm > 0 else { throw FontProgramError("head table: unitsPerEm is 0") }
        let scale = 1000 / Double(unitsPerEm)
        boundingBox = [Double(try head.i16(36)) * scale, Double(try head.i16(38)) * scale,
                       Double(try head.i16(40)) * scale, Double(try head.i16(42)) * scale]
        ascent = ascender * 1000
        descent = descender * 1000
        let postTable = FontTable(face: face, tag: "post")
        let post = BigEndianBytes(bytes: postTable.bytes, table: "post")
        italicAngle = post.count >= 16 ? Double(Int32(bitPattern: UInt32(try post.u32(4)))) / 65536 : 0
        isFixedPitch = post.count >= 16 ? (try post.u32(12)) != 0 : false
        let os2Table = FontTable(face: face, tag: "OS/2")
        let os2 = BigEndianBytes(bytes: os2Table.bytes, table: "OS/2")
        var declaredCapHeight = 0.0
        if os2.count >= 90, try os2.u16(0) >= 2 { declaredCapHeight = Double(try os2.i16(88)) * scale }
        capHeight = declaredCapHeight > 0 ? declaredCapHeight : boundingBox[3]
        self.stemV = Double(stemV ?? 80)
    }
}
