// Total-fit line breaking after Knuth & Plass, "Breaking Paragraphs into Lines" (1981):
// active nodes, badness and demerits, fitness classes, flagged penalties.

/// One line chosen by `LineBreaker`: where it ends and how far its glue is stretched or shrunk.
public struct LineBreak: Equatable, Sendable {
    /// Index of the item where the line ends: the glue or penalty broken at, or `items.count - 1`
    /// for the final break.
    public var position: Int
    /// Adjustment ratio r: each glue of the line is set at `width + r * stretch` when r > 0, at
    /// `width + r * shrink` when r < 0; 0 means natural width. A line with fill glue has r = 0
    /// and its fill glue takes up the rest. Never below -1: an overfull line (only from the
    /// fallback) has r = -1 and is still wider than the measure.
    public var ratio: Double

    public init(position: Int, ratio: Double) {
        self.position = position
        self.ratio = ratio
    }
}

/// Chooses the breaks of a paragraph that minimise the total demerits of its lines (Knuth–Plass).
///
/// The caller builds the paragraph as `BreakItem`s and ends it with `BreakItem.paragraphEnd`
/// (fill glue, then a forced break); if the last item is not a forced break the breaker behaves
/// as if `paragraphEnd` had been appended. Indentation must be a box: glue and penalties at the
/// start of every line, the first included, are discarded up to the next box.
///
/// Legal breaks (Knuth): a penalty with cost < `BreakItem.forbidden`; a glue right after a box.
/// If no set of lines within `tolerance` exists, the search is repeated with ten times the
/// tolerance, and then lines are filled greedily (overfull lines allowed), so a result always
/// comes back. Work is O(items × active nodes): nodes are dropped once their line is overfull.
public struct LineBreaker: Sendable {
    /// Largest adjustment ratio a line may have (Knuth's ρ); shrinking is never beyond r = -1.
    public var tolerance: Double
    /// Added when a line's fitness class differs by more than one from the previous line's (γ).
    public var fitnessDemerit: Double
    /// Added when two consecutive lines end at flagged penalties (α).
    public var flaggedDemerit: Double
    /// Added to every line's badness before squaring (Knuth's l); favours fewer lines.
    public var linePenalty: Double

    public init(tolerance: Double = 3, fitnessDemerit: Double = 100,
                flaggedDemerit: Double = 100, linePenalty: Double = 10) {
        self.tolerance = tolerance
        self.fitnessDemerit = fitnessDemerit
        self.flaggedDemerit = flaggedDemerit
        self.linePenalty = linePenalty
    }

    /// Breaks `items` into lines. `lineWidth(i)` is the measure of line i (0-based), so the first
    /// lines may differ; it may be called for any i up to the number of legal breaks.
    /// Returns one `LineBreak` per line, in order; empty only for an empty paragraph.
    public func breakLines(_ items: [BreakItem], lineWidth: (Int) -> Double) -> [LineBreak] {
        guard let last = items.last else { return [] }
        let paragraph = Paragraph(last.isForcedBreak ? items : items + BreakItem.paragraphEnd,
                                  lineWidth: lineWidth)
        var breaks = paragraph.optimalBreaks(self, tolerance: tolerance)
            ?? paragraph.optimalBreaks(self, tolerance: max(tolerance, 1) * 10)
            ?? paragraph.greedyBreaks()
        // Breaks inside an appended `paragraphEnd` refer to the caller's last item.
        for i in breaks.indices { breaks[i].position = min(breaks[i].position, items.count - 1) }
        return breaks
    }

    /// Natural width, stretch and shrink of one line, `items[start...position]` of a `LineBreak`:
    /// leading glue and penalties are discarded, the glue at the break is left out and a penalty
    /// at the break counts with its width. Stretch is `.infinity` if the line has fill glue.
    public static func lineMetrics(_ items: ArraySlice<BreakItem>) -> (width: Double, stretch: Double, shrink: Double) {
        guard let last = items.indices.last else { return (0, 0, 0) }
        var first = items.startIndex
        while first < last && items[first].isDiscardable { first += 1 }
        var totals = Totals()
        for item in items[first..<last] { totals.add(item) }
        switch items[last] {
        case .box(let width), .penalty(let width, _, _): totals.width += width
        case .glue: break
        }
        return (totals.width, totals.fill > 0 ? .infinity : totals.stretch, totals.shrink)
    }
}

/// Running sums of widths, finite stretch, shrink and the number of fill glues.
private struct Totals {
    var width = 0.0, stretch = 0.0, shrink = 0.0
    var fill = 0

    /// Adds a box or glue; penalties have width only where the line breaks.
    mutating func add(_ item: BreakItem) {
        switch item {
        case .box(let w): width += w
        case .glue(let w, let st, let sh):
            width += w
            shrink += sh
            if st >= BreakItem.fill { fill += 1 } else { stretch += st }
        case .penalty: break
        }
    }
}

/// A paragraph prepared for breaking: prefix sums, legal breaks and line widths.
private struct Paragraph {
    let items: [BreakItem]
    /// `sums[i]`: totals of `items[0..<i]`.
    let sums: [Totals]
    /// `nextKept[i]`: first index ≥ i holding a box or a forced break (where a line really starts).
    let nextKept: [Int]
    /// Indices of the legal breaks, ascending; the last one is the final forced break.
    let breakpoints: [Int]
    /// Measure of lines 0...breakpoints.count (no paragraph has more lines).
    let widths: [Double]
    /// From this line on all measures are equal, so nodes need not tell those lines apart.
    let easyLine: Int

    init(_ items: [BreakItem], lineWidth: (Int) -> Double) {
        self.items = items
        var sums = [Totals()]
        sums.reserveCapacity(items.count + 1)
        var breakpoints: [Int] = []
        for (i, item) in items.enumerated() {
            switch item {
            case .box: break
            case .glue: if i > 0, case .box = items[i - 1] { breakpoints.append(i) }
            case .penalty(_, let cost, _): if cost < BreakItem.forbidden { breakpoints.append(i) }
            }
            var next = sums[i]
            next.add(item)
            sums.append(next)
        }
        var nextKept = [Int](repeating: items.count, count: items.count + 1)
        for i in items.indices.reversed() {
            nextKept[i] = items[i].isDiscardable && !items[i].isForcedBreak ? nextKept[i + 1] : i
        }
        let widths = (0...breakpoints.count).map(lineWidth)
        var easyLine = breakpoints.count
        while easyLine > 0 && widths[easyLine - 1] == widths[breakpoints.count] { easyLine -= 1 }
        (self.sums, self.nextKept, self.breakpoints, self.widths, self.easyLine)
            = (sums, nextKept, breakpoints, widths, easyLine)
    }

    /// Width, cost and flag of breaking at `b`.
    func breakInfo(_ b: Int) -> (width: Double, cost: Double, flagged: Bool) {
        if case .penalty(let width, let cost, let flagged) = items[b] { return (width, cost, flagged) }
        return (0, 0, false)
    }

    /// Adjustment ratio of the line whose content starts at `start` and which breaks at `b`,
    /// or nil if `b` lies among the discarded items before `start`. A line without any content
    /// (only possible before a forced break) has r = 0 if it follows a forced break or starts
    /// the paragraph (a deliberate empty line), and is infeasible otherwise.
    func ratio(start: Int, end b: Int, line: Int, afterForced: Bool) -> Double? {
        if start > b { return nil }
        if start == b { return afterForced ? 0 : .infinity }
        let width = sums[b].width - sums[start].width + breakInfo(b).width
        let shortfall = widths[line] - width
        if abs(shortfall) < 1e-9 { return 0 }
        if shortfall > 0 {
            if sums[b].fill > sums[start].fill { return 0 }
            let stretch = sums[b].stretch - sums[start].stretch
            return stretch > 0 ? shortfall / stretch : .infinity
        }
        let shrink = sums[b].shrink - sums[start].shrink
        return shrink > 0 ? shortfall / shrink : -.infinity
    }

    /// A feasible break: the line ending there and the best way to reach it.
    struct Node {
        var position: Int        // item index of the break; -1 for the paragraph start
        var line: Int            // number of the line that starts after this break
        var fitness: Int         // fitness class of the line that ends here
        var demerits: Double     // total demerits up to here
        var ratio: Double
        var flagged: Bool
        var forced: Bool
        var previous: Int        // index into the node pool; -1 for the paragraph start
    }

    /// Fitness classes (Knuth): 0 tight, 1 decent, 2 loose, 3 very loose.
    static func fitness(_ r: Double) -> Int {
        r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3
    }

    /// The total-fit breaks with every line's ratio in -1...tolerance, or nil if there are none.
    func optimalBreaks(_ breaker: LineBreaker, tolerance: Double) -> [LineBreak]? {
        var nodes = [Node(position: -1, line: 0, fitness: 1, demerits: 0, ratio: 0,
                          flagged: false, forced: true, previous: -1)]
        var active = [0]
        var candidates: [Node] = []   // best new node per (line class, fitness class)

        for b in breakpoints {
            let (_, cost, flagged) = breakInfo(b)
            let forced = cost == BreakItem.forced
            candidates.removeAll(keepingCapacity: true)
            var kept = 0
            for k in active.indices {   // by index: `active` is compacted in place
                let a = active[k]
                let node = nodes[a]
                guard let r = ratio(start: nextKept[node.position + 1], end: b, line: node.line,
                                    afterForced: node.forced) else {
                    active[kept] = a; kept += 1   // b is inside the discarded start of this line
                    continue
                }
                // Deactivate when the line is overfull (later breaks only make it worse) or when
                // no line may pass this forced break.
                if !(r < -1 || forced) { active[kept] = a; kept += 1 }
                guard r >= -1 && r <= tolerance else { continue }

                let badness = 100 * abs(r) * abs(r) * abs(r)
                var d = (breaker.linePenalty + badness) * (breaker.linePenalty + badness)
                if cost > 0 { d += cost * cost } else if cost > BreakItem.forced { d -= cost * cost }
                if flagged && node.flagged { d += breaker.flaggedDemerit }
                let fit = Self.fitness(r)
                if abs(fit - node.fitness) > 1 { d += breaker.fitnessDemerit }
                d += node.demerits

                let line = node.line + 1
                let candidate = Node(position: b, line: line, fitness: fit, demerits: d, ratio: r,
                                     flagged: flagged, forced: forced, previous: a)
                if let i = candidates.firstIndex(where: {
                    min($0.line, easyLine) == min(line, easyLine) && $0.fitness == fit
                }) {
                    if d < candidates[i].demerits { candidates[i] = candidate }
                } else {
                    candidates.append(candidate)
                }
            }
            active.removeLast(active.count - kept)

            // Keep a fitness class only if it is within γ of the best one for the same line class.
            for c in candidates {
                let best = candidates.lazy
                    .filter { min($0.line, easyLine) == min(c.line, easyLine) }
                    .map(\.demerits).min()!
                if c.demerits <= best + breaker.fitnessDemerit {
                    active.append(nodes.count)
                    nodes.append(c)
                }
            }
            if active.isEmpty { return nil }
        }

        // Only nodes at the final forced break remain active.
        guard var n = active.min(by: { nodes[$0].demerits < nodes[$1].demerits }) else { return nil }
        var breaks: [LineBreak] = []
        while nodes[n].previous >= 0 {
            breaks.append(LineBreak(position: nodes[n].position, ratio: nodes[n].ratio))
            n = nodes[n].previous
        }
        return breaks.reversed()
    }

    /// Last resort, first fit: each line ends at the last legal break where it is not overfull,
    /// or at the first legal break if even that one is overfull. Ratios are clamped to ≥ -1,
    /// and to 0 for a line that cannot stretch. Every break is looked at most twice.
    func greedyBreaks() -> [LineBreak] {
        var breaks: [LineBreak] = []
        var start = nextKept[0], line = 0, afterForced = true
        var lastFit: Int?   // index into `breakpoints`
        var k = 0

        func emit(_ b: Int) {
            var r = ratio(start: start, end: b, line: line, afterForced: afterForced) ?? 0
            if r == .infinity { r = 0 }
            breaks.append(LineBreak(position: b, ratio: max(r, -1)))
            start = nextKept[b + 1]
            line = min(line + 1, widths.count - 1)
            afterForced = items[b].isForcedBreak
            lastFit = nil
        }

        while k < breakpoints.count {
            let b = breakpoints[k]
            let forced = items[b].isForcedBreak
            // Skip breaks among discarded items, and breaks that would leave an empty line
            // before the next forced break (e.g. at the paragraph's fill glue).
            if b < start || (!forced && items[nextKept[b + 1]].isForcedBreak) { k += 1; continue }
            let fits = (ratio(start: start, end: b, line: line, afterForced: afterForced) ?? 0) >= -1
            if fits && !forced {
                lastFit = k
                k += 1
            } else if !fits, let f = lastFit {
                emit(breakpoints[f])   // then look at b again from the new line
            } else {
                emit(b)
                k += 1
            }
        }
        return breaks
    }
}
