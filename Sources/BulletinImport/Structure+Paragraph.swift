import BulletinModel

/// Body paragraphs: `**` markers to runs, run-in labels, and the attribution that can end the
/// last paragraph of an article (bulletin-format.md §1).
enum Paragraphs {
    /// Splits a paragraph at its `**` markers (removed, logged). Text in ** that is a whole
    /// sentence (ends in 。！？) is a sub-lead — or, at the start of an article, its run-in title
    /// (decided by the body reader); other text in ** is bold. An unpaired marker is removed with
    /// a warning: markers are hints, so the import goes on.
    static func parse(_ chunk: Chunk, log: inout ImportLog) -> DraftParagraph {
        let text = chunk.text
        let s = text.scalars
        var markers: [Int] = []
        var i = 0
        while i + 1 < s.count {
            if s[i] == "*" && s[i + 1] == "*" {
                markers.append(i)
                i += 2
            } else {
                i += 1
            }
        }
        var unpaired: Int?
        if markers.count % 2 == 1 {
            unpaired = markers.last
            log.warn(at: text.origins[markers.last!], "unbalanced ** in this paragraph: the last marker has no partner and is removed; "
                     + "the text after it is not bold", hint: "markdown markers are only hints; check the emphasis")
        }
        var runs: [DraftRun] = []
        var current = SourceString()
        var removed = SourceString()
        var bold = false
        func flush() {
            defer { current = SourceString() }
            guard !current.isEmpty else { return }
            if bold && !current.scalars.allSatisfy(Scalars.isSpace) {
                let lead = isSentence(current.scalars)
                runs.append(DraftRun(role: lead ? .lead : .bold, text: current,
                                     reason: lead ? "a sentence in ** inside a paragraph" : "text in **"))
            } else if let last = runs.last, last.role == .text {
                runs[runs.count - 1].text.append(current)
            } else {
                runs.append(DraftRun(role: .text, text: current))
            }
        }
        var m = 0
        i = 0
        while i < s.count {
            if m < markers.count && markers[m] == i {
                removed.append(text.slice(i..<(i + 2)))
                if i != unpaired {
                    flush()
                    bold.toggle()
                }
                m += 1
                i += 2
                continue
            }
            current.append(s[i], origin: text.origins[i])
            i += 1
        }
        flush()
        log.remove(removed, rule: .markdown, "bold marker ** (a hint only)")
        return DraftParagraph(runs: runs, breaks: chunk.breaks)
    }

    /// Ends in 。！？ (possibly inside a closing quote).
    static func isSentence(_ s: [Unicode.Scalar]) -> Bool {
        var end = s.count
        while end > 0 && Scalars.isSpace(s[end - 1]) { end -= 1 }
        guard end > 0 else { return false }
        if Scalars.isSentenceEnd(s[end - 1]) { return true }
        return end >= 2 && Scalars.isClosingQuote(s[end - 1]) && Scalars.isSentenceEnd(s[end - 2])
    }

    /// A label at the paragraph start (`第一，`, `1.`, `（一）`) stays in the text; the space after
    /// a `1.` label is removed.
    static func noteRunInLabel(_ paragraph: inout DraftParagraph, log: inout ImportLog) {
        guard let first = paragraph.runs.first, first.role == .text else { return }
        let s = first.text.scalars
        let length = Patterns.runInLabelLength(s) ?? Patterns.headingLabel(s)?.length
        guard let length else { return }
        let start = first.text.skipSpaces(from: length)
        if start > length {
            log.separator(first.text.slice(length..<start), printed: "", insertion: nil, "space after a run-in label")
            var text = first.text.prefix(length)
            text.append(first.text.dropFirst(start))
            paragraph.runs[0].text = text
        }
        log.guess(at: first.text.origins[0], Array(s.prefix(length)).string, takenAs: "run-in label (kept in the text)",
                  rule: .runInLabel, "a numbered paragraph")
    }

    /// `…纪律严明。(海淀区文明办)`: a unit in brackets right after the last sentence of a paragraph
    /// is the article's attribution (with or without a space before it, either bracket width).
    /// Only a bracket that ends the paragraph, follows 。！？ and holds a unit name counts, so
    /// `(试行)》` in a sentence never does.
    static func inlineAttribution(_ paragraph: inout DraftParagraph, log: inout ImportLog) -> SourceString? {
        guard let lastRun = paragraph.runs.last, lastRun.role == .text else { return nil }
        let text = lastRun.text
        let s = text.scalars
        guard s.count >= 4, let close = s.last, close == "）" || close == ")" else { return nil }
        var open = s.count - 2
        while open >= 0 && s[open] != "（" && s[open] != "(" {
            if Scalars.isClosing(s[open]) || s.count - 2 - open > 30 { return nil }
            open -= 1
        }
        guard open >= 0 else { return nil }
        let inner = text.slice((open + 1)..<(s.count - 1))
        let unit = inner.slice(inner.trimmedRange)
        guard unit.count >= 2, UnitNames.isLikelyUnit(unit.scalars) else { return nil }
        var k = open
        while k > 0 && Scalars.isSpace(s[k - 1]) { k -= 1 }
        let before: [Unicode.Scalar] = k > 0 ? Array(s[0..<k])
            : (paragraph.runs.count > 1 ? paragraph.runs[paragraph.runs.count - 2].text.scalars : [])
        guard isSentence(before) else { return nil }
        log.separator(text.slice(k..<open), printed: "", insertion: nil, "space before an attribution at the paragraph end")
        log.expect(text, at: open, printed: "（", "the layout prints the attribution in （）")
        log.expect(text, at: s.count - 1, printed: "）", "the layout prints the attribution in （）")
        let trimmed = log.trim(inner, "space inside the attribution's brackets")
        log.guess(at: text.origins[open], text.slice(open..<s.count).string, takenAs: "attribution", rule: .attribution,
                  "a unit in brackets ending the paragraph")
        if k > 0 {
            paragraph.runs[paragraph.runs.count - 1].text = text.prefix(k)
        } else {
            paragraph.runs.removeLast()
        }
        return trimmed
    }
}
