import BulletinModel

/// The body: columns and articles, line by line (bulletin-format.md §1).
///
/// Each line is, in this order of tests: a markdown rule (skipped); a column `【…】`; an
/// editor's note `编者按：…`; an attribution-only line `（…）` closing an article; a standalone
/// numbered heading; a headline-like line (short, no sentence punctuation, or marked `#`/`##`),
/// collected as the article's kicker/headline/subtitle; a note `注：…`; else a body paragraph.
/// An article ends at its attribution, or — when it has none — where a new headline, run-in
/// title, column or the footer begins.
struct BodyReader {
    private var sections: [DraftSection] = []
    private var article: DraftArticle?
    private var header: [SourceString] = []
    private var pendingNote: DraftParagraph?

    static func read(_ chunks: ArraySlice<Chunk>, log: inout ImportLog) -> [DraftSection] {
        var reader = BodyReader()
        for chunk in chunks { reader.read(chunk, log: &log) }
        reader.finish(log: &log)
        return reader.sections
    }

    private mutating func read(_ line: Chunk, log: inout ImportLog) {
        if line.hint == .rule { return }
        var chunk = line
        let p = chunk.text.plainPrefix(Self.classifyingLength)
        // Lines that are not paragraphs lose their ** first, so that positions found in the
        // text (brackets, labels) are positions in the text that is kept.
        if chunk.text.scalars.contains("*"), Self.column(p) != nil || Heal.isAttributionOnly(p) || Self.heading(p) != nil {
            chunk.text = log.stripMarkers(chunk.text)
            if chunk.text.isEmpty { return }
        }
        let s = Array(chunk.text.scalars.prefix(Self.classifyingLength))
        if let column = Self.column(s) {
            resolveHeader(log: &log)
            close(log: &log, reason: "a new column begins")
            let text = chunk.text
            let inner = text.slice(column)
            log.expect(text, at: column.lowerBound - 1, printed: "【", "the layout prints the column in 【】")
            log.expect(text, at: column.upperBound, printed: "】", "the layout prints the column in 【】")
            let name = log.trim(inner, "space inside 【】")
            sections.append(DraftSection(column: name, articles: []))
            log.guess(at: text.origins[0], text.string, takenAs: "column", rule: .column, "a line in 【】")
            return
        }
        if let label = Patterns.editorsNoteLabel(p), label < p.count {
            resolveHeader(log: &log)
            let note = Paragraphs.parse(chunk, log: &log)
            if var open = article, open.blocks.isEmpty, open.editorsNote == nil {
                open.editorsNote = note
                article = open
            } else {
                close(log: &log, reason: "an editor's note for the next article begins")
                flushPendingNote(log: &log, "a second editor's note follows it")
                pendingNote = note
            }
            log.guess(at: chunk.text.origins[0], Array(p.prefix(label)).string, takenAs: "editor's note", rule: .editorsNote,
                      "a paragraph starting with an editor's-note label")
            return
        }
        if Heal.isAttributionOnly(s), header.isEmpty, let open = article, !open.blocks.isEmpty,
           !chunk.text.slice(1..<(chunk.text.count - 1)).scalars.allSatisfy(Scalars.isSpace) {
            let text = chunk.text
            let inner = text.slice(1..<(text.count - 1))
            log.expect(text, at: 0, printed: "（", "the layout prints the attribution in （）")
            log.expect(text, at: text.count - 1, printed: "）", "the layout prints the attribution in （）")
            let unit = log.trim(inner, "space inside the attribution's brackets")
            let likely = UnitNames.isLikelyUnit(unit.scalars)
            log.guess(at: text.origins[0], text.string, takenAs: "attribution", rule: .attribution,
                      likely ? "a line in brackets after an article" : "a line in brackets after an article, not ending like a unit name (办, 处, 委 …)",
                      uncertain: !likely)
            article!.attribution = unit
            close(log: &log, reason: nil)
            return
        }
        if let heading = Self.heading(s) {
            resolveHeader(log: &log)
            openArticle(at: chunk.text.origins[0], log: &log)
            let text = chunk.text
            let label = text.prefix(heading.label)
            let start = text.skipSpaces(from: heading.label)
            log.separator(text.slice(heading.label..<start), printed: "", insertion: nil, "space after a heading label")
            let body = text.dropFirst(start)
            article!.blocks.append(.heading(label: label, text: body))
            log.guess(at: text.origins[0], text.string, takenAs: "heading, level \(heading.level)", rule: .heading,
                      "a short line starting with \(label.string)")
            return
        }
        if Self.isHeaderLike(chunk) {
            header.append(chunk.text)
            return
        }
        resolveHeader(log: &log)
        if let label = Patterns.noteLabel(p), label < p.count {
            openArticle(at: chunk.text.origins[0], log: &log)
            article!.blocks.append(.note(Paragraphs.parse(chunk, log: &log)))
            log.guess(at: chunk.text.origins[0], Array(p.prefix(label)).string, takenAs: "note", rule: .note,
                      "a paragraph starting with 注： or 附：")
            return
        }
        paragraph(chunk, log: &log)
    }

    // MARK: Paragraphs

    private mutating func paragraph(_ chunk: Chunk, log: inout ImportLog) {
        var paragraph = Paragraphs.parse(chunk, log: &log)
        guard !paragraph.runs.isEmpty else { return }
        let opensWithLead = paragraph.runs[0].role == .lead
        if opensWithLead, let open = article, !open.blocks.isEmpty, open.headline == nil {
            log.guess(at: paragraph.firstOrigin!, paragraph.runs[0].text.string, takenAs: "the start of a new article",
                      rule: .article, "a paragraph opening with a sentence in ** while the article before has no headline "
                        + "and no attribution (it could also be a sub-lead)", uncertain: true)
            close(log: &log, reason: nil)
        }
        openArticle(at: paragraph.firstOrigin!, log: &log)
        if opensWithLead && article!.blocks.isEmpty && article!.headline == nil {
            paragraph.runs[0].role = .title
            paragraph.runs[0].reason = "the article's first sentence, in **"
        }
        Paragraphs.noteRunInLabel(&paragraph, log: &log)
        let attribution = Paragraphs.inlineAttribution(&paragraph, log: &log)
        if !paragraph.runs.isEmpty { article!.blocks.append(.paragraph(paragraph)) }
        if let attribution {
            article!.attribution = attribution
            close(log: &log, reason: nil)
        }
    }

    // MARK: Articles

    /// Makes sure an article is open, taking a waiting editor's note.
    private mutating func openArticle(at origin: Int, log: inout ImportLog) {
        if article == nil {
            article = DraftArticle(origin: origin)
            if let note = pendingNote {
                article!.editorsNote = note
                pendingNote = nil
            }
        }
    }

    /// Turns the collected headline-like lines into the header of a new article.
    private mutating func resolveHeader(log: inout ImportLog) {
        guard !header.isEmpty else { return }
        var lines = header.map { log.stripMarkers($0) }.filter { !$0.isEmpty }
        header = []
        guard !lines.isEmpty else { return }
        if let open = article, !open.blocks.isEmpty || open.headline != nil {
            close(log: &log, reason: "a headline begins the next article")
        }
        if lines.count > 3 {
            // More title lines than kicker + headline + subtitle: the first are short paragraphs.
            let extra = lines.prefix(lines.count - 3)
            lines.removeFirst(lines.count - 3)
            openArticle(at: extra.first!.origins[0], log: &log)
            for line in extra {
                log.guess(at: line.origins[0], line.string, takenAs: "paragraph", rule: .headline,
                          "one of more than three short lines without punctuation in a row", uncertain: true)
                article!.blocks.append(.paragraph(DraftParagraph(runs: [DraftRun(role: .text, text: line)])))
            }
            close(log: &log, reason: "a headline begins the next article")
        }
        let header = Headers.resolve(lines, log: &log)
        openArticle(at: lines[0].origins[0], log: &log)
        article!.kicker = header.kicker
        article!.headline = header.headline
        article!.subtitle = header.subtitle
        if let note = article!.editorsNote, let noteStart = note.firstOrigin, let headerStart = lines[0].firstOrigin,
           noteStart < headerStart {
            article!.moveNoteBelowHeader = true  // moved when the first block is known (in `close`)
        }
    }

    /// Ends the open article and files it in the current section.
    private mutating func close(log: inout ImportLog, reason: String?) {
        guard var open = article else { return }
        article = nil
        if open.blocks.isEmpty {
            // A header with no body: its lines (and a note) become blocks in input order, so that
            // nothing is lost.
            let lines = [open.kicker, open.headline, open.subtitle].compactMap { $0 }
            guard !lines.isEmpty || open.editorsNote != nil else { return }
            var blocks: [(origin: Int, block: DraftBlock)] = []
            for line in lines {
                log.guess(at: line.origins[0], line.string, takenAs: "paragraph", rule: .headline,
                          "a headline-like line with no article text after it", uncertain: true)
                blocks.append((line.origins[0], .paragraph(DraftParagraph(runs: [DraftRun(role: .text, text: line)]))))
            }
            if let note = open.editorsNote { blocks.append((note.firstOrigin ?? 0, .note(note))) }
            open.blocks = blocks.sorted { $0.origin < $1.origin }.map(\.block)
            open.editorsNote = nil
            open.kicker = nil
            open.headline = nil
            open.subtitle = nil
            open.moveNoteBelowHeader = false
        }
        if open.moveNoteBelowHeader, let note = open.editorsNote, let target = open.blocks.first?.firstOrigin {
            for run in note.runs { log.move(run.text, before: target, "the editor's note is printed below the headline") }
        }
        if let reason, open.attribution == nil {
            log.guess(at: open.origin, "", takenAs: "an article without attribution", rule: .article,
                      "it ends where \(reason)")
        }
        if sections.isEmpty { sections.append(DraftSection(column: nil, articles: [])) }
        sections[sections.count - 1].articles.append(open)
    }

    private mutating func finish(log: inout ImportLog) {
        resolveHeader(log: &log)
        close(log: &log, reason: "the footer begins")
        flushPendingNote(log: &log, "no article follows it")
    }

    /// An editor's note still waiting for its article becomes an article of its own, with the
    /// note as its only block, so that nothing is lost.
    private mutating func flushPendingNote(log: inout ImportLog, _ why: String) {
        guard let note = pendingNote else { return }
        pendingNote = nil
        var orphan = DraftArticle(origin: note.firstOrigin ?? 0)
        orphan.blocks = [.note(note)]
        log.guess(at: orphan.origin, "", takenAs: "a note on its own", rule: .editorsNote,
                  "an editor's note, but \(why)", uncertain: true)
        if sections.isEmpty { sections.append(DraftSection(column: nil, articles: [])) }
        sections[sections.count - 1].articles.append(orphan)
    }

    // MARK: Line classes

    /// The range of a column's name in `【name】` filling the line.
    static func column(_ p: [Unicode.Scalar]) -> Range<Int>? {
        guard p.count >= 3, p.first == "【", p.last == "】" else { return nil }
        let inner = p[1..<(p.count - 1)]
        guard !inner.contains("【"), !inner.contains("】"), inner.count <= 30 else { return nil }
        if inner.allSatisfy(Scalars.isSpace) { return nil }
        // `【编者按】` with nothing after it is a label, not a column.
        return 1..<(p.count - 1)
    }

    /// A standalone numbered heading: a label, then a short text without sentence punctuation
    /// (or one short sentence).
    static func heading(_ p: [Unicode.Scalar]) -> (label: Int, level: Int)? {
        guard let label = Patterns.headingLabel(p) else { return nil }
        var start = label.length
        while start < p.count && Scalars.isSpace(p[start]) { start += 1 }
        let rest = p[start...]
        guard !rest.isEmpty, rest.count <= 40, let last = rest.last else { return nil }
        if "，、：,:；;".unicodeScalars.contains(last) { return nil }
        let inner = rest.dropLast()
        if inner.contains(where: { "。！？；!?;".unicodeScalars.contains($0) }) { return nil }
        if Scalars.isSentenceEnd(last) && rest.count > 30 { return nil }
        return (label.length, label.level)
    }

    /// A line that can be a kicker, headline or subtitle: marked `#`/`##`, or short with no
    /// sentence punctuation and not starting like a structure.
    /// How much of a line its class depends on (see `SourceString.plainPrefix`).
    static let classifyingLength = 80

    static func isHeaderLike(_ chunk: Chunk) -> Bool {
        if chunk.hint == .title || chunk.hint == .heading { return true }
        let p = chunk.text.plainPrefix(classifyingLength)
        guard (1...40).contains(p.count), let last = p.last else { return false }
        if Scalars.isTerminal(last) || "，、：,:".unicodeScalars.contains(last) { return false }
        if p.contains(where: { "。；！？;!?".unicodeScalars.contains($0) }) { return false }
        return Heal.startsStructure(p) == nil
    }
}
