import BulletinPDFReader

/// Decides whether a content line continues the paragraph above it (`ParagraphStream` feeds it
/// the lines in reading order, page by page), and joins a paragraph's lines.
///
/// A line continues the paragraph above it only when everything says so:
/// - same size, no rule between them, no field gap in either, no wider vertical gap than the
///   paragraph's own leading (on one page);
/// - the line above is full: it reaches the right edge of the text around it (a paragraph's last
///   line usually ends short) — or, in Western text not known to be justified, it ends short only
///   by the next line's first word, which would not have fitted (`nextWordWouldNotFit`);
/// - the line starts where the paragraph's lines start: at the paragraph's continuation edge, or,
///   after the first line, back at the left margin from a first-line indent (~2 em, GB/T 9704
///   §7.3.5), or at a hanging indent after a label and colon (`报：…` in the 版记) or a bullet;
/// - no heading-like break: a short line all in another face after a sentence end (a column head
///   `【…】` set flush left after a full body line);
/// - the line does not start with a bullet (`•`, `●`, `■`, `* ` …): each list item is a paragraph,
///   even when the item above fills its line.
/// Across a page break the same tests run against the next page's margins, which joins a paragraph
/// the page cut (its first line on the new page is not indented) and keeps a new one apart; from
/// one column to the next (`TextLine.flow`) likewise, against the next column's edges.
struct ParagraphBuilder {
    var metrics: PageMetrics

    /// Tolerance (em) for two starts to count as the same edge: half an em covers an opening
    /// mark's blank half pushed into the margin or not.
    static let sameEdge = 0.6
    /// How far short of the right edge (em) a line may end and still be full, when the document
    /// does not show its own (`PageMetrics.fullTolerance`): justified lines end on the edge;
    /// hanging or compressed end punctuation moves it by half an em.
    static let fullTolerance = 0.8

    /// How much narrower (em) than the usual measure a window's right edge must be before it needs
    /// two lines ending on it to count (`Edges`): the 版记's lines are inset one em each side (GB/T
    /// 9704-2012), columns have their own bounds.
    static let narrowMeasure = 2.0
    /// Two line ends within this (em) end on the same edge: justified lines end on it exactly.
    static let sameEnd = 0.25

    /// A content line with the edges of the text around it (`Edges`).
    struct PlacedLine {
        var line: TextLine
        var left: Double
        var right: Double
    }

    /// Whether `next` continues the paragraph whose lines are `paragraph`. `rules` are the
    /// horizontal rules of `next`'s page.
    func continues(_ paragraph: [PlacedLine], next placed: PlacedLine, rules: [PDFRule]) -> Bool {
        let a = paragraph[paragraph.count - 1].line, b = placed.line
        if a.furniture != nil || b.furniture != nil || a.hasFieldGap || b.hasFieldGap { return false }
        if Self.startsWithBullet(b.text) { return false }
        let em = max(a.size, b.size)
        if abs(a.size - b.size) > 0.1 * em { return false }
        if a.page == b.page && a.flow == b.flow {
            let step = b.baseline - a.baseline
            let pitch = metrics.pitch[PageMetrics.bucket(b.size)] ?? 1.5 * b.size
            if step <= 0 || step > max(1.5 * pitch, pitch + 0.8 * em) { return false }
            if ruleBetween(a, b, rules: rules) { return false }
        }
        // Display type (headlines, titles) set centred over several lines: each line is centred,
        // none need be full.
        if a.size > metrics.bodySize * 1.1, a.page == b.page, a.flow == b.flow, a.firstFont == b.firstFont, centered(a), centered(b) {
            return true
        }
        // A caption (`Figure 6.`, `Table 2:`, `图3`) set in its own face after the text, or at the
        // head of another column or page, starts a paragraph: papers float figures into the flow.
        if Self.startsCaption(b.text), b.firstFont != a.lastFont || a.page != b.page || a.flow != b.flow { return false }
        // Full: the line reaches the right edge of the text around it.
        let edge = paragraph[paragraph.count - 1].right
        let (slack, justified) = fullness(of: a)
        if a.end < edge - slack * em, justified || !Self.nextWordWouldNotFit(a, b, edge: edge) { return false }
        // The head of the next column or page all in another face and ending short (a code
        // listing, a table) is not the paragraph's last line, which is set in its face.
        if a.page != b.page || a.flow != b.flow, b.singleFont, b.firstFont != a.lastFont,
           b.end < placed.right - fullness(of: b).slack * em { return false }

        // Starts, relative to the left edge of the text around each line (its own page, its own
        // size): pages may mirror their margins, and inset blocks (the 版记) have their own edge.
        let bStart = b.start - placed.left
        let firstStart = paragraph[0].line.start - paragraph[0].left
        let tolerance = Self.sameEdge * em
        var continues = false
        if paragraph.count >= 2 {
            // Continuation lines share one edge.
            let edgeStart = paragraph[1].line.start - paragraph[1].left
            continues = abs(bStart - edgeStart) <= tolerance
        } else if abs(bStart - firstStart) > tolerance, let label = Self.labelWidth(a),
                  bStart - firstStart > tolerance, bStart - firstStart <= label + tolerance {
            // A hanging indent after `报：` and the like: continuation lines align after the colon.
            continues = true
        } else if Self.startsWithBullet(a.text), bStart - firstStart > tolerance,
                  bStart - firstStart <= a.firstWordEnd - a.start + 1.5 * em {
            // A list item's continuation lines hang after its bullet.
            continues = true
        } else if abs(firstStart) <= tolerance {
            // A first line at the edge: the next line continues at the edge (or, for display
            // type as wide as the measure, centred).
            continues = abs(bStart) <= tolerance || (b.size > metrics.bodySize * 1.1 && centered(b))
        } else if bStart < firstStart - tolerance {
            // Back to the edge after an indented first line.
            continues = abs(bStart) <= tolerance
        }
        guard continues else { return false }
        // Label-led items (`报：…`, `送：…`, `责编：…`) each start a paragraph, even flush under a full line;
        // a 版记 or footer label does wherever it starts: fpdf2 sets `送：` at the margin and `发：`
        // two characters in, where a continuation would hang after the colon.
        if Self.labelWidth(b) != nil, Self.labelWidth(paragraph[0].line) != nil {
            if abs(bStart - firstStart) <= tolerance { return false }
            if let label = BulletinPatterns.labelled(b.text)?.label,
               BulletinPatterns.distributionLabels.contains(label) || BulletinPatterns.footerLabels.contains(label) {
                return false
            }
        }
        // A short line all in another face after a sentence end is a heading, not a continuation
        // (a column head `【…】` flush left under a full body line).
        if a.last.isSentenceEnd || a.last == "。" || a.last == "”" || a.last == "】" {
            if b.singleFont, b.firstFont != a.lastFont, b.end < edge - slack * em { return false }
        }
        return true
    }

    /// How far short of its right edge (em) a line may end and still count as full, and whether the
    /// text around it is known to be justified (its full lines end on the edge; elsewhere a line
    /// may end short by the word that did not fit).
    func fullness(of line: TextLine) -> (slack: Double, justified: Bool) {
        let measured = line.column?.fullTolerance ?? metrics.fullTolerance[PageMetrics.bucket(line.size)]
        return (measured ?? Self.fullTolerance, measured.map { $0 <= Self.fullTolerance } ?? false)
    }

    /// Whether a placed line reaches the right edge of the text around it.
    func endsFull(_ placed: PlacedLine) -> Bool {
        placed.line.end >= placed.right - fullness(of: placed.line).slack * placed.line.size
    }

    /// For every content line of a page, the edges of the text around it: the furthest end and the
    /// smallest start among up to four lines on each side, of the same size. Lines ending in a closing
    /// mark may hang it past the measure (LibreOffice hangs a whole em): they show the right edge
    /// only when no other line does. Windows too thin to show an edge fall back to the document's
    /// usual edges for that size. Computed once, over plain numbers.
    struct Edges {
        var left: [Double]
        var right: [Double]

        init(_ lines: [TextLine], metrics: PageMetrics) {
            struct Geometry {
                var page: Int; var flow: Int; var size: Double; var start: Double; var end: Double
                var content: Bool; var fieldGap: Bool; var hanging: Bool; var column: ColumnBounds?

                /// Whether `other` is text around this line: content of its size in its flow.
                func surrounds(_ other: Geometry) -> Bool {
                    other.page == page && other.flow == flow && other.content && abs(other.size - size) <= 0.1 * size
                }
            }
            let g = lines.map {
                Geometry(page: $0.page, flow: $0.flow, size: $0.size, start: $0.start, end: $0.end,
                         content: $0.furniture == nil, fieldGap: $0.hasFieldGap, hanging: $0.last.isClosingMark,
                         column: $0.column)
            }
            left = []
            right = []
            left.reserveCapacity(g.count)
            right.reserveCapacity(g.count)
            for index in g.indices {
                let line = g[index]
                var leftEdge = line.start, leftCount = 0
                var rightEdge = -Double.infinity, hangingEdge = line.end, rightCount = 0
                for j in max(0, index - 4)...min(g.count - 1, index + 4) {
                    let other = g[j]
                    guard line.surrounds(other) else { continue }
                    leftEdge = min(leftEdge, other.start)
                    leftCount += 1
                    guard !other.fieldGap else { continue }
                    if other.hanging { hangingEdge = max(hangingEdge, other.end) } else { rightEdge = max(rightEdge, other.end) }
                    rightCount += 1
                }
                if rightEdge == -Double.infinity { rightEdge = hangingEdge }
                // A column's own edges stand in for the page's. They do too when the window claims a
                // measure much narrower than the usual one that only one of its lines reaches: a
                // run of short lines (a masthead's issue and date lines, `电话：…` footer fields) is
                // ragged, and its longest line is not full. Text set to a narrower measure shows
                // it on every full line.
                if let usual = line.column?.right ?? metrics.rightEdge[PageMetrics.bucket(line.size)] {
                    var unattested = false
                    if rightCount >= 3, rightEdge < usual - ParagraphBuilder.narrowMeasure * line.size {
                        var reaching = 0
                        for j in max(0, index - 4)...min(g.count - 1, index + 4) {
                            let other = g[j]
                            guard line.surrounds(other), !other.fieldGap, !other.hanging else { continue }
                            if other.end >= rightEdge - ParagraphBuilder.sameEnd * line.size { reaching += 1 }
                        }
                        unattested = reaching < 2
                    }
                    if rightCount < 3 || unattested { rightEdge = max(rightEdge, usual) }
                }
                if leftCount < 3 { leftEdge = min(leftEdge, line.column?.left ?? metrics.left(page: line.page)) }
                left.append(leftEdge)
                right.append(rightEdge)
            }
        }
    }

    private func centered(_ line: TextLine) -> Bool {
        guard let (left, right) = metrics.measure(of: line) else { return false }
        let middle = (left + right) / 2
        return abs((line.start + line.end) / 2 - middle) < line.size
    }

    /// Whether a horizontal rule lies between the two lines (the masthead rule, the 版记 rules).
    private func ruleBetween(_ a: TextLine, _ b: TextLine, rules: [PDFRule]) -> Bool {
        for rule in rules where abs(rule.y1 - rule.y0) < 3 {
            let y = (rule.y0 + rule.y1) / 2
            if y > a.baseline && y < b.top && min(rule.x0, rule.x1) < b.x1 && max(rule.x0, rule.x1) > b.x0 { return true }
        }
        return false
    }

    /// Width of a leading label and colon (`报：`, `送:`, `发：`, up to 6 characters before the colon)
    /// in points, estimated from the line's size: full-width characters one em, ASCII half.
    static func labelWidth(_ line: TextLine) -> Double? {
        var width = 0.0
        var count = 0
        for scalar in line.text.unicodeScalars {
            let full = !(scalar.isASCII)
            width += full ? line.size : line.size / 2
            if scalar == "：" || scalar == ":" { return count >= 1 ? width : nil }
            count += 1
            if count > 6 { return nil }
        }
        return nil
    }

    // MARK: Building the paragraph

    /// Joins lines: no separator between Chinese; a space between two Western words broken across
    /// lines (the producer dropped the space at the break); a word hyphenated at the break joined
    /// without its hyphen when `hyphens` says the hyphen is the typesetter's.
    static func paragraph(_ lines: [TextLine], hyphens: LineEndHyphens? = nil) -> TextParagraph {
        var spans: [TextSpan] = []
        var text = ""
        for (i, line) in lines.enumerated() {
            if i > 0, needsSpace(after: lines[i - 1], before: line), !spans.isEmpty {
                spans[spans.count - 1].text += " "
                text += " "
            } else if i > 0, let last = spans.last, last.text.unicodeScalars.last == text.unicodeScalars.last,
                      hyphens?.dropsHyphen(above: lines[i - 1].text, below: line.text) == true {
                if last.text.unicodeScalars.count == 1 { spans.removeLast() } else { spans[spans.count - 1].text.unicodeScalars.removeLast() }
                text.unicodeScalars.removeLast()
            }
            for span in line.spans {
                if let last = spans.last, last.font == span.font, last.bold == span.bold, last.color == span.color,
                   abs(last.size - span.size) < 0.05 {
                    spans[spans.count - 1].text += span.text
                    spans[spans.count - 1].x1 = span.x1
                } else {
                    spans.append(span)
                }
            }
            text += line.text
        }
        let furniture = lines.count == 1 ? lines[0].furniture : nil
        return TextParagraph(lines: lines, spans: spans, text: text, furniture: furniture)
    }

    /// Ragged-right Western text ends its lines short by up to a word: a line short of the edge is
    /// still full when the next line's first word, with a space before it, would not have fitted
    /// in what is left (a paragraph's last line leaves room for it). Chinese text breaks between
    /// any two characters, so there a short line is a paragraph's end.
    ///
    /// Where the edge is known from a few lines only, every line may look nearly full (a page of
    /// one-line paragraphs, each as long as the next), so the text must say so too: the sentence
    /// goes on — the line above does not end one, and the next line starts in lower case.
    static func nextWordWouldNotFit(_ a: TextLine, _ b: TextLine, edge: Double) -> Bool {
        guard b.first.properties.isLowercase, !CharacterKind(a.last).isCJK, !a.last.isSentenceEnd, a.last != "." else { return false }
        let space = 0.2 * max(a.size, b.size)
        return edge - a.end < b.firstWordEnd - b.start + space
    }

    /// Words that label a caption, each followed by a number (`Figure 6.`, `Fig. 2:`, `Table 3`, `图 1`).
    private static let captionLabels = ["Figure", "Fig.", "FIGURE", "FIG.", "Table", "TABLE", "Listing", "Algorithm",
                                        "Exhibit", "Chart", "Scheme", "图", "表"]

    /// Whether a line starts with a caption's label and number: `Figure 6.` `Fig. 2:` `Table 3-1`
    /// `表2：` — the number followed by a stop, a colon, a space (Western labels) or nothing. `Figure 10 shows …`
    /// in running text matches too, so the callers ask for more (another face, another column).
    static func startsCaption(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, "FTLAECS图表".unicodeScalars.contains(first) else { return false }
        for label in captionLabels where text.hasPrefix(label) {
            var rest = text.unicodeScalars.dropFirst(label.unicodeScalars.count)
            while rest.first == " " { rest = rest.dropFirst() }
            var digits = 0
            while let scalar = rest.first, ("0"..."9").contains(scalar) {
                digits += 1
                rest = rest.dropFirst()
                // A dot or hyphen between digits goes on with the number (`3.1`, `3-1`); `6.` ends it.
                if let mark = rest.first, mark == "." || mark == "-", let after = rest.dropFirst().first, ("0"..."9").contains(after) {
                    rest = rest.dropFirst()
                }
            }
            guard digits > 0 else { continue }
            guard let next = rest.first else { return true }
            // `如图 1 所示` may break before `图`: a Chinese label needs a colon or stop after it.
            let separators: Set<Unicode.Scalar> = label.unicodeScalars.first!.isASCII ? [".", ":", " "] : ["：", ":", "．", "\u{3000}"]
            return separators.contains(next)
        }
        return false
    }

    /// Bullet symbols that open a list item; `*` counts only before a space.
    private static let bullets: Set<Unicode.Scalar> = [
        "\u{2022}", "\u{25E6}", "\u{25AA}", "\u{25AB}", "\u{25A0}", "\u{25A1}", "\u{25CF}", "\u{25CB}", "\u{25C6}",
        "\u{25C7}", "\u{25BA}", "\u{25B6}", "\u{27A2}", "\u{2756}", "\u{2023}", "\u{2043}",
    ]

    static func startsWithBullet(_ text: String) -> Bool {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return false }
        if bullets.contains(first) { return true }
        return first == "*" && scalars.next() == " "
    }

    /// Whether joining two lines of a paragraph needs a space: Western text on both sides of the
    /// break — a word, or a word behind closing punctuation (`clause,` `end.”` `(note)`) before it,
    /// and a word, or a word behind an opening bracket or quote (`(Newburyport)` `“Quoted`), after it.
    /// Chinese on either side never takes one.
    static func needsSpace(after a: TextLine, before b: TextLine) -> Bool {
        startsWithWord(b.text.unicodeScalars) && endsWithWord(a.text.unicodeScalars)
    }

    private static let openingMarks: Set<Unicode.Scalar> = ["(", "[", "{", "\"", "'", "\u{201C}", "\u{2018}"]
    private static let closingMarks: Set<Unicode.Scalar> = [",", ".", ";", ":", "!", "?", ")", "]", "}", "\"", "'", "\u{201D}", "\u{2019}"]

    private static func startsWithWord(_ scalars: String.UnicodeScalarView) -> Bool {
        var index = scalars.startIndex
        for _ in 0..<2 where index < scalars.endIndex {
            let scalar = scalars[index]
            if CharacterKind(scalar) == .word { return true }
            guard openingMarks.contains(scalar) else { return false }
            index = scalars.index(after: index)
        }
        return false
    }

    private static func endsWithWord(_ scalars: String.UnicodeScalarView) -> Bool {
        var index = scalars.endIndex
        for _ in 0..<3 where index > scalars.startIndex {
            index = scalars.index(before: index)
            let scalar = scalars[index]
            if CharacterKind(scalar) == .word { return true }
            // Between the word and the break only closing punctuation may stand.
            guard closingMarks.contains(scalar) else { return false }
        }
        return false
    }
}
