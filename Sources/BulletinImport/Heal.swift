/// Step 3 — page breaks (bulletin-format.md §2.1): the archive text has a blank line wherever the
/// original PDF turned a page, even mid-word. Such a break is healed by joining the two lines with
/// nothing.
///
/// Rule of thumb (it finds all 12 breaks in the shared seeds and no false one): the line before is
/// a body paragraph (more than 40 characters, with a comma or 。, not a footer or 版记 line), does not end in a terminal mark
/// (。！？；… or ：, a closing bracket, or a closing quote right after 。！？), and the next line does
/// not start a structure (【, 一、, （一）, 第一，, `1. `, an attribution-only line, a footer or 版记
/// label, an editor's note or note label, a markdown heading or rule). A next line that starts with
/// a mark that can only continue a sentence (，。、）” …) is joined whatever the line before is.
/// A break at a paragraph end cannot be seen, and needs no healing.
enum Heal {
    static func pageBreaks(_ chunks: [Chunk], log: inout ImportLog) -> [Chunk] {
        var healed: [Chunk] = []
        healed.reserveCapacity(chunks.count)
        var i = 0
        while i < chunks.count {
            var current = chunks[i]
            var plainCount = current.text.plainPrefix(41).count
            var hasComma = hasClauseMark(current.text.scalars)
            // A footer or 版记 line is never a body paragraph, however long.
            let firstPlain = current.text.plainPrefix(8)
            let labelled = Patterns.footerLabel(firstPlain, at: 0) != nil || Patterns.distributionLabel(firstPlain) != nil
            while i + 1 < chunks.count {
                let next = chunks[i + 1]
                let body = current.hint == nil && plainCount > 40 && hasComma && !labelled
                guard let join = decide(current, isBody: body, next, log: &log) else { break }
                let before = tail(current.text) + (next.blankBefore ? "⏎⏎" : "⏎") + head(next.text)
                log.guess(at: next.text.origins[0], before, takenAs: "page break (joined with nothing)",
                          rule: .pageBreak, join.reason, uncertain: join.uncertain)
                current.breaks.append(next.text.origins[0])
                current.text.append(next.text)
                plainCount += next.text.plainPrefix(41).count
                hasComma = hasComma || hasClauseMark(next.text.scalars)
                i += 1
            }
            healed.append(current)
            i += 1
        }
        return healed
    }

    /// Whether `next` continues `current` across a page break; nil when it does not.
    private static func decide(_ current: Chunk, isBody: Bool, _ next: Chunk,
                               log: inout ImportLog) -> (reason: String, uncertain: Bool)? {
        guard current.hint == nil, next.hint == nil, !current.text.isEmpty, !next.text.isEmpty else { return nil }
        guard let last = current.text.scalars.last(where: { $0 != "*" }),
              let first = next.text.scalars.first(where: { $0 != "*" }) else { return nil }
        if endsTerminal(current.text.scalars) { return nil }
        let gap = next.blankBefore ? "blank line" : "line break"
        if Scalars.isContinuationStart(first) {
            return ("\(gap) before “\(Character(first))”, which only continues a sentence", false)
        }
        guard isBody else { return nil }
        let plain = next.text.plainPrefix(BodyReader.classifyingLength)
        if let structure = startsStructure(plain) {
            log.guess(at: next.text.origins[0], tail(current.text) + "⏎" + head(next.text),
                      takenAs: "paragraph end", rule: .pageBreak,
                      "the paragraph has no final punctuation, but the next line starts \(structure)")
            return nil
        }
        let short = plain.count <= 40 && !plain.contains { "，。；！？,;".unicodeScalars.contains($0) }
        let quoteEnd = Scalars.isClosingQuote(last) || last == "》"
        var reason = "\(gap) inside a sentence (the paragraph does not end in 。！？；…)"
        if short { reason += "; the next line is short and could be a headline" }
        if quoteEnd { reason += "; the paragraph ends in a closing quote" }
        return (reason, short || quoteEnd)
    }

    private static func hasClauseMark(_ s: [Unicode.Scalar]) -> Bool {
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "，" || c == "," || c == "。" { return true }
            i += 1
        }
        return false
    }

    /// Ends in 。！？；… or ：, in ）)】, or in a closing quote right after 。！？.
    static func endsTerminal(_ s: [Unicode.Scalar]) -> Bool {
        var end = s.count
        while end > 0 && s[end - 1] == "*" { end -= 1 }
        guard end > 0 else { return true }
        let c = s[end - 1]
        if Scalars.isTerminal(c) || c == "：" || c == ":" || c == "）" || c == ")" || c == "】" { return true }
        if Scalars.isClosingQuote(c), end >= 2 { return Scalars.isSentenceEnd(s[end - 2]) }
        return false
    }

    /// What structure a line starts, if any (for the page-break rule and for notes).
    static func startsStructure(_ s: [Unicode.Scalar]) -> String? {
        guard let first = s.first else { return nil }
        if first == "【" { return "a column or bracketed label" }
        if Patterns.headingLabel(s) != nil { return "with a heading label" }
        if Patterns.runInLabelLength(s) != nil { return "with a run-in label" }
        if isAttributionOnly(s) { return "an attribution" }
        if Patterns.footerLabel(s, at: 0) != nil { return "a footer field" }
        if Patterns.distributionLabel(s) != nil { return "a 版记 line" }
        if Patterns.editorsNoteLabel(s) != nil { return "an editor's note" }
        if Patterns.noteLabel(s) != nil { return "a note" }
        return nil
    }

    /// A whole line in brackets of either width, short: `(门头沟区文明办)`.
    static func isAttributionOnly(_ s: [Unicode.Scalar]) -> Bool {
        guard s.count >= 3, s.count <= 42, s[0] == "（" || s[0] == "(",
              let last = s.last, last == "）" || last == ")" else { return false }
        let inner = s[1..<(s.count - 1)]
        return !inner.contains { $0 == "（" || $0 == "(" || $0 == "）" || $0 == ")" || $0 == "。" }
    }

    private static func tail(_ s: SourceString) -> String {
        "…" + s.scalars.suffix(8).string
    }

    private static func head(_ s: SourceString) -> String {
        s.scalars.prefix(8).string + "…"
    }
}
