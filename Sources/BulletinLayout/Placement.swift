/// Display items with a height, composed apart from the flow and then placed as one piece.
struct PlacedGroup {
    /// Items relative to the type area's top-left corner and the group's top.
    var items: [DisplayItem]
    var height: Double
}

extension DisplayItem {
    /// The item moved by (dx, dy).
    func offset(dx: Double, dy: Double) -> DisplayItem {
        switch self {
        case .glyphs(var run):
            run.x += dx
            run.y += dy
            return .glyphs(run)
        case .rule(var rule):
            rule.x += dx
            rule.y += dy
            return .rule(rule)
        }
    }
}

extension ComposedLine {
    /// The line's items placed with its top-left corner at (x, y).
    func placed(x: Double, y: Double) -> [DisplayItem] {
        items.map { $0.offset(dx: x, dy: y) }
    }
}
