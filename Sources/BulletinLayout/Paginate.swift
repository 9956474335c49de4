import Foundation

/// Step 4: blocks go onto pages. Keeps headings and headlines with what follows, the attribution
/// with its article's last line, and the 版记 at the foot of the last page (moving the last body
/// line along when it must go to a new page). Adds page numbers.
struct Paginator {
    let typesetter: Typesetter
    private(set) var pages: [DisplayPage] = []
    private(set) var outline: [OutlineEntry] = []
    private(set) var records: [LineRecord] = []
    /// Current position below the type area's top.
    private var y = 0.0
    private var items: [DisplayItem] = []
    /// The lines of the last splittable block placed on the current page (item range, top, height),
    /// and whether the block began on this page; what `carryLinesToNewPage` may move.
    private var tail: [(range: Range<Int>, top: Double, height: Double)] = []
    private var tailBlockStartedHere = false

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
        tail = []
        tailBlockStartedHere = false
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
            if block.splittable {
                // The lines that must share the page: two (no orphan), or all of a paragraph of
                // three or fewer, which cannot split 2 + 2.
                let needed = block.lines.count <= 3 ? block.lines.count : 2
                height += block.spaceBefore + block.lines.prefix(needed).reduce(0) { $0 + $1.height }
            } else {
                height += slotHeight(block, atTop: false)
            }
            break
        }
        return height
    }

    private mutating func place(_ block: FlowBlock, following: ArraySlice<FlowBlock>) {
        if block.splittable {
            placeSplittable(block)
            return
        }
        var height = slotHeight(block, atTop: y == 0)
        let need = height + (block.keepWithNext ? keptHeight(following) : 0)
        if y + need > areaHeight + 0.01 && y > 0 {
            if block.keepWithPrevious { carryLinesToNewPage() } else { finishPage() }
            height = slotHeight(block, atTop: y == 0)
        }
        let content = block.lines.reduce(0) { $0 + $1.height }
        let spaceBefore = y == 0 ? 0 : block.spaceBefore
        // Centre the content in its grid slot.
        let extra = height - spaceBefore - content - block.spaceAfter
        var lineY = y + spaceBefore + max(0, extra) / 2
        recordOutline(block, at: lineY)
        for (index, line) in block.lines.enumerated() {
            items += line.placed(x: left, y: top + lineY)
            record(line, of: block, index: index, at: lineY)
            lineY += line.height
        }
        tail = []
        y += height
    }

    /// A paragraph flows over pages, never leaving its first line alone at a page foot nor its
    /// last line alone at a page top (clreq `#adjustments_of_orphans_and_widows`): at least two
    /// lines on each side of a page break, else the whole paragraph moves on.
    private mutating func placeSplittable(_ block: FlowBlock) {
        if y > 0 { y += block.spaceBefore }
        var next = 0
        var first = true
        while next < block.lines.count {
            let remaining = block.lines.count - next
            var fit = 0
            var height = y
            while next + fit < block.lines.count && height + block.lines[next + fit].height <= areaHeight + 0.01 {
                height += block.lines[next + fit].height
                fit += 1
            }
            var take = min(fit, remaining)
            if take < remaining {
                if remaining - take < 2 { take = remaining - 2 }   // no widow on the next page
                if take < 2 { take = 0 }                           // no orphan at this foot
                if take == 0 && y == 0 { take = max(1, min(fit, remaining)) }  // a page of one line: no choice
            }
            if take == 0 {
                finishPage()
                continue
            }
            if first {
                tail = []
                tailBlockStartedHere = true
                recordOutline(block)
            }
            for (index, line) in block.lines.enumerated().dropFirst(next).prefix(take) {
                let start = items.count
                items += line.placed(x: left, y: top + y)
                record(line, of: block, index: index, at: y)
                tail.append((start..<items.count, y, line.height))
                y += line.height
            }
            next += take
            first = false
            if next < block.lines.count {
                finishPage()
                tailBlockStartedHere = false
            }
        }
        y += block.spaceAfter
    }

    private mutating func record(_ line: ComposedLine, of block: FlowBlock, index: Int, at lineTop: Double) {
        let measureLeft = left
        records.append(LineRecord(page: pages.count, baseline: top + lineTop + line.baseline,
                                  left: left + line.startX, right: left + line.startX + line.usedWidth,
                                  measureLeft: measureLeft, measureRight: measureLeft + line.measure,
                                  text: line.text, role: block.kind, path: block.path, index: index,
                                  count: block.lines.count, justified: line.justified,
                                  breakAtSpace: line.breakAtSpace, cell: line.cell))
    }

    private mutating func recordOutline(_ block: FlowBlock, at lineY: Double? = nil) {
        guard let entry = block.outline else { return }
        outline.append(OutlineEntry(title: entry.title, page: pages.count, y: top + (lineY ?? y), level: entry.level))
    }

    /// Starts a new page and carries the current page's last body line over to it, so that what
    /// follows (an attribution, the 版记) is not alone. Never leaves a single line of the paragraph
    /// behind: then two lines move (or none, when the paragraph has only those).
    private mutating func carryLinesToNewPage() {
        let count = (tail.count == 2 && tailBlockStartedHere) ? 2 : 1
        guard count <= tail.count, tail.last?.range.upperBound == items.count else {
            finishPage()
            return
        }
        let firstMoved = tail[tail.count - count]
        // Moving everything on the page would only leave a blank page behind.
        guard firstMoved.top > 0 else {
            finishPage()
            return
        }
        let moved = items[firstMoved.range.lowerBound...].map { $0.offset(dx: 0, dy: -firstMoved.top) }
        for i in records.indices.suffix(count) {
            records[i].page += 1
            records[i].baseline -= firstMoved.top
        }
        let height = tail.suffix(count).reduce(0) { $0 + $1.height }
        items.removeSubrange(firstMoved.range.lowerBound...)
        finishPage()
        items += moved
        y = height
    }

    private mutating func place(imprint: PlacedGroup) {
        if y + imprint.height > areaHeight + 0.01 {
            carryLinesToNewPage()
        }
        // The last rule sits on the type area's bottom edge (GB/T 9704-2012 §7.4.1).
        let dy = top + areaHeight - imprint.height
        items += imprint.items.map { $0.offset(dx: left, dy: dy) }
        records += imprint.records.map { record in
            var placed = record
            placed.page = pages.count
            placed.baseline += dy
            placed.left += left
            placed.right += left
            placed.measureLeft += left
            placed.measureRight += left
            return placed
        }
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
