import Foundation

/// Step 4: blocks go onto pages. Keeps headings and headlines with what follows, the attribution
/// with its article's last line, and the 版记 at the foot of the last page (moving the last body
/// line along when it must go to a new page). Adds page numbers.
struct Paginator {
    let typesetter: Typesetter
    private(set) var pages: [DisplayPage] = []
    private(set) var outline: [OutlineEntry] = []
    /// Current position below the type area's top.
    private var y = 0.0
    private var items: [DisplayItem] = []
    /// The last body line placed on the current page: its item range, top and height.
    private var lastLine: (range: Range<Int>, top: Double, height: Double, linesOfBlockOnPage: Int)?

    init(typesetter: Typesetter) { self.typesetter = typesetter }

    private var left: Double { mm(typesetter.spec.page.left) }
    private var top: Double { mm(typesetter.spec.page.top) }
    private var areaHeight: Double { typesetter.typeAreaHeight }

    mutating func place(masthead: PlacedGroup, blocks: [FlowBlock], imprint: PlacedGroup?) {
        items = masthead.items.map { $0.offset(dx: left, dy: top) }
        y = masthead.height
        for (index, block) in blocks.enumerated() {
            place(block, following: blocks[(index + 1)...])
        }
        if let imprint { place(imprint: imprint) }
        finishPage()
    }

    private mutating func finishPage() {
        let page = typesetter.spec.page
        pages.append(DisplayPage(width: mm(page.width), height: mm(page.height), items: items))
        items = []
        y = 0
        lastLine = nil
    }

    /// A block's height in the flow; in grid mode a non-body block rounds up to whole grid lines
    /// so that body lines stay on the grid (GB/T 9704: lines align on both sides of a sheet).
    private func slotHeight(_ block: FlowBlock, atTop: Bool) -> Double {
        let content = block.lines.reduce(0) { $0 + $1.height }
        var height = (atTop ? 0 : block.spaceBefore) + content + block.spaceAfter
        if let pitch = typesetter.gridPitch { height = (height / pitch - 0.001).rounded(.up) * pitch }
        return height
    }

    /// Height needed below a keep-with-next block: the following kept blocks and the first line of
    /// the first block that is not kept.
    private func keptHeight(_ following: ArraySlice<FlowBlock>) -> Double {
        var height = 0.0
        for block in following {
            if block.keepWithNext {
                height += slotHeight(block, atTop: false)
                continue
            }
            if block.splittable, let first = block.lines.first {
                height += block.spaceBefore + first.height
            } else {
                height += slotHeight(block, atTop: false)
            }
            break
        }
        return height
    }

    private mutating func place(_ block: FlowBlock, following: ArraySlice<FlowBlock>) {
        if block.splittable {
            if y > 0 { y += block.spaceBefore }
            var onPage = 0
            for (i, line) in block.lines.enumerated() {
                if y + line.height > areaHeight + 0.01 {
                    finishPage()
                    onPage = 0
                }
                if i == 0 { recordOutline(block) }
                let start = items.count
                items += line.placed(x: left, y: top + y)
                onPage += 1
                lastLine = (start..<items.count, y, line.height, onPage)
                y += line.height
            }
            y += block.spaceAfter
            return
        }
        var height = slotHeight(block, atTop: y == 0)
        let need = height + (block.keepWithNext ? keptHeight(following) : 0)
        if y + need > areaHeight + 0.01 && y > 0 {
            if block.keepWithPrevious { moveLastLineToNewPage() } else { finishPage() }
            height = slotHeight(block, atTop: y == 0)
        }
        let content = block.lines.reduce(0) { $0 + $1.height }
        let spaceBefore = y == 0 ? 0 : block.spaceBefore
        // Centre the content in its grid slot.
        let extra = height - spaceBefore - content - block.spaceAfter
        var lineY = y + spaceBefore + max(0, extra) / 2
        recordOutline(block, at: lineY)
        for line in block.lines {
            items += line.placed(x: left, y: top + lineY)
            lineY += line.height
        }
        lastLine = nil
        y += height
    }

    private mutating func recordOutline(_ block: FlowBlock, at lineY: Double? = nil) {
        guard let entry = block.outline else { return }
        outline.append(OutlineEntry(title: entry.title, page: pages.count, y: top + (lineY ?? y), level: entry.level))
    }

    /// Starts a new page and carries the current page's last body line over to it, so that what
    /// follows (an attribution, the 版记) is not alone. Only when the line's paragraph keeps at
    /// least one other line on the old page.
    private mutating func moveLastLineToNewPage() {
        guard let line = lastLine, line.linesOfBlockOnPage > 1, line.range.upperBound == items.count else {
            finishPage()
            return
        }
        let moved = items[line.range].map { $0.offset(dx: 0, dy: -line.top) }
        items.removeSubrange(line.range)
        finishPage()
        let start = items.count
        items += moved.map { $0.offset(dx: 0, dy: 0) }
        lastLine = (start..<items.count, 0, line.height, 1)
        y = line.height
    }

    private mutating func place(imprint: PlacedGroup) {
        if y + imprint.height > areaHeight + 0.01 {
            moveLastLineToNewPage()
        }
        // The last rule sits on the type area's bottom edge (GB/T 9704-2012 §7.4.1).
        items += imprint.items.map { $0.offset(dx: left, dy: top + areaHeight - imprint.height) }
        y = areaHeight
    }

    /// `— n —` below the type area: odd pages right, even pages left, one character in
    /// (GB/T 9704-2012 §7.5).
    mutating func addPageNumbers(context: inout CompositionContext) -> Int {
        let style = typesetter.spec.pageNumber
        let block = BlockStyle(font: style.font, size: style.size, color: style.color, leading: style.size,
                               align: .left)
        for index in pages.indices {
            let number = index + 1
            let text = style.format.replacingOccurrences(of: "{n}", with: String(number))
            var lineStyle = block
            lineStyle.align = !style.alternate ? .center : (number % 2 == 1 ? .right : .left)
            lineStyle.inset = style.alternate ? style.inset : 0
            let lines = context.lines([StyledSpan(text: text, style: context.resolve(lineStyle), path: "pageNumber")],
                                      style: lineStyle)
            let lineTop = top + areaHeight + mm(style.below)
            for line in lines {
                pages[index].items += line.placed(x: left + lineStyle.inset * style.size, y: lineTop)
            }
        }
        return pages.count
    }
}
