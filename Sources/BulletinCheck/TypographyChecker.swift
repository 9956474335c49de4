import BulletinLayout

/// Checks the lines of a laid-out issue against the typographic rules; see `Violation.Rule`.
public struct TypographyChecker: Sendable {
    public var kinsoku: KinsokuStyle
    /// Whether the layout sets a character grid (GB/T 9704): full lines must end on the edge.
    public var grid: Bool
    /// Largest allowed difference between Han–Han gaps of one justified line, in em.
    public var spacingTolerance: Double
    /// Tolerance for "exactly on the edge", in points (issue 4: ±0.01 pt).
    public var edgeTolerance: Double
    /// Largest extra space between two Han characters of a justified line, in em. Half an em is
    /// the usual ceiling of letter-spacing in CJK justification; beyond it a line reads as
    /// spaced out (as before a URL that cannot be broken).
    public var maximumHanGap: Double

    public init(kinsoku: KinsokuStyle = .gb, grid: Bool = true, spacingTolerance: Double = 0.05,
                edgeTolerance: Double = 0.01, maximumHanGap: Double = 0.5) {
        self.kinsoku = kinsoku
        self.grid = grid
        self.spacingTolerance = spacingTolerance
        self.edgeTolerance = edgeTolerance
        self.maximumHanGap = maximumHanGap
    }

    /// Every violation in the display list, in page and line order.
    public func check(_ list: DisplayList) -> [Violation] {
        let lines = list.lineRecords.map { record in
            CheckedLine(record: record, characters: Self.characterPositions(list.pages[record.page], baseline: record.baseline))
        }
        return sorted(check(lines: lines) + missingGlyphs(list))
    }

    /// Every violation among lines read from anywhere (a display list, or a PDF's extracted
    /// lines), in page and line order. Lines come in reading order; lines of one block share a
    /// `path`.
    public func check(lines: [CheckedLine]) -> [Violation] {
        let records = lines.map(\.record)
        var violations: [Violation] = []
        var lineOnPage: [Int] = []
        var counter = (page: -1, line: 0)
        for record in records {
            if record.page != counter.page { counter = (record.page, 0) }
            counter.line += 1
            lineOnPage.append(counter.line)
        }
        func report(_ rule: Violation.Rule, _ i: Int, _ detail: String) {
            violations.append(Violation(rule: rule, page: records[i].page + 1, line: lineOnPage[i],
                                        text: records[i].text, detail: detail))
        }
        for (i, line) in records.enumerated() {
            let next = i + 1 < records.count && records[i + 1].path == line.path ? records[i + 1] : nil
            checkLineEdges(line, next: next, at: i, report: report)
            if grid && line.justified && abs(line.right - line.measureRight) > edgeTolerance {
                report(.lineOffGridEdge, i, "ends at \(format(line.right)) pt, the edge is \(format(line.measureRight)) pt")
            }
            if line.role == .paragraph || line.role == .editorsNote || line.role == .note {
                checkParagraphLine(line, at: i, records: records, report: report)
            }
            if line.role.keepsWithNext && isLastOnPage(i, records) && i + 1 < records.count {
                report(.headingLastOnPage, i, "\(line.role.rawValue) is the last line of the page")
            }
            if let missing = lines[i].missingGlyph {
                report(.missingGlyph, i, missing)
            }
        }
        violations += spacingViolations(lines, lineOnPage: lineOnPage)
        return sorted(violations)
    }

    private func sorted(_ violations: [Violation]) -> [Violation] {
        violations.sorted { ($0.page, $0.line, $0.rule.rawValue) < ($1.page, $1.line, $1.rule.rawValue) }
    }

    private func checkLineEdges(_ line: LineRecord, next: LineRecord?, at i: Int,
                                report: (Violation.Rule, Int, String) -> Void) {
        guard let first = line.text.unicodeScalars.first, let last = line.text.unicodeScalars.last else { return }
        if !line.isFirstOfBlock && Kinsoku.cannotStartLine(first, style: kinsoku) {
            report(.prohibitedLineStart, i, "“\(first)” may not start a line")
        }
        guard let next, let nextFirst = next.text.unicodeScalars.first else { return }
        if Kinsoku.cannotEndLine(last, style: kinsoku) {
            report(.prohibitedLineEnd, i, "“\(last)” may not end a line")
        }
        if (last == "—" && nextFirst == "—") || (last == "…" && nextFirst == "…") {
            report(.splitDashOrEllipsis, i, "“\(last)\(nextFirst)” is split over two lines")
        }
        if !line.breakAtSpace && isWesternWordCharacter(last) && isWesternWordCharacter(nextFirst) {
            report(.brokenWesternWord, i, "“\(last)|\(nextFirst)” breaks a Western word or number")
        }
    }

    private func checkParagraphLine(_ line: LineRecord, at i: Int, records: [LineRecord],
                                    report: (Violation.Rule, Int, String) -> Void) {
        guard line.count > 1 else { return }
        if line.isLastOfBlock {
            let han = line.text.unicodeScalars.filter { isHan($0) }.count
            let other = line.text.unicodeScalars.filter { !isHan($0) && !isPunctuation($0) }.count
            if han <= 1 && other == 0 {
                report(.lonelyLastCharacter, i, "the last line holds a single character")
            }
            if i > 0, records[i - 1].path == line.path, records[i - 1].page != line.page {
                report(.widowLine, i, "the paragraph's last line stands alone at the top of page \(line.page + 1)")
            }
        }
        if line.isFirstOfBlock, i + 1 < records.count, records[i + 1].path == line.path,
           records[i + 1].page != line.page {
            report(.orphanLine, i, "the paragraph's first line stands alone at the foot of page \(line.page + 1)")
        }
    }

    private func isLastOnPage(_ i: Int, _ records: [LineRecord]) -> Bool {
        i + 1 >= records.count || records[i + 1].page != records[i].page
    }

    /// Han–Han gaps of each justified line, from its characters' positions.
    private func spacingViolations(_ lines: [CheckedLine], lineOnPage: [Int]) -> [Violation] {
        var violations: [Violation] = []
        for (i, line) in lines.enumerated() where line.record.justified {
            let record = line.record
            var gaps: [Double] = []
            for (a, b) in zip(line.characters, line.characters.dropFirst()) where isHan(a.scalar) && isHan(b.scalar) {
                gaps.append(b.x - a.x - record.cell)
            }
            guard let low = gaps.min(), let high = gaps.max(), record.cell > 0 else { continue }
            if (high - low) / record.cell > spacingTolerance {
                violations.append(Violation(rule: .unevenSpacing, page: record.page + 1, line: lineOnPage[i],
                    text: record.text, detail: "Han gaps range from \(format(low)) to \(format(high)) pt"))
            }
            if high / record.cell > maximumHanGap {
                violations.append(Violation(rule: .looseLine, page: record.page + 1, line: lineOnPage[i],
                    text: record.text, detail: "Han characters spread by \(format(high)) pt (limit \(format(maximumHanGap * record.cell)) pt)"))
            }
        }
        return violations
    }

    /// Each character's first glyph position on the baseline, left to right.
    private static func characterPositions(_ page: DisplayPage, baseline: Double) -> [CheckedLine.Character] {
        var result: [CheckedLine.Character] = []
        for case .glyphs(let run) in page.items where abs(run.y - baseline) < 0.01 {
            var bytes = Array(run.text.utf8)[...]
            var glyph = 0
            for cluster in run.clusters {
                let text = String(decoding: bytes.prefix(cluster.bytes), as: UTF8.self)
                bytes = bytes.dropFirst(cluster.bytes)
                if let scalar = text.unicodeScalars.first, cluster.glyphs > 0, glyph < run.glyphs.count {
                    result.append(CheckedLine.Character(scalar: scalar, x: run.x + run.glyphs[glyph].x))
                }
                glyph += cluster.glyphs
            }
        }
        return result.sorted { $0.x < $1.x }
    }

    private func missingGlyphs(_ list: DisplayList) -> [Violation] {
        var violations: [Violation] = []
        for (index, page) in list.pages.enumerated() {
            for case .glyphs(let run) in page.items where run.glyphs.contains(where: { $0.id == 0 }) {
                violations.append(Violation(rule: .missingGlyph, page: index + 1, line: 0, text: run.text,
                    detail: "\(list.fonts[run.font].postScriptName) has no glyph for a character of this run"))
            }
        }
        return violations
    }

    private func isHan(_ s: Unicode.Scalar) -> Bool {
        s.value == 0x3007 || (0x4E00...0x9FFF).contains(s.value) || (0x3400...0x4DBF).contains(s.value)
            || (0xF900...0xFAFF).contains(s.value) || (0x20000...0x3FFFF).contains(s.value)
    }

    private func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        s.properties.generalCategory.isPunctuation || (0x3000...0x303F).contains(s.value) || (0xFF00...0xFF0F).contains(s.value)
    }

    private func isWesternWordCharacter(_ s: Unicode.Scalar) -> Bool {
        s.isASCII && (s.properties.isAlphabetic || s.properties.numericType != nil)
    }

    private func format(_ v: Double) -> String { String((v * 100).rounded() / 100) }
}

private extension Unicode.GeneralCategory {
    var isPunctuation: Bool {
        switch self {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation: return true
        default: return false
        }
    }
}
