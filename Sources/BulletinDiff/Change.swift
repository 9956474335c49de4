import Foundation

/// One thing that changed between two versions of a document, located by page and line, with a
/// sentence saying it: `p2 line 14 text changed: “…扎扎实实…” → “…认认真真…”`.
public struct Change: Equatable, Sendable, Codable {
    public enum Kind: String, Equatable, Sendable, Codable {
        /// The text of lines changed (and their paragraph may have reflowed).
        case textChanged = "text-changed"
        /// The same text broken into lines differently.
        case reflowed
        /// Lines only in the new version, or only in the base.
        case added, removed
        /// The same line at another place (another baseline, indent or page).
        case moved
        /// The same text at the same place, drawn differently (font, colour, weight).
        case drawnDifferently = "drawn-differently"
        /// A whole page only in the new version, or only in the base.
        case pageAdded = "page-added", pageRemoved = "page-removed"
        /// Pixels changed where no known line explains them (rules, images, or no text known).
        case region
    }

    public var kind: Kind
    /// Lines of the new version concerned (nil for `removed`, `pageRemoved`).
    public var lines: LineSpan?
    /// Lines of the base version concerned (nil for `added`, `pageAdded`).
    public var baseLines: LineSpan?
    /// Text before and after (an excerpt around the change for `textChanged`).
    public var before: String?
    public var after: String?
    /// Vertical and horizontal offset in points for `moved` (positive: down, right).
    public var dx: Double?
    public var dy: Double?
    /// For `region`: 1-based page and the box, in points when the page's scale is known, else pixels.
    public var page: Int?
    public var region: Box?
    public var description: String

    public init(kind: Kind, lines: LineSpan? = nil, baseLines: LineSpan? = nil, description: String) {
        self.kind = kind
        self.lines = lines
        self.baseLines = baseLines
        self.description = description
    }

    /// A box in points or pixels.
    public struct Box: Equatable, Sendable, Codable {
        public var x0: Double
        public var y0: Double
        public var x1: Double
        public var y1: Double
        public var unit: String
    }

    /// Whether the change concerns page `page` (1-based) of either version.
    public func touches(page number: Int) -> Bool {
        if page == number { return true }
        return [lines, baseLines].contains { span in span.map { $0.firstPage <= number && number <= $0.lastPage } ?? false }
    }
}

/// A run of lines, 1-based: from line `firstLine` of page `firstPage` to line `lastLine` of page
/// `lastPage`. Lines are counted from the top of each page, every text line (masthead and page
/// number included), as a reader counts them.
public struct LineSpan: Equatable, Sendable, Codable, CustomStringConvertible {
    public var firstPage: Int
    public var firstLine: Int
    public var lastPage: Int
    public var lastLine: Int

    public init(firstPage: Int, firstLine: Int, lastPage: Int, lastLine: Int) {
        self.firstPage = firstPage
        self.firstLine = firstLine
        self.lastPage = lastPage
        self.lastLine = lastLine
    }

    public var description: String {
        if firstPage != lastPage { return "p\(firstPage) line \(firstLine) – p\(lastPage) line \(lastLine)" }
        return firstLine == lastLine ? "p\(firstPage) line \(firstLine)" : "p\(firstPage) lines \(firstLine)–\(lastLine)"
    }
}
