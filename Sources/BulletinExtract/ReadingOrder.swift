import BulletinPDFReader

/// Puts a page's rows (baseline groups, each sorted by x) in reading order when part of the page is
/// set in columns: a column is read to its foot before the next one starts, as a reader does,
/// instead of row by row across the gutter (which interleaves the columns line by line).
///
/// A column band is a run of consecutive rows with a gutter: an x-interval at least
/// `minimumGutter` em wide that none of their glyphs enters, with text on both sides. It is found
/// from evidence a row gives — a wide gap inside it, or a neighbour row wholly on the other side
/// (columns whose baselines do not line up) — and grown up and down while rows stay clear of the
/// gutter, the rows keep their column's line pitch, and no horizontal rule crosses it; downwards,
/// one side may then show a blank of up to eight lines (under a figure's caption) while the other
/// side's lines run on beside it, if the band still reads as columns that far. A band is
/// taken only when both sides read as prose: at least `minimumSideRows` rows each, several em
/// wide, three lines in five reaching the side's right edge, not mostly led by labels — and not
/// both sides split into narrow columns (a table's labels and figures). That keeps tables, the
/// 版记's field rows (`编辑：…  电话：…`) and issuer/date lines in row order. Each side is ordered
/// again the same way, so three columns are two gutters found one after the other. A landscape
/// sheet of two pages side by side (`PageSpread`) is split first, each half ordered as a page.
///
/// Rows that cross the gutter (a title over both columns, a full-width paragraph after them) end
/// the band and stay where they are. Page furniture keeps its place at the page's edges: an outer
/// row further from its column than the column's own line pitch is not taken into the band.
///
/// Every part of the page is in some flow: `Piece.flow` numbers the runs of parts that read
/// continuously (the page's own measure, or one column), so that paragraph building can treat a
/// change of column like a page break.
enum ReadingOrder {
    /// Gutters are at least this wide (em). CSS's default column gap is 1 em, LaTeX's `\columnsep`
    /// about one em of 10 pt text; justified Chinese text never opens gaps this wide inside a line
    /// on many consecutive rows.
    static let minimumGutter = 0.8
    /// Rows each side of a gutter needs before the band is read as columns: more than a block of
    /// footer fields (`编辑：… 电话：…`) has.
    static let minimumSideRows = 4
    /// A side narrower than this (em) is a table column or a field, not a column of text.
    static let minimumSideWidth = 8.0
    /// Both sides are at least this wide (em) where only one of them reads as prose (the other a
    /// figure): a two-column paper's columns are 25–30 em.
    static let minimumColumnWidth = 15.0
    /// Pages with more rows than this (no page of text has them; a damaged or generated file
    /// might) are read row by row: growing bands costs up to rows² on adversarial layouts.
    static let maximumRows = 2_000

    /// A row, or the part of one on one side of a gutter: a range of the glyph array.
    struct Piece: Equatable {
        var range: Range<Int>
        /// The run of pieces that read continuously this piece belongs to (0, 1, … down the page).
        var flow: Int
        /// The piece lies in a column (not in the page's own measure).
        var inColumn: Bool
    }

    /// The pieces of a page in reading order. `rows` are consecutive ranges of `glyphs` (top to
    /// bottom), each sorted by x; `height` is the page's, for its outer seventh (`FurnitureFilter`).
    static func pieces(rows: [Range<Int>], glyphs: [LineBuilder.Glyph], rules: [PDFRule], width: Double, height: Double) -> [Piece] {
        var order = Ordering(glyphs: glyphs, rules: rules, height: height, rowCount: rows.count)
        let parts = rows.enumerated().map { Part(row: $0.offset, range: $0.element) }
        if let middle = PageSpread.divide(rowCount: rows.count, glyphs: glyphs, rules: rules, width: width, height: height) {
            // Two pages side by side: each half is ordered as a page of its own.
            let (left, right) = order.split(parts, at: middle)
            order.regions = 2
            order.order(left, region: 1)
            order.order(right, region: 2)
        } else {
            order.order(parts, region: 0)
        }
        // Flows: a new one wherever the region changes.
        var pieces: [Piece] = []
        pieces.reserveCapacity(order.output.count)
        var flow = -1, lastRegion = -1
        for (part, region) in order.output {
            if region != lastRegion { flow += 1; lastRegion = region }
            pieces.append(Piece(range: part.range, flow: flow, inColumn: region != 0))
        }
        return pieces
    }

    /// A row or part of one.
    struct Part {
        var row: Int
        var range: Range<Int>
    }

    /// What growing a band needs of a part: its visible extent broken at gaps of a gutter's width.
    private struct Shape {
        var baseline: Double
        var size: Double
        /// Index range into `Ordering.segments`.
        var segments: Range<Int>
        var x0: Double
        var x1: Double
        var visible: Bool { !segments.isEmpty }
    }

    private struct Segment {
        var x0: Double
        var x1: Double
    }

    /// A band of parts with the gutter found for it.
    private struct Band {
        var top: Int
        var bottom: Int
        var gutter: Segment
        /// How far the band reaches when one side may show a wider gap (`SidePitch.figureGap`)
        /// while the other side's lines run on, and its gutter then.
        var extendedBottom: Int
        var extendedGutter: Segment

        /// The band as far as it reaches past such gaps.
        var extended: Band {
            Band(top: top, bottom: extendedBottom, gutter: extendedGutter, extendedBottom: extendedBottom, extendedGutter: extendedGutter)
        }
    }

    private struct Ordering {
        let glyphs: [LineBuilder.Glyph]
        let rules: [PDFRule]
        let height: Double
        let rowCount: Int
        var output: [(Part, Int)] = []
        var regions = 0
        /// Segments of the parts being ordered (reused across recursion levels).
        var segments: [Segment] = []

        init(glyphs: [LineBuilder.Glyph], rules: [PDFRule], height: Double, rowCount: Int) {
            self.glyphs = glyphs
            self.rules = rules.filter { abs($0.y1 - $0.y0) < 3 }
            self.height = height
            self.rowCount = rowCount
            output.reserveCapacity(rowCount)
        }

        mutating func order(_ parts: [Part], region: Int) {
            guard parts.count >= 2 * ReadingOrder.minimumSideRows, parts.count <= ReadingOrder.maximumRows else {
                for part in parts { output.append((part, region)) }
                return
            }
            let shapes = parts.map { shape(of: $0) }
            var emitted = 0, scan = 0
            var failed: [Band] = []
            while scan < parts.count {
                failed.removeAll { $0.bottom < scan }
                guard let band = findBand(at: scan, floor: emitted, parts: parts, shapes: shapes, failed: &failed) else {
                    scan += 1
                    continue
                }
                for part in parts[emitted..<band.top] { output.append((part, region)) }
                let (left, right) = split(parts[band.top...band.bottom], at: (band.gutter.x0 + band.gutter.x1) / 2)
                regions += 1
                order(left, region: regions)
                regions += 1
                order(right, region: regions)
                emitted = band.bottom + 1
                scan = emitted
            }
            for part in parts[emitted...] { output.append((part, region)) }
        }

        /// The parts' glyphs left and right of `middle` (rows are sorted by x).
        func split<Parts: Collection<Part>>(_ parts: Parts, at middle: Double) -> (left: [Part], right: [Part]) {
            var left: [Part] = [], right: [Part] = []
            for part in parts {
                var split = part.range.lowerBound
                while split < part.range.upperBound, (glyphs[split].x0 + glyphs[split].x1) / 2 < middle { split += 1 }
                if split > part.range.lowerBound { left.append(Part(row: part.row, range: part.range.lowerBound..<split)) }
                if split < part.range.upperBound { right.append(Part(row: part.row, range: split..<part.range.upperBound)) }
            }
            return (left, right)
        }

        /// The part's visible glyphs as segments: runs whose gaps are narrower than a gutter.
        private mutating func shape(of part: Part) -> Shape {
            let start = segments.count
            var x0 = Double.infinity, x1 = -Double.infinity, size = 0.0, baseline = 0.0
            var current: Segment?
            var previousSize = 0.0
            // Fields read through a pointer: copying whole glyph records was most of this pass.
            glyphs.withUnsafeBufferPointer { glyphs in
                for index in part.range where !glyphs[index].isSpace {
                    let g = glyphs.baseAddress! + index
                    let gx0 = g.pointee.x0, gx1 = g.pointee.x1, gsize = g.pointee.size
                    if size == 0 { baseline = g.pointee.baseline }
                    size = max(size, gsize)
                    x0 = min(x0, gx0)
                    x1 = max(x1, gx1)
                    // The smaller size judges a gap: a heading's glyph beside a gutter is not
                    // kept from it by its own larger em.
                    if var open = current, gx0 - open.x1 < ReadingOrder.minimumGutter * min(previousSize, gsize) {
                        open.x1 = max(open.x1, gx1)
                        current = open
                    } else {
                        if let open = current { segments.append(open) }
                        current = Segment(x0: gx0, x1: gx1)
                    }
                    previousSize = gsize
                }
            }
            if let open = current { segments.append(open) }
            return Shape(baseline: baseline, size: size, segments: start..<segments.count, x0: x0, x1: x1)
        }

        /// A band around part `index` from the gutters it shows, or nil. Parts before `floor` are
        /// taken. `failed` holds the bands that did not qualify and still reach this far: a gutter
        /// one of them had over this part is not grown again (a table would otherwise cost rows²).
        private func findBand(at index: Int, floor: Int, parts: [Part], shapes: [Shape], failed: inout [Band]) -> Band? {
            let shape = shapes[index]
            guard shape.visible else { return nil }
            func attempt(_ gutter: Segment, through last: Int) -> Band? {
                if failed.contains(where: { $0.top <= index && $0.gutter.x0 < gutter.x1 && gutter.x0 < $0.gutter.x1 }) {
                    return nil
                }
                guard let band = grow(gutter, from: index, through: last, floor: floor, parts: parts, shapes: shapes) else {
                    return nil
                }
                // The band past a blank under a figure on one side, if it still reads as
                // columns; else the band up to that blank.
                if band.extendedBottom > band.bottom, readsAsColumns(band.extended, parts: parts, shapes: shapes) { return band.extended }
                if readsAsColumns(band, parts: parts, shapes: shapes) { return band }
                failed.append(band)
                return nil
            }
            // Gaps inside the part.
            var previous: Segment?
            for s in shape.segments {
                let segment = segments[s]
                if let p = previous, let band = attempt(Segment(x0: p.x1, x1: segment.x0), through: index) { return band }
                previous = segment
            }
            // The next visible part wholly to one side of this one.
            guard index + 1 < shapes.count, shapes[index + 1].visible else { return nil }
            let next = shapes[index + 1]
            let em = max(shape.size, next.size)
            if next.x0 - shape.x1 >= ReadingOrder.minimumGutter * em {
                return attempt(Segment(x0: shape.x1, x1: next.x0), through: index + 1)
            } else if shape.x0 - next.x1 >= ReadingOrder.minimumGutter * em {
                return attempt(Segment(x0: next.x1, x1: shape.x0), through: index + 1)
            }
            return nil
        }

        /// Grows a band with `gutter` from parts `first...last` up and down (nil when they do not
        /// keep clear of it).
        private func grow(_ start: Segment, from first: Int, through last: Int, floor: Int,
                          parts: [Part], shapes: [Shape]) -> Band? {
            var gutter = start
            let em = shapes[first].size
            guard gutter.x1 - gutter.x0 >= ReadingOrder.minimumGutter * em else { return nil }
            var pitch = SidePitch()
            for k in first...last { guard fits(shapes[k], &gutter, em: em) else { return nil }; pitch.add(shapes[k], gutter: gutter) }
            // Down while the rows keep clear of the gutter and their sides' pitch.
            func extend(_ bottom: inout Int, _ gutter: inout Segment, _ pitch: inout SidePitch, besideFigure: Bool) {
                while bottom + 1 < shapes.count {
                    let next = shapes[bottom + 1]
                    var narrowed = gutter
                    guard next.visible, fits(next, &narrowed, em: em),
                          pitch.accepts(next, gutter: narrowed, outer: isOuter(parts[bottom + 1], next), em: em, besideFigure: besideFigure),
                          !ruleCrosses(narrowed, between: shapes[bottom].baseline, and: next.baseline) else { return }
                    gutter = narrowed
                    pitch.add(next, gutter: gutter)
                    bottom += 1
                }
            }
            var bottom = last
            var down = pitch
            extend(&bottom, &gutter, &down, besideFigure: false)
            // On past a wider blank on one side (under a figure) while the other side runs on.
            var extendedBottom = bottom, extendedGutter = gutter, further = down
            extend(&extendedBottom, &extendedGutter, &further, besideFigure: true)
            // Upwards the side pitches the band showed going down are known. A title centred over
            // the band is not its first line, though it may cross no gutter (three columns: it
            // stands over the middle one).
            var top = first
            var up = pitch
            (up.steps, up.usual) = (down.steps, down.usual)
            let extent = (first...bottom).reduce(into: Segment(x0: .infinity, x1: -.infinity)) {
                $0.x0 = min($0.x0, shapes[$1].x0)
                $0.x1 = max($0.x1, shapes[$1].x1)
            }
            while top - 1 >= floor {
                let next = shapes[top - 1]
                var narrowed = gutter
                guard next.visible, fits(next, &narrowed, em: em), !centred(next, over: extent, gutter: narrowed),
                      up.accepts(next, gutter: narrowed, outer: isOuter(parts[top - 1], next), em: em),
                      !ruleCrosses(narrowed, between: next.baseline, and: shapes[top].baseline) else { break }
                gutter = narrowed
                up.add(next, gutter: gutter)
                top -= 1
            }
            extendedGutter.x0 = max(extendedGutter.x0, gutter.x0)
            extendedGutter.x1 = min(extendedGutter.x1, gutter.x1)
            return Band(top: top, bottom: bottom, gutter: gutter, extendedBottom: extendedBottom, extendedGutter: extendedGutter)
        }

        /// Whether the part keeps clear of the gutter, narrowing it where a glyph reaches in from
        /// one side (a hanging mark); false once less than a gutter is left — of the band's text
        /// (`em`), or of the part's own if smaller: a heading beside the gutter (LaTeX's 10 pt
        /// `\columnsep` is 0.7 em of a 14 pt section head) does not close it.
        private func fits(_ shape: Shape, _ gutter: inout Segment, em: Double) -> Bool {
            let middle = (gutter.x0 + gutter.x1) / 2
            for s in shape.segments {
                let segment = segments[s]
                if segment.x1 <= gutter.x0 || segment.x0 >= gutter.x1 { continue }
                if segment.x0 < middle && segment.x1 > middle { return false }
                if segment.x1 <= middle { gutter.x0 = segment.x1 } else { gutter.x1 = segment.x0 }
            }
            return gutter.x1 - gutter.x0 >= ReadingOrder.minimumGutter * min(shape.size, em)
        }

        /// A row centred over the band's extent that reaches neither edge of the side it stands
        /// on.
        private func centred(_ shape: Shape, over extent: Segment, gutter: Segment) -> Bool {
            let em = shape.size
            guard abs((shape.x0 + shape.x1) / 2 - (extent.x0 + extent.x1) / 2) < em else { return false }
            let side = shape.x1 <= gutter.x0 ? Segment(x0: extent.x0, x1: gutter.x0) : Segment(x0: gutter.x1, x1: extent.x1)
            return shape.x0 > side.x0 + em && shape.x1 < side.x1 - em
        }

        /// One of the page's two outermost rows at the top or bottom, in its outer seventh: where
        /// page numbers and running heads stand.
        private func isOuter(_ part: Part, _ shape: Shape) -> Bool {
            let outerRow = part.row < 2 || part.row >= rowCount - 2
            return outerRow && (shape.baseline < height / 7 || shape.baseline > height - height / 7)
        }

        /// A horizontal rule between the two baselines reaching across the gutter.
        private func ruleCrosses(_ gutter: Segment, between upper: Double, and lower: Double) -> Bool {
            rules.contains { rule in
                let y = (rule.y0 + rule.y1) / 2
                return y > upper && y < lower && min(rule.x0, rule.x1) < gutter.x0 && max(rule.x0, rule.x1) > gutter.x1
            }
        }

        /// Both sides of the band read as running text.
        private func readsAsColumns(_ band: Band, parts: [Part], shapes: [Shape]) -> Bool {
            var sides = [SideExtent(), SideExtent()]
            for k in band.top...band.bottom {
                var reached = [false, false]
                var ends = [-Double.infinity, -Double.infinity]
                for s in shapes[k].segments {
                    let segment = segments[s]
                    let side = segment.x1 <= band.gutter.x0 ? 0 : 1
                    sides[side].x0 = min(sides[side].x0, segment.x0)
                    sides[side].x1 = max(sides[side].x1, segment.x1)
                    sides[side].runs.append(segment)
                    reached[side] = true
                    ends[side] = max(ends[side], segment.x1)
                }
                for side in 0..<2 where reached[side] {
                    sides[side].ends.append(ends[side])
                    sides[side].size = max(sides[side].size, shapes[k].size)
                }
                let labels = labelledSides(parts[k], gutter: band.gutter)
                for side in 0..<2 where labels[side] { sides[side].labelled += 1 }
            }
            // A table whose rows end in line as prose does passes that test; its sides are both
            // made of narrow columns (labels, figures). A column of prose beside a figure's
            // labels is still a column.
            if sides.allSatisfy({ $0.readsAsText }) && !sides.allSatisfy({ $0.hasNarrowColumn }) { return true }
            // A long column of prose beside a figure, a code listing and their captions (a paper's
            // page): the other side need not read as text when the gutter halves the band and both
            // sides are a column's width — a form's labels beside their values are narrower.
            let x0 = min(sides[0].x0, sides[1].x0), x1 = max(sides[0].x1, sides[1].x1)
            let middle = (band.gutter.x0 + band.gutter.x1) / 2
            guard abs(middle - (x0 + x1) / 2) <= 0.1 * (x1 - x0),
                  sides.allSatisfy({ $0.size > 0 && $0.x1 - $0.x0 >= ReadingOrder.minimumColumnWidth * $0.size }) else { return false }
            return sides.contains { $0.readsAsProse }
        }

        /// Which sides of the gutter the part starts with a label and colon on (`电话：`, `To:`):
        /// a colon among its first seven visible glyphs there.
        private func labelledSides(_ part: Part, gutter: Segment) -> [Bool] {
            var result = [false, false]
            var seen = [0, 0]
            let middle = (gutter.x0 + gutter.x1) / 2
            for index in part.range where !glyphs[index].isSpace {
                let glyph = glyphs[index]
                let side = (glyph.x0 + glyph.x1) / 2 < middle ? 0 : 1
                seen[side] += 1
                if seen[side] <= 7, glyph.first == "：" || glyph.first == ":" { result[side] = true }
            }
            return result
        }
    }

    /// The extent and line ends of one side of a band.
    private struct SideExtent {
        var x0 = Double.infinity
        var x1 = -Double.infinity
        var size = 0.0
        var ends: [Double] = []
        /// Lines that start with a label and colon.
        var labelled = 0
        /// The runs of text the side's lines are made of (gaps of a gutter's width break them).
        var runs: [Segment] = []

        /// Enough lines, wide enough, three in five reaching the right edge (justified or ragged
        /// prose; a paragraph's last line ends short), at most half led by a label (a column of
        /// fields is read row by row).
        var readsAsText: Bool {
            guard ends.count >= ReadingOrder.minimumSideRows, size > 0, 2 * labelled <= ends.count else { return false }
            let width = x1 - x0
            guard width >= ReadingOrder.minimumSideWidth * size else { return false }
            let reach = x1 - max(1.5 * size, 0.15 * width)
            let full = ends.filter { $0 >= reach }.count
            return full >= 3 && 5 * full >= 3 * ends.count
        }

        /// A long column of running text: twice the rows a side needs, three lines in four reaching
        /// the right edge, not split into narrow columns.
        var readsAsProse: Bool {
            guard readsAsText, ends.count >= 2 * ReadingOrder.minimumSideRows, !hasNarrowColumn else { return false }
            let reach = x1 - max(1.5 * size, 0.15 * (x1 - x0))
            return 4 * ends.filter { $0 >= reach }.count >= 3 * ends.count
        }

        /// Whether the runs, laid over one another, leave a gap of a gutter's width that splits the
        /// side into columns one of which is narrower than a column of text. Three columns of prose
        /// split into wide ones; justified Latin lines open their wide word gaps at random places,
        /// which other lines cover.
        var hasNarrowColumn: Bool {
            let sorted = runs.sorted { $0.x0 < $1.x0 }
            guard var current = sorted.first else { return false }
            var widths: [Double] = []
            for run in sorted.dropFirst() {
                if run.x0 - current.x1 >= ReadingOrder.minimumGutter * size {
                    widths.append(current.x1 - current.x0)
                    current = run
                } else {
                    current.x1 = max(current.x1, run.x1)
                }
            }
            widths.append(current.x1 - current.x0)
            return widths.count > 1 && widths.contains { $0 < ReadingOrder.minimumSideWidth * size }
        }
    }

    /// The line pitch of each side of a band as it grows: a part joins only as far below (or
    /// above) the last line on its side as the side's lines are apart — 2.5 times the usual step
    /// inside the page (a heading's space), 1.3 times for a strict row (an outer row: a page
    /// number set further off).
    private struct SidePitch {
        var last: [Double?] = [nil, nil]
        /// The first steps between lines of one side (at most `sample`), and their median.
        var steps: [Double] = []
        var usual: Double?
        /// Steps enough to know a pitch: the median is taken over the first ones only, so that a
        /// long band costs a constant per row.
        static let sample = 15

        mutating func add(_ shape: Shape, gutter: Segment) {
            let (left, right) = sides(of: shape, gutter: gutter)
            for side in 0..<2 where side == 0 ? left : right {
                if let previous = last[side], steps.count < Self.sample {
                    steps.append(abs(shape.baseline - previous))
                    if steps.count >= 2 { usual = steps.sorted()[steps.count / 2] }
                }
                last[side] = shape.baseline
            }
        }

        func accepts(_ shape: Shape, gutter: Segment, outer: Bool, em: Double, besideFigure: Bool = false) -> Bool {
            // Until two steps are known, a line pitch of 1.4 em of the band's text.
            let usual = self.usual ?? 1.4 * em
            let limit = outer ? 1.3 * usual : 2.5 * max(usual, shape.size)
            let (left, right) = sides(of: shape, gutter: gutter)
            for side in 0..<2 where side == 0 ? left : right {
                guard let previous = last[side], abs(shape.baseline - previous) > limit else { continue }
                // A wider gap on one side (the space under a figure's caption) while the other
                // side's lines run on beside it at their pitch: the gutter is still there.
                let other = last[1 - side]
                let otherRunsOn = other.map { abs(shape.baseline - $0) <= limit } ?? false
                if !besideFigure || outer || !otherRunsOn || abs(shape.baseline - previous) > Self.figureGap * max(usual, shape.size) {
                    return false
                }
            }
            return true
        }

        /// How many line steps of blank a side may show while the other side's lines run on.
        static let figureGap = 8.0

        /// Whether the part has text left and right of the gutter.
        private func sides(of shape: Shape, gutter: Segment) -> (left: Bool, right: Bool) {
            (shape.x0 < gutter.x0, shape.x1 > gutter.x1)
        }
    }
}
