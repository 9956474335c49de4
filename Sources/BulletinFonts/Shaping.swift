import CHarfBuzz

/// One glyph out of HarfBuzz, in em (multiply by the font size for points).
public struct ShapedGlyph: Equatable, Sendable {
    public var glyph: UInt32
    /// Index into the shaped text's UTF-8 bytes where this glyph's cluster starts.
    public var cluster: Int
    public var advance: Double
    public var offsetX: Double
    public var offsetY: Double

    public init(glyph: UInt32, cluster: Int, advance: Double, offsetX: Double, offsetY: Double) {
        self.glyph = glyph
        self.cluster = cluster
        self.advance = advance
        self.offsetX = offsetX
        self.offsetY = offsetY
    }
}

/// The writing system of a run, which decides shaping rules (and glyph forms such as full-width
/// CJK quotes).
public enum ScriptTag: Sendable {
    case han, latin, common

    var hbScript: hb_script_t {
        switch self {
        case .han: return HB_SCRIPT_HAN
        case .latin: return HB_SCRIPT_LATIN
        case .common: return HB_SCRIPT_COMMON
        }
    }
}

extension FontFace {
    /// Shapes `text` left to right with language zh-Hans.
    ///
    /// Quotes “ ” ‘ ’ share code points with Western quotes; shaping them as Han script with
    /// language zh-Hans makes fonts that distinguish the two pick the full-width CJK form
    /// (typography.md, "Punctuation width").
    public func shape(_ text: String, script: ScriptTag) -> [ShapedGlyph] {
        guard !text.isEmpty else { return [] }
        let buffer = hb_buffer_create()
        defer { hb_buffer_destroy(buffer) }
        var utf8 = text.utf8CString
        utf8.withUnsafeMutableBufferPointer { bytes in
            hb_buffer_add_utf8(buffer, bytes.baseAddress, Int32(bytes.count - 1), 0, Int32(bytes.count - 1))
        }
        hb_buffer_set_direction(buffer, HB_DIRECTION_LTR)
        hb_buffer_set_script(buffer, script.hbScript)
        hb_buffer_set_language(buffer, FontFace.chineseLanguage)
        hb_buffer_set_cluster_level(buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS)
        hb_shape(hbFont, buffer, nil, 0)
        var count: UInt32 = 0
        guard let infos = hb_buffer_get_glyph_infos(buffer, &count),
              let positions = hb_buffer_get_glyph_positions(buffer, &count) else { return [] }
        let scale = 1.0 / Double(unitsPerEm)
        var glyphs: [ShapedGlyph] = []
        glyphs.reserveCapacity(Int(count))
        for i in 0..<Int(count) {
            glyphs.append(ShapedGlyph(glyph: infos[i].codepoint, cluster: Int(infos[i].cluster),
                                      advance: Double(positions[i].x_advance) * scale,
                                      offsetX: Double(positions[i].x_offset) * scale,
                                      offsetY: Double(positions[i].y_offset) * scale))
        }
        return glyphs
    }

    nonisolated(unsafe) static let chineseLanguage = hb_language_from_string("zh-Hans", -1)
}
