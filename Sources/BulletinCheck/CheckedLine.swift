import BulletinLayout

/// One line as the checker sees it, whatever it was read from: the layout's record of the line
/// (or one rebuilt from a PDF's extracted lines) and where each character starts on it.
public struct CheckedLine: Sendable {
    /// A character and the x of its glyph's left edge (page coordinates).
    public struct Character: Sendable, Equatable {
        public var scalar: Unicode.Scalar
        public var x: Double

        public init(scalar: Unicode.Scalar, x: Double) {
            self.scalar = scalar
            self.x = x
        }
    }

    public var record: LineRecord
    /// Characters left to right; spacing rules measure the gaps between Han characters.
    public var characters: [Character]
    /// Set when the line shows a glyph its font lacks: what is missing.
    public var missingGlyph: String?

    public init(record: LineRecord, characters: [Character], missingGlyph: String? = nil) {
        self.record = record
        self.characters = characters
        self.missingGlyph = missingGlyph
    }
}
