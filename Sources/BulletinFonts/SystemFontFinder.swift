import CFontconfig

/// Asks fontconfig for an installed font that has a character: the last resort of a fallback
/// chain, so a rare character is still drawn rather than lost.
enum SystemFontFinder {
    /// The path of the best system font covering `scalar`, or nil when none does.
    static func path(covering scalar: Unicode.Scalar) -> String? {
        guard let config = FcInitLoadConfigAndFonts() else { return nil }
        defer { FcConfigDestroy(config) }
        guard let pattern = FcPatternCreate() else { return nil }
        defer { FcPatternDestroy(pattern) }
        guard let charset = FcCharSetCreate() else { return nil }
        defer { FcCharSetDestroy(charset) }
        FcCharSetAddChar(charset, scalar.value)
        FcPatternAddCharSet(pattern, FC_CHARSET, charset)
        FcPatternAddString(pattern, FC_LANG, "zh-cn")
        FcConfigSubstitute(config, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultNoMatch
        guard let match = FcFontMatch(config, pattern, &result) else { return nil }
        defer { FcPatternDestroy(match) }
        var matchCharset: OpaquePointer?
        guard FcPatternGetCharSet(match, FC_CHARSET, 0, &matchCharset) == FcResultMatch,
              let matchCharset, FcCharSetHasChar(matchCharset, scalar.value) != 0 else { return nil }
        var file: UnsafeMutablePointer<FcChar8>?
        guard FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch, let file else { return nil }
        return String(cString: file)
    }
}
