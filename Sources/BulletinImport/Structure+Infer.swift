/// Inferences over the whole body, for formatting the archive text lost (bulletin-format.md §1).
enum Infer {
    /// Run-in titles without `**` (the first article on page 1 of 000 and 001 lost its markers):
    /// an article with no headline and no run-in title takes the first sentence of its first
    /// paragraph as its title when another article of its column has a run-in title in `**`.
    /// When no article of the column has a headline or a marked title at all, the same is done
    /// for a first sentence of at most 50 characters followed by more text — an article of a
    /// 简报 always has a title — but as an uncertain guess.
    static func runInTitles(_ sections: inout [DraftSection], log: inout ImportLog) {
        for s in sections.indices {
            let articles = sections[s].articles
            let marked = articles.contains { article in
                if case .paragraph(let p)? = article.blocks.first { return p.runs.first?.role == .title }
                return false
            }
            let headlines = articles.contains { $0.headline != nil }
            for a in articles.indices where articles[a].headline == nil {
                guard case .paragraph(var paragraph)? = articles[a].blocks.first,
                      let first = paragraph.runs.first, first.role == .text,
                      Patterns.runInLabelLength(first.text.scalars) == nil,
                      Patterns.headingLabel(first.text.scalars) == nil,
                      let cut = firstSentenceEnd(first.text.scalars) else { continue }
                let more = cut < first.text.count || paragraph.runs.count > 1
                guard more else { continue }
                if marked {
                    paragraph.runs[0].reason = "the first sentence of an article without headline; other articles "
                        + "of the column have run-in titles in **"
                } else if !headlines && cut <= 50 {
                    paragraph.runs[0].reason = "the first sentence of an article without headline (a 简报 article "
                        + "always has a title); no article of the column has a marked title"
                    paragraph.runs[0].uncertain = true
                } else {
                    continue
                }
                var title = paragraph.runs[0]
                title.role = .title
                title.text = first.text.prefix(cut)
                var runs = [title]
                if cut < first.text.count { runs.append(DraftRun(role: .text, text: first.text.dropFirst(cut))) }
                paragraph.runs.replaceSubrange(0..<1, with: runs)
                sections[s].articles[a].blocks[0] = .paragraph(paragraph)
            }
        }
    }

    /// Sub-leads that lost their `**` after a page break (001: the seven 带头… sub-leads of the
    /// “七带头” article are marked only before the break). When a paragraph has at least two
    /// marked sub-leads sharing a prefix of two or more characters (带头), and continues across a
    /// healed page break after the last of them, each sentence after the break that starts with
    /// the same prefix, has no comma, ends in 。！？ and is no longer than the longest marked
    /// sub-lead is one too. The same construct with no marker in the whole paragraph (000:
    /// 高标准，全覆盖。) stays text: there is no marked list to extend.
    static func lostSubLeads(_ sections: inout [DraftSection], log: inout ImportLog) {
        for s in sections.indices {
            for a in sections[s].articles.indices {
                for b in sections[s].articles[a].blocks.indices {
                    guard case .paragraph(var paragraph) = sections[s].articles[a].blocks[b] else { continue }
                    if extendLeads(&paragraph) { sections[s].articles[a].blocks[b] = .paragraph(paragraph) }
                }
            }
        }
    }

    private static func extendLeads(_ paragraph: inout DraftParagraph) -> Bool {
        let leads = paragraph.runs.filter { $0.role == .lead }.map(\.text.scalars)
        guard leads.count >= 2, !paragraph.breaks.isEmpty else { return false }
        var prefix = leads[0]
        for lead in leads.dropFirst() {
            var n = 0
            while n < prefix.count && n < lead.count && prefix[n] == lead[n] { n += 1 }
            prefix = Array(prefix[0..<n])
        }
        guard prefix.count >= 2 else { return false }
        let lastLead = paragraph.runs.lastIndex { $0.role == .lead }!
        guard let leadEnd = paragraph.runs[lastLead].text.origins.last,
              let pageBreak = paragraph.breaks.first(where: { $0 > leadEnd }) else { return false }
        let longest = leads.map(\.count).max()!
        var runs = Array(paragraph.runs[0...lastLead])
        var changed = false
        for run in paragraph.runs[(lastLead + 1)...] {
            guard run.role == .text else { runs.append(run); continue }
            var buffer = SourceString()
            for sentence in sentences(run.text) {
                let p = sentence.scalars
                if let first = sentence.origins.first, first >= pageBreak, p.starts(with: prefix), p.count <= longest,
                   !p.contains("，"), let last = p.last, Scalars.isSentenceEnd(last) {
                    if !buffer.isEmpty { runs.append(DraftRun(role: .text, text: buffer)); buffer = SourceString() }
                    runs.append(DraftRun(role: .lead, text: sentence,
                                         reason: "a sentence after a page break that starts like the sub-leads marked "
                                            + "before the break (\(prefix.string)…), whose ** were lost", uncertain: true))
                    changed = true
                } else {
                    buffer.append(sentence)
                }
            }
            if !buffer.isEmpty { runs.append(DraftRun(role: .text, text: buffer)) }
        }
        if changed { paragraph.runs = runs }
        return changed
    }

    /// End of the first sentence (after its 。！？, outside quotes and brackets), or nil.
    static func firstSentenceEnd(_ s: [Unicode.Scalar]) -> Int? {
        var depth = 0
        for (i, c) in s.enumerated() {
            if Scalars.isOpening(c) { depth += 1 } else if Scalars.isClosing(c) { depth -= 1 }
            else if Scalars.isSentenceEnd(c) && depth <= 0 { return i + 1 }
        }
        return nil
    }

    /// The text cut after each 。！？ outside quotes and brackets.
    static func sentences(_ text: SourceString) -> [SourceString] {
        var result: [SourceString] = []
        var start = 0, depth = 0
        for (i, c) in text.scalars.enumerated() {
            if Scalars.isOpening(c) { depth += 1 } else if Scalars.isClosing(c) { depth -= 1 }
            else if Scalars.isSentenceEnd(c) && depth <= 0 {
                result.append(text.slice(start..<(i + 1)))
                start = i + 1
            }
        }
        if start < text.count { result.append(text.slice(start..<text.count)) }
        return result
    }
}
