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
        var builder = Builder()
        var sections: [Section] = []
        func take(_ pieces: [IssuePiece]) {
            for piece in pieces {
                switch piece {
                case .section(let column): sections.append(Section(column: column, articles: []))
                case .article(let article): sections[sections.count - 1].articles.append(article)
                }
            }
        }
        for block in blocks {
            builder.add(block)
            take(builder.takePieces())
        }
        let end = builder.finish()
        take(end.pieces)
        guard let masthead = builder.masthead, !sections.isEmpty else { return nil }
        return Issue(masthead: masthead, sections: sections, footer: end.footer, distribution: end.distribution)
    }

    /// A part of the issue complete enough to be written: a section opening (its articles follow)
    /// or an article of the section opened last.
    public enum IssuePiece: Equatable {
        case section(column: String?)
        case article(Article)
    }

    /// The issue built a classified paragraph at a time (`ClassifierStream`'s order), handed out
    /// in pieces as they complete (`takePieces`), so that what it holds is the article being read,
    /// not the document. A document whose masthead does not make a bulletin is known as such after
    /// its first paragraphs, and the rest is not kept.
    public struct Builder {
        private var mastheadBlocks: [ClassifiedParagraph] = []
        /// The masthead, once the paragraphs after it have begun (or at `finish`); nil before, or
        /// when the pages do not show a bulletin's masthead.
        public private(set) var masthead: Masthead?
        private var notABulletin = false
        private var sections = SectionBuilder()
        private var footer: [FooterField] = []
        private var lines: [DistributionLine] = []
        private var notes: [String] = []
        private var printRun: String?

        public init() {}

        public mutating func add(_ block: ClassifiedParagraph) {
            switch block.role {
            case .mastheadExtra, .title, .mastheadLine:
                // The masthead's paragraphs come first (`BlockClassifier.markMasthead`).
                mastheadBlocks.append(block)
                return
            default:
                break
            }
            if masthead == nil && !notABulletin {
                masthead = IssueRecovery.masthead(mastheadBlocks)
                notABulletin = masthead == nil
                mastheadBlocks = []
            }
            guard !notABulletin else { return }
            let text = BulletinPatterns.trimmed(block.paragraph.text)
            switch block.role {
            case .mastheadExtra, .title, .mastheadLine:
                break
            case .column:
                sections.startSection(column: BulletinPatterns.column(text))
            case .kicker:
                sections.article(startingWith: .kicker).kicker = text
            case .headline:
                sections.article(startingWith: .headline).headline = text
            case .subtitle:
                sections.article(startingWith: .subtitle).subtitle = text
            case .editorsNote:
                sections.article(startingWith: .editorsNote).editorsNote = Paragraph(runs: runs(block, firstOfArticle: false))
            case .attribution:
                sections.article(startingWith: .body).attribution = BulletinPatterns.attribution(text)
                sections.closeArticle()
            case .heading:
                let heading: Heading
                if let label = BulletinPatterns.headingLabel(text) {
                    heading = Heading(label: label.label, text: label.rest)
                } else {
                    heading = Heading(label: nil, text: text)
                }
                sections.article(startingWith: .body).blocks.append(.heading(heading))
            case .note:
                sections.article(startingWith: .body).blocks.append(.note(Paragraph(runs: runs(block, firstOfArticle: false))))
            case .paragraph:
                let article = sections.article(startingWith: .body)
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
                    sections.closeArticle()
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

        /// The sections opened and articles completed since the last call.
        public mutating func takePieces() -> [IssuePiece] {
            defer { sections.pieces = [] }
            return sections.pieces
        }

        /// Ends the issue (call once, after the last `add`): the last pieces, the footer and the
        /// distribution. No issue unless `masthead` is set now and a section was handed out.
        public mutating func finish() -> (pieces: [IssuePiece], footer: [FooterField], distribution: Distribution?) {
            if masthead == nil && !notABulletin { masthead = IssueRecovery.masthead(mastheadBlocks) }
            sections.finish()
            let distribution = lines.isEmpty && notes.isEmpty && printRun == nil
                ? nil : Distribution(lines: lines, printRun: printRun, notes: notes)
            return (takePieces(), footer, distribution)
        }
    }

    /// The recovered issue written as issue JSON while the paragraphs come: a `Builder` feeding
    /// `IssueEncoder.Pieces`. What `add` and `finish` return, joined, is
    /// `IssueEncoder.encode(recover(blocks))` (lines after the first indented by `indent`, no final
    /// newline) — or, when `finish` returns nil, nothing: the pages are not a bulletin and what
    /// was returned before is to be dropped.
    public struct JSONStream {
        private var builder = Builder()
        private var pieces: IssueEncoder.Pieces?
        private let indent: String

        public init(indent: String = "") {
            self.indent = indent
        }

        public mutating func add(_ block: ClassifiedParagraph) -> String {
            builder.add(block)
            return write(builder.takePieces())
        }

        public mutating func finish() -> String? {
            let end = builder.finish()
            let rest = write(end.pieces)
            guard var pieces, pieces.sectionCount > 0 else { return nil }
            defer { self.pieces = pieces }
            return rest + pieces.closing(footer: end.footer, distribution: end.distribution)
        }

        private mutating func write(_ parts: [IssuePiece]) -> String {
            guard !parts.isEmpty || (pieces == nil && builder.masthead != nil) else { return "" }
            var output = ""
            if pieces == nil, let masthead = builder.masthead {
                let opened = IssueEncoder.Pieces(masthead: masthead, indent: indent)
                output = opened.opening()
                pieces = opened
            }
            for part in parts {
                switch part {
                case .section(let column): output += pieces!.section(column: column)
                case .article(let article): output += pieces!.article(article)
                }
            }
            return output
        }
    }

    /// Title, number, total, issuer and date from the masthead paragraphs.
    static func masthead(_ blocks: [ClassifiedParagraph]) -> Masthead? {
        guard let title = blocks.first(where: { $0.role == .title }) else { return nil }
        var extra = blocks.filter { $0.role == .mastheadExtra }.map { BulletinPatterns.trimmed($0.paragraph.text) }
        var number: String?, total: String?, issuer: String?, date: String?
        // A line whose field is already filled (a number or date printed twice) is not dropped:
        // it is kept with the lines above the title, the one place a masthead prints free lines.
        var leftover: [String] = []
        for block in blocks where block.role == .mastheadLine {
            let text = BulletinPatterns.trimmed(block.paragraph.text)
            if text.contains("总第") {
                let split = BulletinPatterns.splitTotal(text)
                guard total == nil, split.number.isEmpty || number == nil else { leftover.append(text); continue }
                total = split.total
                if !split.number.isEmpty { number = split.number }
            } else if BulletinPatterns.hasIssueNumber(text) {
                guard number == nil else { leftover.append(text); continue }
                number = text
            } else if let both = BulletinPatterns.splitIssuerDate(text), !both.issuer.isEmpty {
                guard date == nil else { leftover.append(text); continue }
                // An issuer already read (`XX办公室` above `编印：张三　2024年3月1日`): the date is
                // taken, the rest of the line kept.
                if issuer == nil { issuer = both.issuer } else { leftover.append(both.issuer) }
                date = both.date
            } else if BulletinPatterns.isDate(text) {
                guard date == nil else { leftover.append(text); continue }
                date = text
            } else {
                guard issuer == nil else { leftover.append(text); continue }
                issuer = text
            }
        }
        extra += leftover
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

/// Collects articles into sections in reading order, handing each article out as it completes
/// (`pieces`), preceded by its section's opening when it is the section's first.
private struct SectionBuilder {
    enum Start { case kicker, headline, subtitle, editorsNote, body }

    /// Pieces completed and not yet taken.
    var pieces: [IssueRecovery.IssuePiece] = []

    final class ArticleDraft {
        var kicker: String?
        var headline: String?
        var subtitle: String?
        var editorsNote: Paragraph?
        var blocks: [Block] = []
        var attribution: String?
        var isEmpty: Bool { kicker == nil && headline == nil && subtitle == nil && editorsNote == nil && blocks.isEmpty }
    }

    private var column: String?
    /// The current section's opening was handed out (with its first article).
    private var opened = false
    private var current: ArticleDraft?
    private var closed = false

    mutating func startSection(column: String?) {
        finishArticle()
        // A column head with no article under it (two heads in a row, a head just before the
        // footer) is kept as the text it printed, a paragraph of a section without a column: an
        // issue's section needs an article, and its text must not be lost.
        if !opened, let column = self.column {
            pieces.append(.section(column: nil))
            pieces.append(.article(Article(blocks: [.paragraph(Paragraph("【\(column)】"))])))
        }
        opened = false
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
        if !opened {
            pieces.append(.section(column: column))
            opened = true
        }
        pieces.append(.article(Article(kicker: kicker, headline: headline, subtitle: subtitle, editorsNote: draft.editorsNote,
                                       blocks: blocks, attribution: draft.attribution)))
    }

    mutating func finish() {
        startSection(column: nil)
    }
}
