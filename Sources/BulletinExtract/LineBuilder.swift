import BulletinPDFReader

/// Turns a page's glyphs (in drawing order) into text lines (top to bottom, each left to right).
///
/// Steps: glyphs are grouped by baseline (horizontal writing), each group sorted by x; a glyph
/// overprinted on itself (fake bold) is kept once and marks the glyph bold; spaces are kept where the
/// PDF draws them and inferred from gaps only between Western words — never between two Chinese
/// characters nor next to CJK punctuation (clreq 3.2: Chinese text has no word spaces; a gap there
/// is justification or Han–Western spacing, not a space).
///
/// Cost: one sort of the page's glyphs by baseline and one per line by x, over plain-data records
/// (no strings, so sorting moves no reference counts); everything else is a linear scan.
enum LineBuilder {
    /// Gaps at least this many em wide separate fields (issuer left, date right), never words.
    static let fieldGap = 2.0
    /// A gap between Western characters wider than this (em, beyond the line's letter spacing) is
    /// a word space.
    static let wordGap = 0.15

    /// A glyph prepared for line building: geometry, font id and character classes computed once;
    /// the text stays in the page's glyph (`source`).
    struct Glyph {
        var x0: Double
        var x1: Double
        var baseline: Double
        var size: Double
        var color: PDFColor
        var source: Int32
        var font: Int32
        var first: Unicode.Scalar
        var last: Unicode.Scalar
        var firstKind: CharacterKind
        var lastKind: CharacterKind
        var bold: Bool
        var italic: Bool
        var artifact: Bool
        var isSpace: Bool
        var isSingleScalar: Bool
    }

    static func lines(of page: PageContent, fonts: inout PageFonts, characterPositions: Bool = false) -> [TextLine] {
        var glyphs = prepare(page.glyphs, fonts: &fonts)
        guard !glyphs.isEmpty else { return [] }
        // Baseline order; drawing order breaks ties so that the result never depends on the sort.
        glyphs.sort { $0.baseline != $1.baseline ? $0.baseline < $1.baseline : $0.source < $1.source }
        var rows: [Range<Int>] = []
        var groupStart = 0
        var anchor = glyphs[0].baseline
        var anchorSize = glyphs[0].size
        for index in 1..<glyphs.count {
            let glyph = glyphs[index]
            // Glyphs of one line share a baseline up to rounding and small raises; 0.3 of the
            // smaller size separates lines even at the tightest leading (solid-set, 1.0).
            if glyph.baseline - anchor > 0.3 * min(glyph.size, anchorSize) {
                rows.append(groupStart..<index)
                groupStart = index
                anchor = glyph.baseline
                anchorSize = glyph.size
            } else if !glyph.isSpace {
                anchorSize = max(anchorSize, glyph.size)
            }
        }
        rows.append(groupStart..<glyphs.count)
        for row in rows {
            glyphs[row].sort { $0.x0 != $1.x0 ? $0.x0 < $1.x0 : $0.source < $1.source }
        }
        rows = attachingScripts(rows, glyphs: &glyphs)
        // Rows become lines in reading order: a page set in columns is read column by column.
        let pieces = ReadingOrder.pieces(rows: rows, glyphs: glyphs, rules: page.rules, width: page.width, height: page.height)
        var lines: [TextLine] = []
        lines.reserveCapacity(pieces.count)
        var inColumn: [Bool] = []
        for piece in pieces {
            guard var line = makeLine(glyphs[piece.range], page: page, positions: characterPositions) else { continue }
            line.flow = piece.flow
            lines.append(line)
            inColumn.append(piece.inColumn)
        }
        // Each column's lines get the column's edges (its flow's lines are consecutive).
        var start = 0
        while start < lines.count {
            var end = start + 1
            while end < lines.count, lines[end].flow == lines[start].flow { end += 1 }
            if inColumn[start] {
                let bounds = ColumnBounds(lines[start..<end])
                for i in start..<end { lines[i].column = bounds }
            }
            start = end
        }
        return lines
    }

    /// Drops glyphs with no text or unusable geometry; classifies the rest.
    private static func prepare(_ input: [PDFGlyph], fonts: inout PageFonts) -> [Glyph] {
        var glyphs: [Glyph] = []
        glyphs.reserveCapacity(input.count)
        // Runs of glyphs share a font: its id is looked up once per run, not hashed per glyph.
        var lastFont: (name: String, bold: Bool, italic: Bool, id: Int)?
        input.withUnsafeBufferPointer { input in
            guard let base = input.baseAddress else { return }
            for order in input.indices {
                // Fields read through the pointer: copying the whole glyph (two strings) was the
                // largest cost of this loop.
                let g = base + order
                let scalars = g.pointee.text.unicodeScalars
                guard let first = scalars.first, g.pointee.size > 0, g.pointee.size.isFinite, g.pointee.x.isFinite,
                      g.pointee.baseline.isFinite, g.pointee.width.isFinite else { continue }
                // Nearly every glyph is one scalar: then its last is its first, without decoding backwards.
                let single = UTF8.width(first) == g.pointee.text.utf8.count
                let last = single ? first : scalars.last!
                let font: Int
                if let known = lastFont, known.name == g.pointee.font, known.bold == g.pointee.fontIsBold,
                   known.italic == g.pointee.fontIsItalic {
                    font = known.id
                } else {
                    font = fonts.id(name: g.pointee.font, bold: g.pointee.fontIsBold, italic: g.pointee.fontIsItalic)
                    lastFont = (g.pointee.font, g.pointee.fontIsBold, g.pointee.fontIsItalic, font)
                }
                var firstKind = CharacterKind(first)
                var lastKind = single ? firstKind : CharacterKind(last)
                // Quotes and the middle dot are shared by Chinese and Western text: a Chinese font
                // sets them an em wide, a Western font at half that or less — then they are the
                // Western marks, and a word space after `creativity,”` is inferred as after `,`.
                if single, firstKind == .cjkPunctuation, first.isSharedQuote, g.pointee.width < 0.7 * g.pointee.size {
                    firstKind = .westernPunctuation
                    lastKind = .westernPunctuation
                }
                let isSpace = firstKind == .space && lastKind == .space
                    && (single || scalars.allSatisfy { CharacterKind($0) == .space })
                // Fill then stroke (Tr 2, or 6 with clipping) with a visible pen widens every stem: the
                // usual fake bold of office software (PDF 32000 §9.3.6). A bold font makes its glyphs
                // bold too; that is added when the page's fonts are classified (`Extractor`).
                let stroked = (g.pointee.renderingMode == 2 || g.pointee.renderingMode == 6) && g.pointee.strokeWidth > 0
                glyphs.append(Glyph(x0: g.pointee.x, x1: g.pointee.x + max(0, g.pointee.width),
                                    baseline: g.pointee.baseline, size: g.pointee.size, color: g.pointee.color,
                                    source: Int32(order), font: Int32(font), first: first, last: last, firstKind: firstKind, lastKind: lastKind,
                                    bold: stroked, italic: false,
                                    artifact: g.pointee.isArtifact, isSpace: isSpace, isSingleScalar: single))
            }
        }
        return glyphs
    }

    /// Builds one line from a baseline group, or the part of one in a column (sorted by x); nil
    /// when it holds only spaces.
    private static func makeLine(_ group: ArraySlice<Glyph>, page: PageContent, positions: Bool) -> TextLine? {
        let visible = removeOverprints(group, page: page)
        guard let head = visible.first(where: { !$0.isSpace }),
              let tail = visible.last(where: { !$0.isSpace }) else { return nil }
        let spread = letterSpacing(visible)

        // The span being built is kept apart from the array and appended when the style changes,
        // its text gathered as UTF-8 bytes and made a String once: appending to a String per glyph
        // cost ~350 instructions a glyph (callgrind), appending bytes a tenth of that.
        var spans: [TextSpan] = []
        var span: TextSpan?
        var spanText: [UInt8] = []
        spanText.reserveCapacity(4 * group.count)
        func finish(_ span: TextSpan?) {
            guard var span else { return }
            span.text = String(decoding: spanText, as: UTF8.self)
            spans.append(span)
            spanText.removeAll(keepingCapacity: true)
        }
        var pendingSpace = ""
        var previous: Glyph?
        var hasFieldGap = false
        var headSizeCount = 0, otherSize = 0.0, otherSizeCount = 0
        var characterCount = 0
        var characters: [TextLine.Character] = []
        var allArtifacts = true
        var top = Double.infinity, bottom = -Double.infinity
        var firstWordEnd: Double?
        for glyph in visible {
            if glyph.isSpace {
                // Drawn spaces are content (`常态化推进 项目化落实`, `第 33 期`): kept, runs of
                // ordinary spaces collapsed to one, ideographic spaces kept one by one. Spaces
                // before the first visible glyph are dropped.
                guard let previous else { continue }
                // A space drawn under the glyph before it, from the same origin (a tagged PDF's
                // ` ` then `T`, sorted the other way), separates nothing.
                if glyph.x0 + glyph.x1 < previous.x0 + previous.x1 { continue }
                if glyph.first == "\u{3000}" {
                    pendingSpace = pendingSpace == " " ? "\u{3000}" : pendingSpace + "\u{3000}"
                } else if pendingSpace.isEmpty {
                    pendingSpace = " "
                }
                continue
            }
            if let previous {
                var separator = pendingSpace
                let gap = glyph.x0 - previous.x1
                let em = max(previous.size, glyph.size)
                if gap >= (fieldGap + spread) * em {
                    hasFieldGap = true
                    if separator.isEmpty { separator = " " }
                } else if separator.isEmpty && gap >= (wordGap + spread) * em
                            && !previous.lastKind.isCJK && !glyph.firstKind.isCJK {
                    separator = " "
                }
                if !separator.isEmpty, separator.unicodeScalars.count >= 2 { hasFieldGap = true }
                if firstWordEnd == nil, !separator.isEmpty || previous.lastKind.isCJK || glyph.firstKind.isCJK {
                    firstWordEnd = previous.x1
                }
                // Separators go to the span before them.
                if !separator.isEmpty, span != nil { spanText.append(contentsOf: separator.utf8) }
                pendingSpace = ""
            }
            var glyphText = page.glyphs[Int(glyph.source)].text
            if span != nil, span!.font == Int(glyph.font), span!.bold == glyph.bold, span!.color == glyph.color,
               abs(span!.size - glyph.size) < 0.05 {
                glyphText.withUTF8 { spanText.append(contentsOf: $0) }
                span!.x1 = max(span!.x1, glyph.x1)
            } else {
                finish(span)
                span = TextSpan(text: "", x0: glyph.x0, x1: glyph.x1, font: Int(glyph.font),
                                size: glyph.size, color: glyph.color, bold: glyph.bold, italic: glyph.italic)
                glyphText.withUTF8 { spanText.append(contentsOf: $0) }
            }
            characterCount += 1
            if positions {
                for scalar in glyphText.unicodeScalars { characters.append(TextLine.Character(scalar: scalar, x: glyph.x0)) }
            }
            if !glyph.artifact { allArtifacts = false }
            // The dominant size: the head's, unless most glyphs have another one.
            if abs(glyph.size - head.size) < 0.05 {
                headSizeCount += 1
            } else {
                if otherSizeCount == 0 || abs(glyph.size - otherSize) >= 0.05 { otherSize = glyph.size; otherSizeCount = 0 }
                otherSizeCount += 1
            }
            top = min(top, glyph.baseline - 0.88 * glyph.size)
            bottom = max(bottom, glyph.baseline + 0.12 * glyph.size)
            previous = glyph
        }
        finish(span)
        let text = spans.count == 1 ? spans[0].text : spans.map(\.text).joined()
        let size = otherSizeCount > headSizeCount ? otherSize : head.size
        // The blank half of a full-width opening mark may sit in the margin at a line start (clreq
        // 3.1.6): measured without it, lines of one paragraph start on one edge whatever the
        // producer did. (A closing mark may likewise hang past the end; `ParagraphBuilder` lets
        // such lines show the edge only when no other line does.)
        let start = head.first.isOpeningMark && head.x1 - head.x0 > 0.8 * head.size
            ? head.x0 + (head.x1 - head.x0) / 2 : head.x0
        var singleFont = true
        for span in spans where span.font != Int(head.font) { singleFont = false; break }
        return TextLine(page: page.index, spans: spans, text: text, x0: head.x0, x1: max(tail.x1, spans.last?.x1 ?? tail.x1),
                        top: top, bottom: bottom, baseline: head.baseline, size: size,
                        furniture: allArtifacts ? .artifact : nil, start: start, end: tail.x1, hasFieldGap: hasFieldGap,
                        first: head.first, last: tail.last, firstFont: Int(head.font), lastFont: Int(tail.font),
                        singleFont: singleFont, characterCount: characterCount, characters: characters,
                        firstWordEnd: firstWordEnd ?? tail.x1)
    }

    /// Fake bold: the same glyph drawn 2–4 times at (nearly) the same spot, offset by a fraction of
    /// a stem. Kept once and marked bold. Two real glyphs of one character stand at least an
    /// advance apart, so "nearly" is under half the glyph's advance (and under 0.2 em).
    private static func removeOverprints(_ sorted: ArraySlice<Glyph>, page: PageContent) -> [Glyph] {
        var kept: [Glyph] = []
        kept.reserveCapacity(sorted.count)
        var lastVisible = -1
        for glyph in sorted {
            if !glyph.isSpace, lastVisible >= 0, lastVisible >= kept.count - 2 {
                let other = kept[lastVisible]
                let tolerance = min(0.5 * (other.x1 - other.x0), 0.2 * other.size) + 0.01
                if other.first == glyph.first, other.last == glyph.last, abs(glyph.x0 - other.x0) < tolerance,
                   abs(glyph.baseline - other.baseline) < 0.15 * other.size,
                   glyph.isSingleScalar && other.isSingleScalar
                    || page.glyphs[Int(glyph.source)].text == page.glyphs[Int(other.source)].text {
                    kept[lastVisible].bold = true
                    continue
                }
            }
            if !glyph.isSpace { lastVisible = kept.count }
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
