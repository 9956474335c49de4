/// What is known of a whole document once its pages have been read once (the first pass): what
/// classifying its paragraphs needs before the first of them is built, so that markdown, JSON and
/// the issue can be written as the paragraphs come (`ClassifierStream`).
public struct DocumentProfile: Sendable, Equatable {
    /// The document's fonts; font ids of lines, spans and paragraphs index this.
    public var fonts: [FontInfo]
    /// The size of body text (the most common size, weighted by characters).
    public var bodySize: Double
    /// The body text's font: of the content lines within 10 % of the body size, the font with
    /// the most characters (ties to the lower id); nil for a document without such text.
    public var bodyFont: Int?

    public init(fonts: [FontInfo], bodySize: Double, bodyFont: Int?) {
        self.fonts = fonts
        self.bodySize = bodySize
        self.bodyFont = bodyFont
    }

    /// A size bucket (`PageMetrics.bucket`) and a font id: what characters are counted by.
    struct SizeAndFont: Hashable {
        var bucket: Int
        var font: Int
    }

    /// The body font from characters counted per size bucket and font.
    static func bodyFont(_ characters: [SizeAndFont: Int], bodySize: Double) -> Int? {
        var counts: [Int: Int] = [:]
        for (key, count) in characters where abs(Double(key.bucket) / 2 - bodySize) <= 0.1 * bodySize {
            counts[key.font, default: 0] += count
        }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }
}
