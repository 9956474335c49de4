/// One unit of text for the later steps: a non-blank input line without its edge whitespace and
/// markdown prefix, or, after `Heal`, several such lines joined across page breaks.
struct Chunk: Sendable {
    /// What a markdown prefix said about the line (§2.4); a hint, never required.
    enum Hint: Sendable { case title, heading, rule }

    var text: SourceString
    var hint: Hint?
    /// 1-based input line of the first character.
    var line: Int
    /// Whether a blank line stood before this one in the input.
    var blankBefore: Bool
    /// Input offsets where a healed page break joined the next line's text on (§2.1).
    var breaks: [Int] = []
}

/// Step 2 — text to lines: splits at LF, CRLF, CR and form feed; removes the whitespace at the
/// edges of each line and on blank lines; reads markdown prefixes (`#`, `##`, `---`) as hints
/// and removes them. Every removed character is logged.
enum Lines {
    static func chunks(_ source: SourceText, log: inout ImportLog) -> [Chunk] {
        noteLineEndings(source, log: &log)
        var chunks: [Chunk] = []
        var blank = false
        for line in 1...source.lineCount {
            let range = source.lineRange(line)
            var text = SourceString(source, range)
            let trimmed = text.trimmedRange
            if trimmed.isEmpty {
                if !text.isEmpty { log.remove(text, rule: .whitespace, "whitespace on a blank line") }
                blank = true
                continue
            }
            if trimmed.lowerBound > 0 {
                log.remove(text.slice(0..<trimmed.lowerBound), rule: .whitespace, "indentation")
            }
            if trimmed.upperBound < text.count {
                log.remove(text.slice(trimmed.upperBound..<text.count), rule: .whitespace, "trailing whitespace")
            }
            text = text.slice(trimmed)
            var hint: Chunk.Hint?
            if isRule(text.scalars) {
                log.remove(text, rule: .markdown, "horizontal rule (the masthead or 版记 rule); the layout draws its own")
                chunks.append(Chunk(text: SourceString(), hint: .rule, line: line, blankBefore: blank))
                blank = false
                continue
            }
            if let marker = headingMarker(text.scalars) {
                let level = text.scalars.prefix(while: { $0 == "#" }).count
                hint = level == 1 ? .title : .heading
                log.remove(text.prefix(marker), rule: .markdown, "heading marker (a hint: \(level == 1 ? "title" : "column or headline"))")
                text = text.dropFirst(marker)
            }
            chunks.append(Chunk(text: text, hint: hint, line: line, blankBefore: blank))
            blank = false
        }
        return chunks
    }

    /// `---`, `***`, `___` (three or more, spaces allowed between).
    static func isRule(_ s: [Unicode.Scalar]) -> Bool {
        guard let first = s.first, first == "-" || first == "*" || first == "_" else { return false }
        var count = 0
        for c in s {
            if c == first { count += 1 } else if !Scalars.isSpace(c) { return false }
        }
        return count >= 3
    }

    /// Length of `#…# ` (one to six #, then whitespace) at the start, when text follows.
    static func headingMarker(_ s: [Unicode.Scalar]) -> Int? {
        var i = 0
        while i < s.count && s[i] == "#" { i += 1 }
        guard (1...6).contains(i), i < s.count, Scalars.isSpace(s[i]) else { return nil }
        while i < s.count && Scalars.isSpace(s[i]) { i += 1 }
        return i < s.count ? i : nil
    }

    private static func noteLineEndings(_ source: SourceText, log: inout ImportLog) {
        var crlf = 0, cr = 0, formFeeds = 0
        var i = 0
        let s = source.scalars
        while i < s.count {
            if s[i] == "\r" {
                if i + 1 < s.count && s[i + 1] == "\n" { crlf += 1; i += 1 } else { cr += 1 }
            } else if s[i] == "\u{0C}" {
                formFeeds += 1
            }
            i += 1
        }
        if crlf > 0 { log.guess(at: 0, "CRLF", takenAs: "line break", rule: .lineEnding, "\(crlf) Windows line endings") }
        if cr > 0 { log.guess(at: 0, "CR", takenAs: "line break", rule: .lineEnding, "\(cr) old Mac line endings") }
        if formFeeds > 0 {
            log.guess(at: 0, "form feed", takenAs: "line break", rule: .lineEnding, "\(formFeeds) form feeds (page ends)")
        }
    }
}
