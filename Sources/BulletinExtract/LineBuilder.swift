import BulletinPDFReader

/// Turns a page's glyphs (in drawing order) into text lines (top to bottom, each left to right).
///
/// Steps: glyphs are grouped by baseline (horizontal writing), each group sorted by x; a glyph
/// overprinted on itself (fake bold) is kept once and marks the glyph bold; spaces are kept where the
/// PDF draws them and inferred from gaps only between Western words — never between two Chinese
/// characters nor next to CJK punctuation (clreq 3.2: Chinese text has no word spaces; a gap there
/// is justification or Han–Western spacing, not a space).
///
/// Cost: one sort of the page's glyphs by baseline and one per line by x; everything else is a
/// linear scan.
enum LineBuilder {
    /// Gaps at least this many em wide separate fields (issuer left, date right), never words.
    static let fieldGap = 2.0
    /// A gap between Western characters wider than this (em, beyond the line's letter spacing) is
    /// a word space.
    static let wordGap = 0.2

    /// A glyph prepared for line building: coordinates, font id and character classes computed once.
    struct Glyph {
        var text: String
        var x0: Double
        var x1: Double
        var baseline: Double
        var size: Double
        var font: Int
        var bold: Bool
        var italic: Bool
        var color: PDFColor
        var artifact: Bool
        var first: Unicode.Scalar
        var last: Unicode.Scalar
        var firstKind: CharacterKind
        var lastKind: CharacterKind
        var isSpace: Bool
        var order: Int
    }

    static func lines(of page: PageContent, fonts: inout FontTable) -> [TextLine] {
        let glyphs = prepare(page.glyphs, fonts: &fonts)
        guard !glyphs.isEmpty else { return [] }
        // Baseline order; drawing order breaks ties so that the result never depends on the sort.
        let order = glyphs.indices.sorted {
            glyphs[$0].baseline != glyphs[$1].baseline ? glyphs[$0].baseline < glyphs[$1].baseline : $0 < $1
        }
        var lines: [TextLine] = []
        var group: [Glyph] = []
        var anchor = 0.0
        var anchorSize = 0.0
        for index in order {
            let glyph = glyphs[index]
            // Glyphs of one line share a baseline up to rounding and small raises; a third of the
            // smaller size separates lines even at the tightest leading (solid-set, 1.0).
            if !group.isEmpty && glyph.baseline - anchor > 0.3 * min(glyph.size, anchorSize) {
                if let line = makeLine(&group, page: page.index, fonts: fonts) { lines.append(line) }
                group.removeAll(keepingCapacity: true)
            }
            if group.isEmpty {
                anchor = glyph.baseline
                anchorSize = glyph.size
            } else if !glyph.isSpace {
                anchorSize = max(anchorSize, glyph.size)
            }
            group.append(glyph)
        }
        if let line = makeLine(&group, page: page.index, fonts: fonts) { lines.append(line) }
        return lines
    }

    /// Drops glyphs with no text or unusable geometry; classifies the rest.
    private static func prepare(_ input: [PDFGlyph], fonts: inout FontTable) -> [Glyph] {
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(input.count)
        for (order, g) in input.enumerated() {
            guard let first = g.text.unicodeScalars.first, let last = g.text.unicodeScalars.last,
                  g.size > 0, g.size.isFinite, g.x.isFinite, g.baseline.isFinite, g.width.isFinite else { continue }
            let font = fonts.id(name: g.font, bold: g.fontIsBold, italic: g.fontIsItalic)
            let info = fonts[font]
            let firstKind = CharacterKind(first)
            let lastKind = first == last ? firstKind : CharacterKind(last)
            let isSpace = firstKind == .space && lastKind == .space
                && g.text.unicodeScalars.allSatisfy { CharacterKind($0) == .space }
            // Fill then stroke (Tr 2, or 6 with clipping) with a visible pen widens every stem: the
            // usual fake bold of office software (PDF 32000 §9.3.6).
            let stroked = (g.renderingMode == 2 || g.renderingMode == 6) && g.strokeWidth > 0
            let width = max(0, g.width)
            glyphs.append(Glyph(text: g.text, x0: g.x, x1: g.x + width, baseline: g.baseline, size: g.size,
                                font: font, bold: info.isBold || info.isSyntheticBold || stroked,
                                italic: info.isItalic, color: g.color, artifact: g.isArtifact,
                                first: first, last: last, firstKind: firstKind, lastKind: lastKind,
                                isSpace: isSpace, order: order))
        }
        return glyphs
    }

    /// Builds one line from a baseline group (sorted here by x); nil when it holds only spaces.
    private static func makeLine(_ group: inout [Glyph], page: Int, fonts: FontTable) -> TextLine? {
        group.sort { $0.x0 != $1.x0 ? $0.x0 < $1.x0 : $0.order < $1.order }
        let visible = removeOverprints(group)
        guard let firstIndex = visible.firstIndex(where: { !$0.isSpace }) else { return nil }
        let spread = letterSpacing(visible)

        var spans: [TextSpan] = []
        var text = ""
        var pendingSpace = ""
        var previous: Glyph?
        var hasFieldGap = false
        var sizes: [(size: Double, count: Int)] = []
        var characterCount = 0
        var allArtifacts = true
        var top = Double.infinity, bottom = -Double.infinity
        for glyph in visible[firstIndex...] {
            if glyph.isSpace {
                // Drawn spaces are content (`常态化推进 项目化落实`, `第 33 期`): kept, runs of
                // ordinary spaces collapsed to one, ideographic spaces kept one by one.
                if glyph.first == "\u{3000}" {
                    pendingSpace = pendingSpace == " " ? "\u{3000}" : pendingSpace + "\u{3000}"
                } else if pendingSpace.isEmpty {
                    pendingSpace = " "
                }
                continue
            }
            var separator = pendingSpace
            if let previous {
                let gap = glyph.x0 - previous.x1
                let em = max(previous.size, glyph.size)
                if gap >= (fieldGap + spread) * em {
                    hasFieldGap = true
                    if separator.isEmpty { separator = " " }
                } else if separator.isEmpty && gap >= (wordGap + spread) * em
                            && !previous.lastKind.isCJK && !glyph.firstKind.isCJK {
                    separator = " "
                }
                if separator.unicodeScalars.count >= 2 { hasFieldGap = true }
            }
            pendingSpace = ""
            if !separator.isEmpty, !spans.isEmpty {
                spans[spans.count - 1].text += separator
                text += separator
            }
            if let last = spans.last, last.font == glyph.font, last.bold == glyph.bold, last.color == glyph.color,
               abs(last.size - glyph.size) < 0.05 {
                spans[spans.count - 1].text += glyph.text
                spans[spans.count - 1].x1 = max(last.x1, glyph.x1)
            } else {
                spans.append(TextSpan(text: glyph.text, x0: glyph.x0, x1: glyph.x1, font: glyph.font, size: glyph.size,
                                      color: glyph.color, bold: glyph.bold, italic: glyph.italic))
            }
            text += glyph.text
            characterCount += 1
            if !glyph.artifact { allArtifacts = false }
            if let i = sizes.firstIndex(where: { abs($0.size - glyph.size) < 0.05 }) {
                sizes[i].count += 1
            } else {
                sizes.append((glyph.size, 1))
            }
            top = min(top, glyph.baseline - 0.88 * glyph.size)
            bottom = max(bottom, glyph.baseline + 0.12 * glyph.size)
            previous = glyph
        }
        guard let head = visible[firstIndex...].first(where: { !$0.isSpace }),
              let tail = visible.last(where: { !$0.isSpace }) else { return nil }
        let size = sizes.max { $0.count < $1.count }?.size ?? head.size
        // The blank half of a full-width opening mark may sit in the margin at a line start (clreq
        // 3.1.6): measured without it, lines of one paragraph start on one edge whatever the
        // producer did. (A closing mark may likewise hang past the end; `ParagraphBuilder` lets
        // such lines show the edge only when no other line does.)
        let start = head.first.isOpeningMark && head.x1 - head.x0 > 0.8 * head.size
            ? head.x0 + (head.x1 - head.x0) / 2 : head.x0
        let end = tail.x1
        let singleFont = spans.allSatisfy { $0.font == head.font }
        return TextLine(page: page, spans: spans, text: text, x0: head.x0, x1: max(tail.x1, spans.last?.x1 ?? tail.x1),
                        top: top, bottom: bottom, baseline: head.baseline, size: size,
                        furniture: allArtifacts ? .artifact : nil, start: start, end: end, hasFieldGap: hasFieldGap,
                        first: head.first, last: tail.last, firstFont: head.font, lastFont: tail.font,
                        singleFont: singleFont, characterCount: characterCount)
    }

    /// Fake bold: the same glyph drawn 2–4 times at (nearly) the same spot, offset by a fraction of
    /// a stem. Kept once and marked bold. Two real glyphs of one character stand at least an
    /// advance apart, so "nearly" is under half the glyph's advance (and under 0.2 em).
    private static func removeOverprints(_ sorted: [Glyph]) -> [Glyph] {
        var kept: [Glyph] = []
        kept.reserveCapacity(sorted.count)
        for glyph in sorted {
            if !glyph.isSpace, let k = kept.lastIndex(where: { !$0.isSpace }), k >= kept.count - 2 {
                let other = kept[k]
                let tolerance = min(0.5 * (other.x1 - other.x0), 0.2 * other.size) + 0.01
                if other.text == glyph.text, abs(glyph.x0 - other.x0) < tolerance,
                   abs(glyph.baseline - other.baseline) < 0.15 * other.size {
                    kept[k].bold = true
                    continue
                }
            }
            kept.append(glyph)
        }
        return kept
    }

    /// The line's letter spacing in em: the mean positive gap between two ideographs. Justified
    /// Chinese lines spread every character, Western letters included; a word space must be wider
    /// than that.
    private static func letterSpacing(_ glyphs: [Glyph]) -> Double {
        var total = 0.0
        var count = 0
        var previous: Glyph?
        for glyph in glyphs where !glyph.isSpace {
            if let p = previous, p.lastKind == .ideograph, glyph.firstKind == .ideograph {
                let gap = glyph.x0 - p.x1
                if gap > 0 && gap < glyph.size { total += gap / glyph.size }
                count += 1
            }
            previous = glyph
        }
        return count == 0 ? 0 : total / Double(count)
    }
}
