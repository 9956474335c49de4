import BulletinModel

/// The masthead (报头): title, issue number, total number, issuer, date, and extra lines, in the
/// first lines of the file (bulletin-format.md §1).
///
/// Variants read: `# ` before the title; other titles; `第九期`, `2021年第5期`, `增刊第1期` (also
/// with 增刊 on its own line); the total number with either bracket width, without brackets or
/// absent, also on the issue number's line; the issuer with 编/编印; issuer and date on one line
/// (either order); Chinese-numeral dates; 内部资料/密级/serial lines. The masthead ends at the
/// date. Without an issue number and a date there is no masthead, and the import fails: the
/// issue format requires title, number, issuer and date, and inventing them would print text
/// the archive never had.
enum MastheadReader {
    /// How far into the file the masthead may reach.
    static let maximumLines = 16

    static func read(_ chunks: [Chunk], log: inout ImportLog) throws(DiagnosticsError) -> (DraftMasthead, Int) {
        var number: SourceString?, issuer: SourceString?, date: SourceString?
        var total: TotalNumber?
        var candidates: [(chunk: Chunk, text: SourceString)] = []  // unknown lines before the issue number
        var extras: [SourceString] = []
        var supplement: Chunk?         // a line `增刊` just before the issue number
        var i = 0
        var seen = 0
        scan: while i < chunks.count && seen < maximumLines {
            let chunk = chunks[i]
            if chunk.hint == .rule { i += 1; continue }
            let p = chunk.text.plainPrefix(200)
            if date != nil {
                // after the date only extra lines belong to the masthead
                guard Patterns.isExtraMastheadLine(p), p.count <= 20 else { break scan }
                let text = log.stripMarkers(chunk.text)
                if !text.isEmpty { extras.append(text) }
                i += 1
                continue
            }
            if p.first == "【" || (p.count > 60 && p.contains("。")) { break scan }
            seen += 1
            let text = log.stripMarkers(chunk.text)
            if text.isEmpty { i += 1; continue }  // a line of markers only
            let s = text.scalars
            if number == nil, let n = Patterns.issueNumberLength(s, at: 0) {
                let rest = text.skipSpaces(from: n)
                if n == s.count {
                    number = text
                } else if let t = Patterns.totalNumber(s, at: rest), rest + t.length == s.count {
                    number = text.prefix(n)
                    log.separator(text.slice(n..<rest), printed: "", insertion: nil, "between the issue number and the total number")
                    total = TotalNumber(text.dropFirst(rest), t.inner.lowerBound - rest, t.inner.upperBound - rest)
                } else {
                    candidates.append((chunk, text))
                    i += 1
                    continue
                }
                if let supplement, let n = number {
                    number = supplement.text
                    number!.append(n)
                    log.guess(at: supplement.text.origins[0], "增刊", takenAs: "part of the issue number", rule: .masthead,
                              "a line 增刊 right before the issue number")
                    candidates.removeAll { $0.chunk.line == supplement.line }
                }
                log.guess(at: number!.origins[0], number!.string, takenAs: "issue number", rule: .masthead, "第…期")
            } else if total == nil, let t = Patterns.totalNumber(s, at: 0), t.length == s.count {
                total = TotalNumber(text, t.inner.lowerBound, t.inner.upperBound)
                log.guess(at: text.origins[0], text.string, takenAs: "total number", rule: .masthead, "总第…期")
            } else if let d = Patterns.dateLength(s, at: 0), d == s.count || (number != nil && issuer == nil) {
                date = text.prefix(d)
                if d < s.count {
                    let rest = text.skipSpaces(from: d)
                    let name = text.dropFirst(rest)
                    log.separator(text.slice(d..<rest), printed: "", insertion: nil, "between date and issuer")
                    issuer = name
                    log.guess(at: name.origins[0], name.string, takenAs: "issuer", rule: .masthead, "on the date's line, after the date")
                }
                log.guess(at: text.origins[0], date!.string, takenAs: "date", rule: .masthead, "a date ends the masthead")
            } else if let start = Patterns.dateAtEnd(s), start > 0, number != nil, issuer == nil {
                var end = start
                while end > 0 && Scalars.isSpace(s[end - 1]) { end -= 1 }
                issuer = text.prefix(end)
                log.separator(text.slice(end..<start), printed: "", insertion: nil, "between issuer and date")
                date = text.dropFirst(start)
                log.guess(at: text.origins[0], text.string, takenAs: "issuer and date on one line", rule: .masthead,
                          "split before the date")
            } else if Patterns.isExtraMastheadLine(s) && s.count <= 30 {
                extras.append(text)
                log.guess(at: text.origins[0], text.string, takenAs: "extra masthead line", rule: .masthead,
                          "内部资料, 密级, serial number; printed above the title")
            } else if number == nil {
                if s.string == "增刊" { supplement = chunk }
                candidates.append((chunk, text))
            } else if issuer == nil {
                // An issuer is a name: a sentence here means the body has begun.
                if s.contains(where: { $0 == "。" || $0 == "，" || $0 == "；" }) { break scan }
                issuer = text
                log.guess(at: text.origins[0], text.string, takenAs: "issuer", rule: .masthead, "the line after the issue number")
            } else {
                extras.append(text)
                log.guess(at: text.origins[0], text.string, takenAs: "extra masthead line", rule: .masthead,
                          "an unrecognised line between issuer and date", uncertain: true)
            }
            i += 1
        }
        while i < chunks.count && chunks[i].hint == .rule { i += 1 }

        // The title: the `#` line, else the last line with a title word, else the last line.
        let titleIndex = candidates.lastIndex { $0.chunk.hint == .title }
            ?? candidates.lastIndex { Patterns.hasTitleWord($0.text.scalars) } ?? candidates.indices.last
        var title: SourceString?
        for (k, (chunk, text)) in candidates.enumerated() {
            if k == titleIndex {
                title = text
                log.guess(at: text.origins[0], text.string, takenAs: "title", rule: .masthead,
                          chunk.hint == .title ? "marked # " : "the line before the issue number")
            } else {
                extras.append(text)
                log.guess(at: text.origins[0], text.string, takenAs: "extra masthead line", rule: .masthead,
                          "a line near the title", uncertain: true)
            }
        }
        guard let title, let number, let issuer, let date else {
            let missing = [(title == nil, "title"), (number == nil, "issue number (第…期)"), (issuer == nil, "issuer"),
                           (date == nil, "date")].filter(\.0).map(\.1)
            let found = number != nil || date != nil
            let origin = chunks.lazy.compactMap(\.text.firstOrigin).first
            throw DiagnosticsError([log.error(
                at: origin,
                found ? "incomplete masthead: no \(missing.joined(separator: ", ")) found in the first \(maximumLines) lines"
                      : "no recognisable masthead: expected a title, an issue number (第…期), the issuer and the date "
                        + "in the first \(maximumLines) lines",
                hint: "the issue format requires title, number, issuer and date; the importer does not invent them — "
                    + "add the missing lines to the text")])
        }
        // Extra lines are printed above the title: those that stood below it move there.
        var extraLines: [SourceString] = []
        for extra in extras.sorted(by: { ($0.firstOrigin ?? 0) < ($1.firstOrigin ?? 0) }) {
            if (extra.firstOrigin ?? 0) > title.origins[0] {
                log.move(extra, before: title.origins[0], "extra masthead lines are printed above the title")
            }
            extraLines.append(extra)
        }
        // The other fields are printed in the order title, number, total, issuer, date: a field
        // that stood before the one printed ahead of it moves behind it.
        var cursor = title.origins[title.count - 1] + 1
        func place(_ field: SourceString, _ name: String, log: inout ImportLog) -> Bool {
            if field.origins[0] >= cursor {
                cursor = field.origins[field.count - 1] + 1
                return true
            }
            log.move(field, before: cursor, "the \(name) is printed after the field before it")
            return false
        }
        _ = place(number, "issue number", log: &log)
        if let total {
            if total.full.origins[0] >= cursor {
                total.logBrackets(log: &log)
                cursor = total.full.origins[total.full.count - 1] + 1
            } else {
                log.remove(total.full, rule: .move, "the total number is printed after the issue number")
                log.insert("（" + total.inner.string + "）", before: cursor, rule: .move,
                           "the total number is printed after the issue number")
            }
        }
        _ = place(issuer, "issuer", log: &log)
        _ = place(date, "date", log: &log)
        return (DraftMasthead(title: title, number: number, totalNumber: total?.inner, issuer: issuer, date: date,
                              extraLines: extraLines), i)
    }

    /// `（总第2142期）`, `(总第2142期)` or `总第2142期`: the model keeps the inner text, the layout
    /// prints the brackets.
    private struct TotalNumber {
        var full: SourceString
        var inner: SourceString
        var bracketed: Bool

        init(_ text: SourceString, _ innerStart: Int, _ innerEnd: Int) {
            full = text.slice(0..<(innerStart > 0 ? innerEnd + 1 : innerEnd))
            inner = text.slice(innerStart..<innerEnd)
            bracketed = innerStart > 0
        }

        /// The brackets as the layout prints them: converted, or added when missing.
        func logBrackets(log: inout ImportLog) {
            let why = "the layout prints the total number in （）"
            if bracketed {
                log.expect(full, at: 0, printed: "（", why)
                log.expect(full, at: full.count - 1, printed: "）", why)
            } else {
                log.insert("（", before: inner.origins[0], rule: .separator, why)
                log.insert("）", before: inner.origins[inner.count - 1] + 1, rule: .separator, why)
            }
        }
    }
}
