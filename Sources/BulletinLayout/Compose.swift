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
        case indent(Double)
        case unit(Int)
        case gap(after: Int, sourceSpace: Bool)
        case end
    }

    func compose(_ units: [Unit], shape: ParagraphShape) -> [ComposedLine] {
        guard !units.isEmpty else { return [] }
        var items: [BreakItem] = []
        var origins: [Origin] = []
        items.reserveCapacity(units.count * 3)
        if shape.firstIndent > 0 {
            items.append(.box(width: shape.firstIndent))
            origins.append(.indent(shape.firstIndent))
        }
        for (i, unit) in units.enumerated() {
            if i > 0 {
                let previous = units[i - 1]
                let gap = glue(between: previous, and: unit)
                if !Kinsoku.isBreakAllowed(between: previous.last, and: unit.first, style: kinsoku) {
                    items.append(.penalty(width: 0, cost: BreakItem.forbidden, flagged: false))
                    origins.append(.gap(after: i - 1, sourceSpace: false))
                }
                items.append(gap)
                origins.append(.gap(after: i - 1, sourceSpace: unit.spaceBefore))
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
            let metrics = LineBreaker.lineMetrics(items[first..<end])
            var ratio = lineBreak.ratio
            let justify = shape.align == .justify && !isLast
            if !justify { ratio = min(ratio, 0) }
            if !ratio.isFinite { ratio = 0 }
            let used = metrics.width + (ratio >= 0 ? ratio * metrics.stretch : ratio * metrics.shrink)
            var x = lineNumber == 0 ? 0 : shape.hangingIndent
            switch shape.align {
            case .center: x += (lineWidth - used) / 2
            case .right: x += lineWidth - used
            case .left, .justify: break
            }
            var line = buildLine(units: units, items: items, origins: origins, range: first..<end,
                                 startX: x, ratio: ratio, shape: shape, justified: justify)
            line.startX = x
            line.usedWidth = used
            lines.append(line)
            start = end + 1
        }
        return lines
    }

    private func isBox(_ item: BreakItem) -> Bool {
        if case .box = item { return true }
        return false
    }

    /// The glue between two units: the blank halves of punctuation (compressed where two marks
    /// meet), Han–Western spacing, or a source space.
    private func glue(between a: Unit, and b: Unit) -> BreakItem {
        let em = b.cell
        var width = a.blankAfter + b.blankBefore
        var stretch = 0.0
        var shrink = 0.0
        // Adjacent marks: `。”` `）、` `”，` `：“` `《“` keep only one blank half (clreq
        // `#punctuation_width_adjustment`: two marks that total 2 em are set in 1.5 em).
        if a.blankAfter > 0 && b.blankBefore > 0 {
            width = max(a.blankAfter, b.blankBefore)
        } else if a.blankAfter > 0 && b.characterClass == .closing {
            width = 0
        } else if a.characterClass == .opening && b.blankBefore > 0 {
            width = 0
        }
        switch punctuation {
        case .banjiao: width = 0
        case .kaiming where a.blankAfter > 0 && !"。！？".unicodeScalars.contains(a.last): width = 0
        default: break
        }
        // Blank halves may shrink away when a line is tight (clreq 3.6.3, shrink order).
        shrink += width
        let westernA = a.characterClass == .western, westernB = b.characterClass == .western
        if westernA && westernB {
            // Western word space (clreq 3.6.3/3.6.4: min 1/4 em, max 1/2 em).
            width += b.spaceBefore ? 0.3 * em : 0
            stretch += b.spaceBefore ? 0.2 * em : 0
            shrink += b.spaceBefore ? 0.05 * em : 0
        } else if (westernA && b.characterClass.takesHanWesternSpacing && Composer.isLetterOrDigit(a.last))
                    || (a.characterClass.takesHanWesternSpacing && westernB && Composer.isLetterOrDigit(b.first)) {
            // Han–Western spacing, a source space at the boundary not added on top (clreq 3.2.2).
            width += hanLatinSpacing * em
            stretch += hanLatinSpacing > 0 ? em / 12 : 0
            shrink += hanLatinSpacing > 0 ? em / 8 : 0
        } else if b.spaceBefore && (westernA || westernB) {
            // A source space between a mark and Western text (`— 1 —`): a quarter em.
            width += 0.25 * em
            stretch += em / 12
            shrink += em / 8
        } else if b.spaceBefore {
            // A space between two Chinese phrases is content: one full cell.
            width += em
            stretch += em * 0.25
            shrink += em * 0.25
        }
        // Every gap may stretch a little so justified lines fill the measure (clreq 3.6.4: all
        // inter-character gaps equally, as a last resort).
        stretch += em * 0.05
        return .glue(width: width, stretch: stretch, shrink: shrink)
    }

    /// clreq 3.2.2 spaces Han from Western letters and digits, not from symbols such as `+`.
    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private func buildLine(units: [Unit], items: [BreakItem], origins: [Origin], range: Range<Int>,
                           startX: Double, ratio: Double, shape: ParagraphShape, justified: Bool) -> ComposedLine {
        var runs: [GlyphRun] = []
        var text = ""
        var x = startX
        for index in range {
            switch items[index] {
            case .box(let width):
                if case .unit(let u) = origins[index] {
                    let unit = units[u]
                    appendUnit(unit, at: x, baseline: shape.baseline, to: &runs)
                    text += unit.text
                }
                x += width
            case .glue(let width, let stretch, let shrink):
                if case .gap(_, true) = origins[index] { text += " " }
                if case .gap(let after, true) = origins[index] {
                    appendSpace(after: units[after], at: x, baseline: shape.baseline, to: &runs)
                }
                x += width + (ratio >= 0 ? ratio * min(stretch, BreakItem.fill - 1) : ratio * shrink)
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
        if var last = runs.last, last.font == font, last.size == unit.size, last.color == unit.color,
           last.syntheticBold == unit.syntheticBold {
            for var p in placed { p.x -= last.x; last.glyphs.append(p) }
            last.text += unit.text
            last.clusters += unit.clusters
            runs[runs.count - 1] = last
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
