import BulletinExtract
import BulletinLayout
import BulletinPDFReader

/// The lines of a PDF, read back by our reader and extractor, in the form the checker takes:
/// what `check FILE.pdf` checks. Page furniture (page numbers, running heads) is left out, and
/// so is the masthead, as for a laid-out issue.
///
/// Where a line ends is measured as the layout measures it: a closing mark at the line end counts
/// its ink-side half only (clreq 3.1.4: line-end marks are set half width), and on a character
/// grid a full-width character counts to the edge of its cell (GB/T 9704 sets 28 characters of
/// 16 pt in 156 mm, so each glyph sits centred in a cell narrower than its em).
public enum ExtractedLines {
    /// The measure full lines must fill, when known (from the layout of a grid); otherwise it is
    /// read from the document: the right edge most non-final body lines end on.
    public struct Measure: Sendable {
        public var right: Double
        /// Grid cell width (points).
        public var cell: Double
        /// Closing marks at a line end are set half width (every punctuation style but `none`).
        public var halfWidthLineEnd: Bool

        public init(right: Double, cell: Double, halfWidthLineEnd: Bool = true) {
            self.right = right
            self.cell = cell
            self.halfWidthLineEnd = halfWidthLineEnd
        }

        /// The type area's right edge and grid cell of a layout that sets a grid; nil without one.
        public init?(grid spec: LayoutSpec) {
            guard let grid = spec.grid else { return nil }
            let points = 72 / 25.4
            self.init(right: (spec.page.left + spec.page.typeAreaWidth) * points,
                      cell: spec.page.typeAreaWidth * points / Double(grid.charactersPerLine),
                      halfWidthLineEnd: spec.typography.punctuation != "none")
        }
    }

    /// Lines of every block of `document`, in reading order; each block's lines share a `path`
    /// (`block[N]`), as a laid-out issue's do.
    public static func checkedLines(_ document: PDFDocument, measure: Measure? = nil)
        -> (lines: [CheckedLine], warnings: [PDFWarning]) {
        let extraction = Extractor.extract(document, options: ExtractOptions(characterPositions: true))
        let blocks = BlockClassifier.classify(extraction).compactMap { block in
            role(of: block.role).map { (block.paragraph, $0) }
        }
        let ends = LineEnds(cell: measure?.cell, halfWidthMarks: measure?.halfWidthLineEnd ?? true,
                            fonts: extraction.fonts)
        let measureRight = measure?.right ?? bodyMeasureRight(blocks, ends: ends)
        let measureLeft = blocks.filter { $0.1 == .paragraph }.flatMap(\.0.lines).map(\.x0).min() ?? 0
        var lines: [CheckedLine] = []
        for (number, (paragraph, role)) in blocks.enumerated() {
            for (index, line) in paragraph.lines.enumerated() {
                let next = index + 1 < paragraph.lines.count ? paragraph.lines[index + 1] : nil
                let record = LineRecord(
                    page: line.page, baseline: line.baseline, left: line.characters.first?.x ?? line.x0,
                    right: ends.right(of: line), measureLeft: measureLeft, measureRight: measureRight ?? line.x1,
                    text: line.text, role: role, path: "block[\(number)]", index: index,
                    count: paragraph.lines.count,
                    justified: role.isRunningText && index < paragraph.lines.count - 1,
                    breakAtSpace: next.map { breaksAtSpace(line, $0) } ?? false, cell: line.size)
                let characters = withSpaces(line)
                let missing = line.text.unicodeScalars.contains("\u{FFFD}")
                    ? "a glyph has no Unicode text (shown as U+FFFD)" : nil
                lines.append(CheckedLine(record: record, characters: characters, missingGlyph: missing))
            }
        }
        return (lines, extraction.warnings)
    }

    /// The layout roles the checker knows; the masthead has none (a laid-out issue keeps no line
    /// records for it either).
    private static func role(of role: BlockRole) -> LineRecord.Role? {
        switch role {
        case .title, .mastheadLine, .mastheadExtra: return nil
        case .column: return .column
        case .kicker: return .kicker
        case .headline: return .headline
        case .subtitle: return .subtitle
        case .editorsNote: return .editorsNote
        case .heading: return .heading
        case .note: return .note
        case .paragraph: return .paragraph
        case .attribution: return .attribution
        case .footer: return .footer
        case .distribution: return .distribution
        }
    }


    /// The line's characters with the spaces of its text put back (the extractor records visible
    /// glyphs only), so that a source space between two Han characters (`文明驾车 礼让行人`) is
    /// not measured as a wide Han–Han gap.
    private static func withSpaces(_ line: TextLine) -> [CheckedLine.Character] {
        var visible = line.characters.makeIterator()
        var result: [CheckedLine.Character] = []
        for scalar in line.text.unicodeScalars {
            if scalar.properties.isWhitespace {
                result.append(CheckedLine.Character(scalar: scalar, x: (result.last?.x ?? line.x0) + line.size))
            } else if let character = visible.next() {
                result.append(CheckedLine.Character(scalar: character.scalar, x: character.x))
            }
        }
        while let character = visible.next() { result.append(CheckedLine.Character(scalar: character.scalar, x: character.x)) }
        return result
    }

    /// The right edge most non-final lines of running text end on (to 0.01 pt).
    private static func bodyMeasureRight(_ blocks: [(TextParagraph, LineRecord.Role)], ends: LineEnds) -> Double? {
        var counts: [Int: Int] = [:]
        for (paragraph, role) in blocks where role.isRunningText {
            for line in paragraph.lines.dropLast() {
                counts[Int((ends.right(of: line) * 100).rounded()), default: 0] += 1
            }
        }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }.map { Double($0.key) / 100 }
    }

    /// A PDF does not record why a line ended. Two Western letters meeting at a break are read as a
    /// break at a space (the extractor joins them with one); digits on both sides are one number
    /// broken, since a number has no space inside; a hyphen before a letter is a hyphenated word.
    private static func breaksAtSpace(_ line: TextLine, _ next: TextLine) -> Bool {
        guard let last = line.text.unicodeScalars.last, let first = next.text.unicodeScalars.first else { return false }
        if last == "-" || (last.properties.numericType != nil && first.properties.numericType != nil) { return false }
        return true
    }
}

/// Where a line's content ends, measured as the layout measures it.
private struct LineEnds {
    let cell: Double?
    let halfWidthMarks: Bool
    let fonts: [FontInfo]

    private static let halfWidthAtLineEnd = Set("，。、；：！？”’）》〉】〕」』".unicodeScalars)

    /// Half an em after the last glyph's start when it is a closing mark set half width at the line
    /// end; on a grid, the edge of a full-width last character's cell; otherwise the glyph's box.
    func right(of line: TextLine) -> Double {
        guard let last = line.characters.last else { return line.x1 }
        var right = line.x1
        let advance = line.x1 - last.x
        if halfWidthMarks && Self.halfWidthAtLineEnd.contains(last.scalar) {
            right = last.x + line.size / 2
        } else if let cell, advance > line.size * 0.9 {
            // `——` and `……` are one unit of two cells, centred as a whole (their glyphs touch).
            let scalars = line.text.unicodeScalars
            let pair = scalars.count >= 2 && "—…".unicodeScalars.contains(last.scalar)
                && scalars[scalars.index(scalars.endIndex, offsetBy: -2)] == last.scalar
            right = pair ? line.x1 - (advance - cell) : last.x + (advance + cell) / 2
        }
        // Synthetic bold (fill+stroke text in a face without a bold weight): our writer moves
        // the run right by half its 1/24-em stroke so the ink falls where FreeType's
        // emboldening puts it (see PDFPageContent); the cell itself has not moved.
        if let span = line.spans.last, span.bold, fonts.indices.contains(span.font), !fonts[span.font].isBold {
            right -= line.size / 48
        }
        return right
    }
}

private extension LineRecord.Role {
    /// Blocks set as justified running text.
    var isRunningText: Bool { self == .paragraph || self == .editorsNote || self == .note }
}
