/// What a block of the page flow is; pagination rules depend on it.
typealias FlowKind = LineRecord.Role

/// A block of composed lines in the flow of the body, with the rules pagination must keep.
struct FlowBlock {
    var kind: FlowKind
    var lines: [ComposedLine]
    var spaceBefore: Double
    var spaceAfter: Double
    /// Column heads, kickers, headlines and headings are never last on a page (typography.md
    /// "Paragraphs and justification": keep with next).
    var keepWithNext: Bool
    /// The attribution stays with its article's last line.
    var keepWithPrevious: Bool
    /// Whether lines may be split across pages (body paragraphs and notes).
    var splittable: Bool
    /// JSON path of the model element.
    var path: String
    /// Bookmark for this block, when it opens a column or an article.
    var outline: (title: String, level: Int)?
}
