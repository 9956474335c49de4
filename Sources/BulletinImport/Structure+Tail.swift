/// The end of an issue: footer fields (责编：… 核稿：… 电话：… 传真：… 邮箱：…), then the 版记
/// (报：/送：/发：), an optional print run `共印200份` (at the end of the last line or on its own)
/// and lines such as `本期增发…` (bulletin-format.md §1). Values are kept verbatim.
enum TailReader {
    /// Where the tail begins: the first footer or 版记 line from which every following line fits
    /// the tail (footer lines and rules until the first 版记 line; after it 版记 lines, print
    /// runs, rules and short notes). Computed backwards in one pass, so it stays linear.
    static func start(_ chunks: [Chunk], from bodyStart: Int) -> Int {
        let n = chunks.count
        guard bodyStart < n else { return n }
        var okAfterDistribution = [Bool](repeating: false, count: n + 1)
        var okFooterPhase = [Bool](repeating: false, count: n + 1)
        var kinds = [Kind](repeating: .other, count: n)
        okAfterDistribution[n] = true
        okFooterPhase[n] = true
        for i in stride(from: n - 1, through: bodyStart, by: -1) {
            let kind = classify(chunks[i])
            kinds[i] = kind
            okAfterDistribution[i] = kind != .other && okAfterDistribution[i + 1]
            okFooterPhase[i] = (kind == .distribution && okAfterDistribution[i + 1])
                || ((kind == .footer || kind == .rule) && okFooterPhase[i + 1])
        }
        for i in bodyStart..<n where (kinds[i] == .footer || kinds[i] == .distribution) && okFooterPhase[i] { return i }
        return n
    }

    private enum Kind { case footer, distribution, rule, note, other }

    private static func classify(_ chunk: Chunk) -> Kind {
        if chunk.hint == .rule { return .rule }
        if chunk.text.count > 200 { return .other }  // a body paragraph; footer and 版记 lines are short
        let p = chunk.text.plainPrefix(200)
        if Patterns.footerLabel(p, at: 0) != nil { return fields(p) != nil ? .footer : .other }
        if let label = Patterns.distributionLabel(p), label.length < p.count { return .distribution }
        if let start = Patterns.printRunAtEnd(p), start == 0 { return .note }
        return p.count <= 60 ? .note : .other
    }

    static func read(_ chunks: ArraySlice<Chunk>, log: inout ImportLog) -> DraftTail {
        var tail = DraftTail()
        var printRunLine: Int?
        for chunk in chunks where chunk.hint != .rule {
            let text = log.stripMarkers(chunk.text)
            if text.isEmpty { continue }  // a line of markers only
            let s = text.scalars
            if tail.lines.isEmpty, Patterns.footerLabel(s, at: 0) != nil, fields(s) != nil {
                footerFields(text, into: &tail, log: &log)
            } else if tail.notes.isEmpty, let label = Patterns.distributionLabel(s), label.length < s.count {
                // (版记 lines are printed before the notes: after a note, everything is a note.)
                var body = text.dropFirst(text.skipSpaces(from: label.length))
                log.separator(text.slice(label.label..<(text.count - body.count)), printed: "：", insertion: body.origins[0],
                              "the layout prints ： after a 版记 label")
                if tail.printRun == nil, let start = Patterns.printRunAtEnd(body.scalars), start > 0 {
                    var end = start
                    while end > 0 && Scalars.isSpace(body[end - 1]) { end -= 1 }
                    if end > 0 {
                        log.separator(body.slice(end..<start), printed: "", insertion: nil, "before the print run")
                        tail.printRun = body.dropFirst(start)
                        printRunLine = tail.lines.count
                        log.guess(at: body.origins[start], body.dropFirst(start).string, takenAs: "print run", rule: .printRun,
                                  "共印…份 at the end of a 版记 line")
                        body = body.prefix(end)
                    }
                }
                tail.lines.append((text.prefix(label.label), body))
                log.guess(at: text.origins[0], text.prefix(label.length).string, takenAs: "版记 line", rule: .distribution,
                          "a distribution label and colon")
            } else if tail.printRun == nil, Patterns.printRunAtEnd(s) == 0 {
                tail.printRun = text
                printRunLine = tail.lines.count
                log.guess(at: text.origins[0], text.string, takenAs: "print run", rule: .printRun, "a line 共印…份")
            } else {
                tail.notes.append(text)
                log.guess(at: text.origins[0], text.string, takenAs: "版记 note", rule: .distribution,
                          "a line after the 版记 lines (本期增发 …)")
            }
        }
        // The print run is printed last: move it when 版记 lines or notes followed it in the input.
        if let printRun = tail.printRun, printRunLine != nil,
           let lastEnd = (tail.notes.last?.origins.last ?? tail.lines.last?.text.origins.last),
           lastEnd > printRun.origins[0] {
            log.move(printRun, before: lastEnd + 1, "the print run is printed after the other 版记 lines")
        }
        return tail
    }

    /// A footer line's fields: label range, value range, end (where the next field starts).
    /// Several fields on one line are separated by spaces (or ；，). Nil when a value is empty:
    /// then the line is not taken as footer (it stays text, so nothing is lost).
    static func fields(_ s: [Unicode.Scalar]) -> [(label: Range<Int>, value: Range<Int>, end: Int)]? {
        var starts: [(start: Int, label: Int, length: Int)] = []
        var i = 0
        while i < s.count {
            if i == 0 || Scalars.isSpace(s[i - 1]) || s[i - 1] == "；" || s[i - 1] == "，",
               let label = Patterns.footerLabel(s, at: i) {
                starts.append((i, label.label, label.length))
                i += label.length
                continue
            }
            i += 1
        }
        var result: [(label: Range<Int>, value: Range<Int>, end: Int)] = []
        for (k, field) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1].start : s.count
            var valueStart = field.start + field.length
            while valueStart < end && Scalars.isSpace(s[valueStart]) { valueStart += 1 }
            var valueEnd = end
            while valueEnd > valueStart && (Scalars.isSpace(s[valueEnd - 1]) || (valueEnd < s.count
                    && (s[valueEnd - 1] == "；" || s[valueEnd - 1] == "，"))) { valueEnd -= 1 }
            guard valueEnd > valueStart else { return nil }
            result.append((field.start..<(field.start + field.label), valueStart..<valueEnd, end))
        }
        return result.isEmpty ? nil : result
    }

    /// One line of footer fields.
    private static func footerFields(_ text: SourceString, into tail: inout DraftTail, log: inout ImportLog) {
        for field in fields(text.scalars) ?? [] {
            let valueStart = field.value.lowerBound, valueEnd = field.value.upperBound, end = field.end
            let label = text.slice(field.label)
            let value = text.slice(valueStart..<valueEnd)
            log.separator(text.slice(field.label.upperBound..<valueStart), printed: "：", insertion: value.origins[0],
                          "the layout prints ： after a footer label")
            log.separator(text.slice(valueEnd..<end), printed: "", insertion: nil, "between footer fields on one line")
            tail.footer.append((label, value))
            log.guess(at: label.origins[0], label.string + "：" + value.string, takenAs: "footer field", rule: .footer,
                      "a footer label and colon")
        }
    }
}
