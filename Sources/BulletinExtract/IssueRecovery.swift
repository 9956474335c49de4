import BulletinModel

/// Rebuilds the issue model (BulletinModel.Issue) from classified paragraphs, when the pages are a
/// bulletin: a masthead with title, 第N期, issuer and date is required (the issue format requires
/// them, and the extractor does not invent them).
///
/// What comes back is what the page prints, minus what the layout adds: brackets of the total
/// number, column and attribution, the colon after footer and 版记 labels. Runs: emphasised text
/// (bold, 黑体) at the start of an article's first paragraph is its run-in title; emphasised text
/// ending a sentence (`带头参与疫情防控。`) a lead; other emphasised text bold. Our layout prints the
/// three alike, so this reading is the format's own definition of each role.
public enum IssueRecovery {
    public static func recover(_ blocks: [ClassifiedParagraph]) -> Issue? {
        guard let masthead = masthead(blocks) else { return nil }
        var builder = SectionBuilder()
        var footer: [FooterField] = []
        var lines: [DistributionLine] = []
        var notes: [String] = []
        var printRun: String?
        for block in blocks {
            let text = BulletinPatterns.trimmed(block.paragraph.text)
            switch block.role {
            case .mastheadExtra, .title, .mastheadLine:
                continue
            case .column:
                builder.startSection(column: BulletinPatterns.column(text))
            case .kicker:
                builder.article(startingWith: .kicker).kicker = text
            case .headline:
                builder.article(startingWith: .headline).headline = text
            case .subtitle:
                builder.article(startingWith: .subtitle).subtitle = text
            case .editorsNote:
                builder.article(startingWith: .editorsNote).editorsNote = Paragraph(runs: runs(block, firstOfArticle: false))
            case .attribution:
                builder.article(startingWith: .body).attribution = BulletinPatterns.attribution(text)
                builder.closeArticle()
            case .heading:
                let heading: Heading
                if let label = BulletinPatterns.headingLabel(text) {
                    heading = Heading(label: label.label, text: label.rest)
                } else {
                    heading = Heading(label: nil, text: text)
                }
                builder.article(startingWith: .body).blocks.append(.heading(heading))
            case .note:
                builder.article(startingWith: .body).blocks.append(.note(Paragraph(runs: runs(block, firstOfArticle: false))))
            case .paragraph:
                let article = builder.article(startingWith: .body)
                let first = article.blocks.isEmpty && article.headline == nil && article.kicker == nil
                var paragraph = Paragraph(runs: runs(block, firstOfArticle: first))
                // An attribution run in at the end of the article's last paragraph (other layouts
                // than ours set it so) closes the article.
                if let last = paragraph.runs.last, last.role == .text,
                   let split = BulletinPatterns.trailingAttribution(last.text) {
                    paragraph.runs[paragraph.runs.count - 1].text = split.before
                    if split.before.isEmpty { paragraph.runs.removeLast() }
                    if !paragraph.runs.isEmpty { article.blocks.append(.paragraph(paragraph)) }
                    article.attribution = split.unit
                    builder.closeArticle()
                } else {
                    article.blocks.append(.paragraph(paragraph))
                }
            case .footer:
                for piece in FooterFields.split(text) {
                    if let field = BulletinPatterns.labelled(piece) {
                        footer.append(FooterField(label: field.label, value: field.value))
                    }
                }
            case .distribution:
                if let field = BulletinPatterns.labelled(text) {
                    lines.append(DistributionLine(label: field.label, text: field.value))
                } else if BulletinPatterns.isPrintRun(text) {
                    printRun = text
                } else {
                    notes.append(text)
                }
            }
        }
        let sections = builder.finish()
        guard !sections.isEmpty else { return nil }
        let distribution = lines.isEmpty && notes.isEmpty && printRun == nil
            ? nil : Distribution(lines: lines, printRun: printRun, notes: notes)
        return Issue(masthead: masthead, sections: sections, footer: footer, distribution: distribution)
    }

    /// Title, number, total, issuer and date from the masthead paragraphs.
    static func masthead(_ blocks: [ClassifiedParagraph]) -> Masthead? {
        guard let title = blocks.first(where: { $0.role == .title }) else { return nil }
        let extra = blocks.filter { $0.role == .mastheadExtra }.map { BulletinPatterns.trimmed($0.paragraph.text) }
        var number: String?, total: String?, issuer: String?, date: String?
        for block in blocks where block.role == .mastheadLine {
            let text = BulletinPatterns.trimmed(block.paragraph.text)
            if text.contains("总第") {
                let split = BulletinPatterns.splitTotal(text)
                total = split.total
                if !split.number.isEmpty { number = split.number }
            } else if number == nil && BulletinPatterns.hasIssueNumber(text) {
                number = text
            } else if let both = BulletinPatterns.splitIssuerDate(text), !both.issuer.isEmpty {
                issuer = both.issuer
                date = both.date
            } else if BulletinPatterns.isDate(text) {
                date = text
            } else if issuer == nil {
                issuer = text
            }
        }
        guard let number, let issuer, let date else { return nil }
        // A title set on two lines is one title.
        let titleText = title.paragraph.lines.map { BulletinPatterns.trimmed($0.text) }.joined()
        return Masthead(title: titleText, number: number, totalNumber: total, issuer: issuer, date: date,
                        extraLines: extra)
    }

    /// The paragraph's runs: emphasised spans become title, lead or bold runs, the rest text.
    static func runs(_ block: ClassifiedParagraph, firstOfArticle: Bool) -> [Run] {
        // Merge spans into alternating plain / emphasised stretches.
        var stretches: [(text: String, emphasis: Bool)] = []
        for (span, emphasis) in zip(block.paragraph.spans, block.emphasis) {
            if let last = stretches.last, last.emphasis == emphasis {
                stretches[stretches.count - 1].text += span.text
            } else {
                stretches.append((span.text, emphasis))
            }
        }
        // Spaces at a stretch boundary belong to neither role's meaning; keep them in plain text.
        var runs: [Run] = []
        for (index, stretch) in stretches.enumerated() {
            var text = stretch.text
            if index == 0 { text = String(text.drop { $0.isWhitespace }) }
            if index == stretches.count - 1 { text = String(text.reversed().drop { $0.isWhitespace }.reversed()) }
            guard !text.isEmpty else { continue }
            guard stretch.emphasis, !BulletinPatterns.trimmed(text).isEmpty else {
                runs.append(Run(text))
                continue
            }
            let role: Run.Role
            if index == 0 && firstOfArticle && stretches.count > 1 {
                role = .title
            } else if let last = BulletinPatterns.trimmed(text).unicodeScalars.last, last.isSentenceEnd || last == "！" {
                role = .lead
            } else {
                role = .bold
            }
            runs.append(Run(text, role: role))
        }
        if runs.isEmpty { runs = [Run(BulletinPatterns.trimmed(block.paragraph.text))] }
        return runs
    }
}

/// Collects articles into sections in reading order.
private struct SectionBuilder {
    enum Start { case kicker, headline, subtitle, editorsNote, body }

    final class ArticleDraft {
        var kicker: String?
        var headline: String?
        var subtitle: String?
        var editorsNote: Paragraph?
        var blocks: [Block] = []
        var attribution: String?
        var isEmpty: Bool { kicker == nil && headline == nil && subtitle == nil && editorsNote == nil && blocks.isEmpty }
    }

    private var sections: [Section] = []
    private var column: String?
    private var articles: [Article] = []
    private var current: ArticleDraft?
    private var closed = false

    mutating func startSection(column: String?) {
        finishArticle()
        if !articles.isEmpty || self.column != nil { sections.append(Section(column: self.column, articles: articles)) }
        articles = []
        self.column = column
    }

    /// The article the next element belongs to: a new one when the element can only open an
    /// article and the current one already has what comes before it.
    mutating func article(startingWith element: Start) -> ArticleDraft {
        if let current, !closed {
            let needsNew: Bool
            switch element {
            case .editorsNote: needsNew = !current.isEmpty
            case .kicker: needsNew = !current.isEmpty
            case .headline: needsNew = current.headline != nil || !current.blocks.isEmpty || current.subtitle != nil
            case .subtitle: needsNew = !current.blocks.isEmpty
            case .body: needsNew = false
            }
            if !needsNew { return current }
        }
        finishArticle()
        let draft = ArticleDraft()
        current = draft
        closed = false
        return draft
    }

    mutating func closeArticle() { closed = true }

    private mutating func finishArticle() {
        guard let draft = current else { return }
        current = nil
        closed = false
        var blocks = draft.blocks
        var headline = draft.headline, kicker = draft.kicker, subtitle = draft.subtitle
        if blocks.isEmpty {
            // An article needs a block: a title without a body keeps its text as a paragraph rather
            // than losing it.
            let text = [kicker, headline, subtitle].compactMap { $0 }.joined()
            if text.isEmpty && draft.editorsNote == nil && draft.attribution == nil { return }
            blocks = [.paragraph(Paragraph(text.isEmpty ? (draft.attribution ?? "") : text))]
            headline = nil
            kicker = nil
            subtitle = nil
        }
        articles.append(Article(kicker: kicker, headline: headline, subtitle: subtitle, editorsNote: draft.editorsNote,
                                blocks: blocks, attribution: draft.attribution))
    }

    mutating func finish() -> [Section] {
        startSection(column: nil)
        return sections
    }
}
