/// The issue format's walk over the JSON tree (Samples/FORMAT.md), on top of the generic
/// checks of `JSONReader` (types, keys, text).
///
/// Each method returns a value even when the input is wrong (with placeholders such as ""), so
/// that the walk goes on and finds every problem; `IssueDecoder` uses the result only when no
/// error was recorded.
extension JSONReader {
    mutating func issue(_ value: JSONValue) -> Issue {
        let object = self.object(value, path: "", expected: "an object (the issue)", keys: IssueDecoder.issueKeys)
        var issue = Issue(masthead: Masthead(title: "", number: "", issuer: "", date: ""), sections: [])
        if let field = object["masthead"] { issue.masthead = masthead(field.value, path: field.path) }
        for item in items(object["sections"], expected: "a non-empty array of sections", nonEmpty: true) {
            issue.sections.append(section(item.value, path: item.path))
        }
        for item in items(object["footer"], expected: "an array of footer fields") {
            issue.footer.append(footerField(item.value, path: item.path))
        }
        if let field = object["distribution"] { issue.distribution = distribution(field.value, path: field.path) }
        return issue
    }

    mutating func masthead(_ value: JSONValue, path: String) -> Masthead {
        let object = self.object(value, path: path, expected: "an object (the masthead)",
                                 keys: IssueDecoder.mastheadKeys)
        return Masthead(title: text(object["title"]) ?? "", number: text(object["number"]) ?? "",
                        totalNumber: text(object["totalNumber"]), issuer: text(object["issuer"]) ?? "",
                        date: text(object["date"]) ?? "", extraLines: texts(object["extraLines"]))
    }

    mutating func section(_ value: JSONValue, path: String) -> Section {
        let object = self.object(value, path: path, expected: "a section object (with \"articles\")",
                                 keys: IssueDecoder.sectionKeys)
        var section = Section(column: text(object["column"]), articles: [])
        for item in items(object["articles"], expected: "a non-empty array of articles", nonEmpty: true) {
            section.articles.append(article(item.value, path: item.path))
        }
        return section
    }

    mutating func article(_ value: JSONValue, path: String) -> Article {
        let object = self.object(value, path: path, expected: "an article object (with \"blocks\")",
                                 keys: IssueDecoder.articleKeys)
        var article = Article(kicker: text(object["kicker"]), headline: text(object["headline"]),
                              subtitle: text(object["subtitle"]), blocks: [])
        if let field = object["editorsNote"] { article.editorsNote = paragraph(field.value, path: field.path) }
        for item in items(object["blocks"], expected: "a non-empty array of blocks", nonEmpty: true) {
            article.blocks.append(block(item.value, path: item.path))
        }
        article.attribution = text(object["attribution"])
        return article
    }

    mutating func block(_ value: JSONValue, path: String) -> Block {
        let expected = #"a paragraph, heading or note (a string, or an object with "paragraph", "heading" or "note")"#
        if value.stringValue != nil { return .paragraph(paragraph(value, path: path)) }
        switch kindKey(value, path: path, expected: expected, kinds: IssueDecoder.blockKinds) {
        case "paragraph":
            let object = self.object(value, path: path, expected: expected, keys: ObjectKeys(["paragraph"]))
            guard let field = object["paragraph"] else { return .paragraph(Paragraph(runs: [])) }
            return .paragraph(paragraph(field.value, path: field.path))
        case "note":
            let object = self.object(value, path: path, expected: expected, keys: ObjectKeys(["note"]))
            guard let field = object["note"] else { return .note(Paragraph(runs: [])) }
            return .note(paragraph(field.value, path: field.path))
        case "heading":
            let object = self.object(value, path: path, expected: expected, keys: IssueDecoder.headingKeys)
            let heading = text(object["heading"]) ?? "", label = text(object["label"])
            let level = object["level"].flatMap { headingLevel($0.value, path: $0.path) }
            return .heading(Heading(label: label, text: heading, level: level))
        default:
            return .paragraph(Paragraph(runs: []))
        }
    }

    /// A heading level: a whole number 1…4 (nil after reporting anything else).
    mutating func headingLevel(_ value: JSONValue, path: String) -> Int? {
        note(value, path: path)
        if let level = value.intValue, (1 ... 4).contains(level) { return level }
        var found = value.kindDescription
        if case .number(let literal) = value.content { found = literal }
        error("expected a heading level from 1 to 4, found \(found)",
              at: value.location, path: path, hint: "1 for 一、, 2 for （一）, 3 for 1., 4 for （1）")
        return nil
    }

    /// The paragraph form: a string (one plain run) or a non-empty array of runs. Whitespace is
    /// trimmed only at the paragraph's two ends: between runs it is content.
    mutating func paragraph(_ value: JSONValue, path: String) -> Paragraph {
        if value.stringValue != nil { return Paragraph(runs: [Run(text(value, path: path) ?? "")]) }
        let items = array(value, path: path, expected: "a paragraph (a string, or a non-empty array of runs)",
                          nonEmpty: true)
        var runs: [Run] = []
        for (index, item) in items.enumerated() {
            runs.append(run(item.value, path: item.path, trimStart: index == 0, trimEnd: index == items.count - 1))
        }
        return Paragraph(runs: runs)
    }

    mutating func run(_ value: JSONValue, path: String, trimStart: Bool, trimEnd: Bool) -> Run {
        let expected = "a run (a string, or an object with one key \"bold\", \"title\" or \"lead\")"
        if value.stringValue != nil {
            return Run(text(value, path: path, trimStart: trimStart, trimEnd: trimEnd) ?? "")
        }
        guard let kind = kindKey(value, path: path, expected: expected, kinds: IssueDecoder.runKinds) else {
            return Run("")
        }
        let object = self.object(value, path: path, expected: expected, keys: ObjectKeys([kind]))
        guard let field = object[kind] else { return Run("") }
        let text = text(field.value, path: field.path, trimStart: trimStart, trimEnd: trimEnd)
        return Run(text ?? "", role: Run.Role(rawValue: kind) ?? .text)
    }

    mutating func footerField(_ value: JSONValue, path: String) -> FooterField {
        let object = self.object(value, path: path, expected: "a footer field object (with \"label\" and \"value\")",
                                 keys: IssueDecoder.footerFieldKeys)
        return FooterField(label: text(object["label"]) ?? "", value: text(object["value"]) ?? "")
    }

    mutating func distribution(_ value: JSONValue, path: String) -> Distribution {
        let object = self.object(value, path: path, expected: "an object (the distribution block)",
                                 keys: IssueDecoder.distributionKeys)
        var distribution = Distribution(lines: [])
        for item in items(object["lines"], expected: "an array of distribution lines") {
            let line = self.object(item.value, path: item.path,
                                   expected: #"a distribution line object (with "label" and "text")"#,
                                   keys: IssueDecoder.distributionLineKeys)
            let label = text(line["label"]) ?? "", text = text(line["text"]) ?? ""
            distribution.lines.append(DistributionLine(label: label, text: text))
        }
        distribution.printRun = text(object["printRun"])
        distribution.notes = texts(object["notes"])
        return distribution
    }
}
