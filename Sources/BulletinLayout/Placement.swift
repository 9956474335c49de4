/// Display items with a height, composed apart from the flow and then placed as one piece.
struct PlacedGroup {
    /// Items relative to the type area's top-left corner and the group's top.
    var items: [DisplayItem]
    var height: Double
    /// Records of the group's text lines, in the same relative coordinates (page 0).
    var records: [LineRecord] = []

    /// Places `line` at (x, y) and records it.
    mutating func add(_ line: ComposedLine, x: Double, y: Double, role: LineRecord.Role, path: String,
                      index: Int, count: Int) {
        items += line.placed(x: x, y: y)
        records.append(LineRecord(page: 0, baseline: y + line.baseline, left: x + line.startX,
                                  right: x + line.startX + line.usedWidth, measureLeft: x,
                                  measureRight: x + line.measure, text: line.text, role: role, path: path,
                                  index: index, count: count, justified: line.justified,
                                  breakAtSpace: line.breakAtSpace, cell: line.cell))
    }
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
