import BulletinFonts
import BulletinModel

/// One set line: display items relative to the line's top-left corner, and its height.
struct ComposedLine {
    var items: [DisplayItem]
    /// Vertical space the line takes (its pitch).
    var height: Double
    /// The line's text, for traces and checks.
    var text: String
    /// Whether the line was stretched or shrunk to the full measure.
    var justified: Bool
    /// Where the content starts and how wide it is, relative to the measure's left edge.
    var startX: Double = 0
    var usedWidth: Double = 0
    /// Width of the measure the line was set in, and its baseline below the line's top.
    var measure: Double = 0
    var baseline: Double = 0
    /// The break after this line fell on a source space.
    var breakAtSpace = false
    /// The cell of the paragraph's size (one Han character's width).
    var cell: Double = 0
}

/// Paragraph shape for the composer.
struct ParagraphShape {
    var width: Double
    var firstIndent: Double
    var hangingIndent: Double
    var align: Alignment
    var lineHeight: Double
    /// Baseline distance from the line's top.
    var baseline: Double
}

/// Steps 2–4 of composing a paragraph: units become boxes, glue and penalties (kinsoku as
/// forbidden breaks), the Knuth–Plass breaker picks the breaks, and each line is justified and
/// turned into glyph runs.
struct Composer {
    var kinsoku: KinsokuStyle
    var punctuation: PunctuationStyle
    /// Han–Western spacing in em (clreq 3.2.2).
    var hanLatinSpacing: Double
    /// Resolves a font face to its index in the display list's font table.
    var fontIndex: (FontFace) -> Int

    /// What each break item stands for, so lines can be rebuilt from the breaker's answer.
    private enum Origin {
        case indent
        case unit(Int)
        /// The gap before unit `before`; `spacing` indexes the composer's gap list.
        case gap(before: Int, spacing: Int)
        case end
    }

    func compose(_ units: [Unit], shape: ParagraphShape) -> [ComposedLine] {
        guard !units.isEmpty else { return [] }
        var items: [BreakItem] = []
        var origins: [Origin] = []
        var gaps: [GapSpacing] = []
        items.reserveCapacity(units.count * 3)
        if shape.firstIndent > 0 {
            items.append(.box(width: shape.firstIndent))
            origins.append(.indent)
        }
        let lonely = lonelyLastCharacter(units)
        for (i, unit) in units.enumerated() {
            if i > 0 {
                let previous = units[i - 1]
                let gap = spacing(between: previous, and: unit)
                // Kinsoku (clreq `#prohibition_rules_for_line_start_end`) and the orphan rule
                // (clreq `#adjustments_of_orphans_and_widows`: no single Han character alone on a
                // paragraph's last line) make this gap unbreakable.
                // A source space is itself the break opportunity (UAX #14), whatever surrounds it.
                let breakable = unit.isEmergencyPiece
                    || (unit.spaceBefore ? Kinsoku.isBreakAllowed(between: " ", and: unit.first, style: kinsoku)
                                         : Kinsoku.isBreakAllowed(between: previous.last, and: unit.first, style: kinsoku))
                // Three or more marks in a row may break as a last resort (typography.md), so a run
                // of 。。。。 longer than a line still breaks: a high cost instead of a prohibition.
                let lastResort = !breakable && i >= 2 && units[i - 2...i].allSatisfy(\.isPunctuation)
                if lastResort {
                    items.append(.penalty(width: 0, cost: 5000, flagged: false))
                    origins.append(.end)
                } else if i == lonely || !breakable {
                    items.append(.penalty(width: 0, cost: BreakItem.forbidden, flagged: false))
                    origins.append(.end)
                }
                items.append(gap.breakItem)
                origins.append(.gap(before: i, spacing: gaps.count))
                gaps.append(gap)
            }
            // After the first-line indent an opening mark loses its blank half (clreq
            // `#h-compression_of_punctuation_marks_at_line_start`): no glue is emitted there.
            items.append(.box(width: unit.width))
            origins.append(.unit(i))
        }
        items.append(contentsOf: BreakItem.paragraphEnd)
        origins.append(.end)
        origins.append(.end)

        let widths = { (line: Int) -> Double in
            shape.width - (line == 0 ? 0 : shape.hangingIndent)
        }
        let breaks = LineBreaker().breakLines(items, lineWidth: widths)

        var lines: [ComposedLine] = []
        var start = 0
        for (lineNumber, lineBreak) in breaks.enumerated() {
            let end = lineBreak.position
            var first = start
            // Glue and penalties at a line start are dropped (Knuth–Plass), which also drops the
            // blank half of a line-initial opening mark.
            while first < end, !isBox(items[first]) { first += 1 }
            let isLast = lineNumber == breaks.count - 1
            let lineWidth = widths(lineNumber)
            let natural = LineBreaker.lineMetrics(items[first..<end]).width
            let lineGaps = (first..<end).compactMap { index -> GapSpacing? in
                if case .gap(_, let g) = origins[index] { return gaps[g] }
                return nil
            }
            let justify = shape.align == .justify && !isLast
            // Justified lines fill the measure; others only shrink when they would overflow.
            let slack = justify ? lineWidth - natural : min(0, lineWidth - natural)
            let adjustments = Justifier.adjustments(for: lineGaps, slack: slack)
            let used = natural + adjustments.reduce(0, +)
            var x = lineNumber == 0 ? 0 : shape.hangingIndent
            switch shape.align {
            case .center: x += (lineWidth - used) / 2
            case .right: x += lineWidth - used
            case .left, .justify: break
            }
            var line = buildLine(units: units, items: items, origins: origins, range: first..<end,
                                 adjustments: adjustments, startX: x, shape: shape, justified: justify)
            line.startX = x
            line.usedWidth = used
            line.measure = shape.width
            line.baseline = shape.baseline
            line.cell = units.first?.cell ?? shape.lineHeight
            if case .gap(let before, _) = origins[end], !isLast { line.breakAtSpace = units[before].spaceBefore }
            lines.append(line)
            start = end + 1
        }
        return lines
    }

    /// The index of a paragraph's last Han character when breaking before it would leave it alone
    /// (with only punctuation) on the last line; nil when the paragraph is too short to matter.
    private func lonelyLastCharacter(_ units: [Unit]) -> Int? {
        guard units.count > 3 else { return nil }
        var index = units.count - 1
        while index > 0 && units[index].characterClass != .ideographic && units[index].characterClass != .western {
            index -= 1
        }
        guard index > 1, units[index].characterClass == .ideographic,
              units[index - 1].characterClass != .western else { return nil }
        return index
    }

    private func isBox(_ item: BreakItem) -> Bool {
        if case .box = item { return true }
        return false
    }

    private func buildLine(units: [Unit], items: [BreakItem], origins: [Origin], range: Range<Int>,
                           adjustments: [Double], startX: Double, shape: ParagraphShape,
                           justified: Bool) -> ComposedLine {
        var runs: [GlyphRun] = []
        var text = ""
        var x = startX
        var gapIndex = 0
        for index in range {
            switch items[index] {
            case .box(let width):
                if case .unit(let u) = origins[index] {
                    let unit = units[u]
                    appendUnit(unit, at: x, baseline: shape.baseline, to: &runs)
                    text += unit.text
                }
                x += width
            case .glue(let width, _, _):
                if case .gap(let before, _) = origins[index] {
                    if units[before].spaceBefore {
                        text += " "
                        appendSpace(after: units[before - 1], at: x, baseline: shape.baseline, to: &runs)
                    }
                    x += width + adjustments[gapIndex]
                    gapIndex += 1
                } else {
                    x += width
                }
            case .penalty:
                break
            }
        }
        return ComposedLine(items: runs.map { .glyphs($0) }, height: shape.lineHeight, text: text,
                            justified: justified)
    }

    /// Adds a unit's glyphs, merging into the previous run when font, size and colour agree.
    private func appendUnit(_ unit: Unit, at x: Double, baseline: Double, to runs: inout [GlyphRun]) {
        let font = fontIndex(unit.face)
        var glyphX = x + unit.inkOffset
        var placed: [PlacedGlyph] = []
        placed.reserveCapacity(unit.glyphs.count)
        for g in unit.glyphs {
            placed.append(PlacedGlyph(id: g.glyph, x: glyphX + g.offsetX * unit.size, y: -g.offsetY * unit.size))
            glyphX += g.advance * unit.size
        }
        if let last = runs.indices.last, runs[last].font == font, runs[last].size == unit.size,
           runs[last].color == unit.color, runs[last].syntheticBold == unit.syntheticBold {
            // Appended in place: a copy of the run (`var run = runs.last`) shares its arrays with
            // `runs`, so each append would copy them all, quadratic in a line's length (an
            // unbreakable 2 MB line took minutes).
            let originX = runs[last].x
            runs[last].glyphs.append(contentsOf: placed.map { PlacedGlyph(id: $0.id, x: $0.x - originX, y: $0.y) })
            runs[last].text += unit.text
            runs[last].clusters += unit.clusters
        } else {
            let originX = placed.first?.x ?? x
            runs.append(GlyphRun(font: font, size: unit.size, color: unit.color, x: originX, y: baseline,
                                 glyphs: placed.map { PlacedGlyph(id: $0.id, x: $0.x - originX, y: $0.y) },
                                 text: unit.text, clusters: unit.clusters, syntheticBold: unit.syntheticBold))
        }
    }

    /// A source space kept inside a line is drawn as the font's space glyph at the gap's start, so
    /// the PDF's text has the space too (extractors need not guess it from the gap).
    private func appendSpace(after unit: Unit, at x: Double, baseline: Double, to runs: inout [GlyphRun]) {
        guard let glyph = unit.face.glyph(for: " ") else { return }
        let space = Unit(text: " ", face: unit.face, size: unit.size, color: unit.color,
                         syntheticBold: unit.syntheticBold,
                         glyphs: [ShapedGlyph(glyph: glyph, cluster: 0, advance: 0, offsetX: 0, offsetY: 0)],
                         clusters: [TextCluster(bytes: 1, glyphs: 1)], characterClass: .space, width: 0,
                         inkOffset: 0, blankBefore: 0, blankAfter: 0, spaceBefore: false, first: " ",
                         last: " ", cell: unit.cell)
        appendUnit(space, at: x, baseline: baseline, to: &runs)
    }
}
