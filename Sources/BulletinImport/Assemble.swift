import BulletinModel

/// The last part of step 5: drafts to the model. Logs the role of every run that is not plain
/// text (run-in title, sub-lead, bold), and refuses an issue without articles.
enum Assemble {
    static func issue(_ m: DraftMasthead, _ drafts: [DraftSection], _ tail: DraftTail,
                      log: inout ImportLog) throws(DiagnosticsError) -> Issue {
        let masthead = Masthead(title: m.title.string, number: m.number.string, totalNumber: m.totalNumber?.string,
                                issuer: m.issuer.string, date: m.date.string, extraLines: m.extraLines.map(\.string))
        var sections: [Section] = []
        for draft in drafts {
            let articles = draft.articles.compactMap { article($0, log: &log) }
            if articles.isEmpty { continue }
            sections.append(Section(column: draft.column?.string, articles: articles))
        }
        guard !sections.isEmpty else {
            throw DiagnosticsError([log.error(at: m.date.origins.last.map { $0 + 1 },
                                              "no article text after the masthead",
                                              hint: "an issue needs at least one article between the masthead and the footer")])
        }
        let footer = tail.footer.map { FooterField(label: $0.label.string, value: $0.value.string) }
        var distribution: Distribution?
        if !tail.lines.isEmpty || tail.printRun != nil || !tail.notes.isEmpty {
            distribution = Distribution(lines: tail.lines.map { DistributionLine(label: $0.label.string, text: $0.text.string) },
                                        printRun: tail.printRun?.string, notes: tail.notes.map(\.string))
        }
        return Issue(masthead: masthead, sections: sections, footer: footer, distribution: distribution)
    }

    private static func article(_ draft: DraftArticle, log: inout ImportLog) -> Article? {
        var blocks: [Block] = []
        for block in draft.blocks {
            switch block {
            case .paragraph(let p):
                if let paragraph = paragraph(p, log: &log) { blocks.append(.paragraph(paragraph)) }
            case .note(let p):
                if let paragraph = paragraph(p, log: &log) { blocks.append(.note(paragraph)) }
            case .heading(let label, let text):
                blocks.append(.heading(Heading(label: label.string, text: text.string)))
            }
        }
        guard !blocks.isEmpty else { return nil }
        return Article(kicker: draft.kicker?.string, headline: draft.headline?.string, subtitle: draft.subtitle?.string,
                       editorsNote: draft.editorsNote.flatMap { paragraph($0, log: &log) }, blocks: blocks,
                       attribution: draft.attribution?.string)
    }

    private static func paragraph(_ draft: DraftParagraph, log: inout ImportLog) -> Paragraph? {
        var runs: [Run] = []
        for run in draft.runs where !run.text.isEmpty {
            switch run.role {
            case .text: break
            case .title:
                log.guess(at: run.text.origins[0], run.text.string, takenAs: "run-in title", rule: .runInTitle,
                          run.reason ?? "the article's first sentence", uncertain: run.uncertain)
            case .lead:
                log.guess(at: run.text.origins[0], run.text.string, takenAs: "sub-lead", rule: .subLead,
                          run.reason ?? "a sentence in **", uncertain: run.uncertain)
            case .bold:
                log.guess(at: run.text.origins[0], run.text.string, takenAs: "bold", rule: .bold,
                          run.reason ?? "text in **", uncertain: run.uncertain)
            }
            if run.role == .text, let last = runs.last, last.role == .text {
                runs[runs.count - 1].text += run.text.string
            } else {
                runs.append(Run(run.text.string, role: run.role))
            }
        }
        return runs.isEmpty ? nil : Paragraph(runs: runs)
    }
}
